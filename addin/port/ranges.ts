/**
 * Rectangle arithmetic on 1-based inclusive ranges, shared by the adapters (validation ranges
 * that replace part of an existing one) and the fake Excel.
 */
import type { CellRange } from '../catalogue/grid.ts';
import { address, colLetters, parseAddress } from '../catalogue/grid.ts';

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

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

/**
 * One sqref token as a rectangle: a cell or cell range ('B3', 'B3:D5'), whole columns ('H:H',
 * '$H:$J') or whole rows ('3:3', '3:5'), with or without $. undefined when it is none of these.
 */
export function parseSqrefToken(token: string): CellRange | undefined {
  const t = token.trim().replace(/\$/g, '').toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(t);
  if (cols) {
    const a = colNumber(cols[1]);
    const b = colNumber(cols[2]);
    if (a > MAX_COL || b > MAX_COL) return undefined;
    return { r1: 1, c1: Math.min(a, b), r2: MAX_ROW, c2: Math.max(a, b) };
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(t);
  if (rows) {
    const a = Number(rows[1]);
    const b = Number(rows[2]);
    if (a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW) return undefined;
    return { r1: Math.min(a, b), c1: 1, r2: Math.max(a, b), c2: MAX_COL };
  }
  if (!/^[A-Z]{1,3}\d{1,7}(:[A-Z]{1,3}\d{1,7})?$/.test(t)) return undefined;
  const r = parseRange(t);
  if (!r || r.r1 < 1 || r.c1 < 1 || r.r2 > MAX_ROW || r.c2 > MAX_COL) return undefined;
  return r;
}

/**
 * An OOXML sqref ('A1:B2 D4', 'H:H', '3:3') as rectangles; undefined when any token is not a
 * range this reads (the caller then leaves the element as it is rather than guess).
 */
export function parseSqref(sqref: string): CellRange[] | undefined {
  const out: CellRange[] = [];
  for (const token of sqref.split(/\s+/)) {
    if (token === '') continue;
    const r = parseSqrefToken(token);
    if (!r) return undefined;
    out.push(r);
  }
  return out;
}

/** One rectangle as a sqref token: whole columns as 'H:J', whole rows as '3:5', else A1 form. */
export function sqrefToken(r: CellRange): string {
  if (r.r1 === 1 && r.r2 === MAX_ROW) return `${colLetters(r.c1)}:${colLetters(r.c2)}`;
  if (r.c1 === 1 && r.c2 === MAX_COL) return `${r.r1}:${r.r2}`;
  return rangeA1(r);
}

export function formatSqref(rects: readonly CellRange[]): string {
  return rects.map(sqrefToken).join(' ');
}

/** Whether any two rectangles of `rects` share a cell. */
export function anyOverlap(rects: readonly CellRange[]): boolean {
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (overlaps(rects[i], rects[j])) return true;
  return false;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
