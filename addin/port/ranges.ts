/**
 * Rectangle arithmetic on 1-based inclusive ranges, shared by the adapters (validation ranges
 * that replace part of an existing one) and the fake Excel.
 */
import type { CellRange } from '../catalogue/grid.ts';
import { address, parseAddress } from '../catalogue/grid.ts';

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** `a` without the cells of `b`: up to four rectangles (above, below, left, right). */
export function subtractRect(a: CellRange, b: CellRange): CellRange[] {
  if (!overlaps(a, b)) return [{ ...a }];
  const out: CellRange[] = [];
  if (a.r1 < b.r1) out.push({ r1: a.r1, c1: a.c1, r2: b.r1 - 1, c2: a.c2 });
  if (a.r2 > b.r2) out.push({ r1: b.r2 + 1, c1: a.c1, r2: a.r2, c2: a.c2 });
  const r1 = Math.max(a.r1, b.r1);
  const r2 = Math.min(a.r2, b.r2);
  if (a.c1 < b.c1) out.push({ r1, c1: a.c1, r2, c2: b.c1 - 1 });
  if (a.c2 > b.c2) out.push({ r1, c1: b.c2 + 1, r2, c2: a.c2 });
  return out;
}

/** Every rectangle of `rects` without the cells of any of `cut`. */
export function subtractAll(rects: readonly CellRange[], cut: readonly CellRange[]): CellRange[] {
  let cur = rects.map((r) => ({ ...r }));
  for (const c of cut) cur = cur.flatMap((r) => subtractRect(r, c));
  return cur;
}

/** 'B3' or 'B3:D5' (with or without $) -> rectangle; undefined when not a cell range. */
export function parseRange(a: string): CellRange | undefined {
  const [x, y] = a.trim().replace(/\$/g, '').split(':');
  const p = parseAddress(x ?? '');
  const q = parseAddress(y ?? x ?? '');
  if (!p || !q) return undefined;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

export function rangeA1(r: CellRange): string {
  const tl = address(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${address(r.r2, r.c2)}`;
}

/** An OOXML sqref ('A1:B2 D4') as rectangles; parts that are not cell ranges are dropped. */
export function parseSqref(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map(parseRange)
    .filter((r): r is CellRange => r !== undefined);
}

export function formatSqref(rects: readonly CellRange[]): string {
  return rects.map(rangeA1).join(' ');
}
