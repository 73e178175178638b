/**
 * Re-checking as the user types (Excel's worksheets.onChanged), as plain data: which rows to
 * read again, how to merge them into the grid the pane keeps, and how to tell our own writes
 * (fixes, undo) from the user's — by address and value, never by a time window that would
 * swallow a user's edit made while ours was in flight. Pure: no DOM, no port calls.
 */
import type { CellSpecial, Grid, Scalar } from '../catalogue/grid.ts';
import { address, parseAddress, scalarText } from '../catalogue/grid.ts';
import type { CellEdit } from '../catalogue/types.ts';
import type { RowSpan, RowsRead } from '../port/workbook-port.ts';
import { parseRange } from '../port/ranges.ts';

export interface PendingChange {
  address: string;
  changeType: string;
}

/** One changed area: a rectangle, or whole rows ('3:5'); null for what cannot be read by rows. */
function areaOf(a: string): { r1: number; r2: number; c1: number; c2: number } | null {
  const t = a.trim().replace(/\$/g, '').replace(/^.*!/, '');
  const rows = /^(\d+):(\d+)$/.exec(t);
  if (rows) return { r1: Math.min(+rows[1], +rows[2]), r2: Math.max(+rows[1], +rows[2]), c1: 1, c2: 16384 };
  return parseRange(t) ?? null;
}

export function areasOf(addr: string): ({ r1: number; r2: number; c1: number; c2: number } | null)[] {
  return addr.split(',').filter((x) => x.trim() !== '').map(areaOf);
}

/**
 * The rows to read again for these changes, merged into spans; null when the whole sheet must
 * be read (rows/columns inserted or deleted, a whole column changed, more than `maxRows` rows).
 */
export function rowsToReread(changes: readonly PendingChange[], maxRows = 2000): RowSpan[] | null {
  const spans: RowSpan[] = [];
  for (const c of changes) {
    if (c.changeType !== 'RangeEdited') return null;
    for (const a of areasOf(c.address)) {
      if (!a) return null;
      spans.push({ r1: a.r1, r2: a.r2 });
    }
  }
  spans.sort((a, b) => a.r1 - b.r1);
  const merged: RowSpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.r1 <= last.r2 + 1) last.r2 = Math.max(last.r2, s.r2);
    else merged.push({ ...s });
  }
  const total = merged.reduce((n, s) => n + s.r2 - s.r1 + 1, 0);
  return total > maxRows ? null : merged;
}

/** The widest column the changes reach (for how many columns to read). */
export function widestColumn(changes: readonly PendingChange[]): number {
  let w = 0;
  for (const c of changes) for (const a of areasOf(c.address)) if (a && a.c2 < 16384) w = Math.max(w, a.c2);
  return w;
}

/** Columns in use in a grid. */
export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const r of grid.values) if (r.length > w) w = r.length;
  return w;
}

/** `grid` with the rows of `read` replaced (their specials too); merges as they were. */
export function mergeRows(grid: Grid, read: RowsRead): Grid {
  const values = grid.values.map((r) => r.slice());
  const touched = new Set<number>();
  for (const { row, values: v } of read.rows) {
    while (values.length < row) values.push([]);
    values[row - 1] = v.slice();
    touched.add(row);
  }
  while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
  const special: Record<string, CellSpecial> = {};
  for (const [a, sp] of Object.entries(grid.special ?? {})) {
    const p = parseAddress(a);
    if (p && !touched.has(p.row)) special[a] = sp;
  }
  Object.assign(special, read.special);
  const out: Grid = { sheet: grid.sheet, values, merges: grid.merges.map((m) => ({ ...m })) };
  if (Object.keys(special).length > 0) out.special = special;
  return out;
}

function valueIn(read: RowsRead, row: number, col: number): Scalar | undefined {
  const r = read.rows.find((x) => x.row === row);
  if (!r) return undefined;
  return r.values[col - 1] ?? null;
}

/**
 * What we wrote and have not seen come back yet: sheet -> A1 -> the text written. A change
 * event is ours when every cell it names now holds what we wrote there, or (a cell we did not
 * write) what the pane's grid already had.
 */
export class OwnWrites {
  private readonly pending = new Map<string, Map<string, string>>();

  /** Remember the cells an applyEdits call wrote (applied edits whose value changed). */
  record(sheet: string, edits: readonly Pick<CellEdit, 'row' | 'col' | 'set'>[]): void {
    let m = this.pending.get(sheet);
    if (!m) this.pending.set(sheet, (m = new Map()));
    for (const e of edits) m.set(address(e.row, e.col), scalarText(e.set === '' ? null : e.set));
  }

  /** Forget everything (after a full read, the grid holds our writes). */
  clear(sheet?: string): void {
    if (sheet === undefined) this.pending.clear();
    else this.pending.delete(sheet);
  }

  get size(): number {
    let n = 0;
    for (const m of this.pending.values()) n += m.size;
    return n;
  }

  /**
   * Whether the change at `addr` is explained by our writes (or changed nothing), judged on the
   * rows read after it; the writes it explains are consumed. A cell outside `read` cannot be
   * judged: the change counts as the user's.
   */
  explains(sheet: string, addr: string, read: RowsRead, grid: Grid): boolean {
    const mine = this.pending.get(sheet);
    const consumed: string[] = [];
    for (const a of areasOf(addr)) {
      if (!a) return false;
      const c2 = a.c2 === 16384 ? Math.max(gridWidth(grid), ...read.rows.map((r) => r.values.length), 1) : a.c2;
      for (let r = a.r1; r <= a.r2; r++) {
        for (let c = a.c1; c <= c2; c++) {
          const now = valueIn(read, r, c);
          if (now === undefined) return false;
          const key = address(r, c);
          const wrote = mine?.get(key);
          if (wrote !== undefined && scalarText(now) === wrote) {
            consumed.push(key);
            continue;
          }
          if (scalarText(now) !== scalarText(grid.values[r - 1]?.[c - 1] ?? null)) return false;
        }
      }
    }
    for (const k of consumed) mine?.delete(k);
    return true;
  }
}
