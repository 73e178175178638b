/**
 * Rows shifted left or right by 1–5 cells (text extracted from a PDF, pasted one cell off).
 * Each non-empty cell is classified by what it looks like; we search the contiguous block of
 * cells [from, to] and the offset `by` whose move into empty cells best fits the columns.
 */
import type { FieldId } from '../types.ts';
import { type CellKind, fit } from './classify.ts';

export interface ShiftMove {
  /** first and last column (1-based) of the block that moves */
  from: number;
  to: number;
  /** columns to move by: negative = left, positive = right */
  by: number;
  gain: number;
  /** whether the fix may be applied without asking (see isSafe) */
  safe: boolean;
}

const MIN_GAIN = 4;
const MAX_SHIFT = 5;
const DISTINCT = new Set<CellKind>(['deadline', 'citation', 'channel', 'mark']);
const REQUIRED = new Set<FieldId>(['content', 'basis', 'deadline', 'subject', 'channel']);

/**
 * @param kinds kinds[c] for c = 1..ncols (index 0 unused)
 * @param fields fields[c] = the field of column c (undefined = a column with no header)
 * @param prefer column that a lone item name should move to (the deepest level used above)
 */
export function findShift(kinds: CellKind[], fields: (FieldId | undefined)[], ncols: number, prefer?: number): ShiftMove | undefined {
  // (fit called directly, not through a closure: a closure made per call was an allocation for every row)
  let bad = false;
  for (let c = 1; c <= ncols; c++) if (kinds[c] !== 'empty' && fit(kinds[c], fields[c]) < 0) bad = true;
  if (!bad) return undefined;

  let nonEmpty = 0;
  for (let c = 1; c <= ncols; c++) if (kinds[c] !== 'empty') nonEmpty++;
  // at[t][c] = how cell c's kind fits column t: the search below asks for these many times
  const at: number[][] = [];
  for (let t = 1; t <= ncols; t++) {
    const row: number[] = (at[t] = []);
    for (let c = 1; c <= ncols; c++) row[c] = fit(kinds[c], fields[t]);
  }
  let best: ShiftMove | undefined;
  let bestTie = Number.POSITIVE_INFINITY;
  for (let s = 1; s <= ncols; s++) {
    if (kinds[s] === 'empty') continue;
    let before = 0;
    for (let e = s; e <= ncols; e++) {
      before += at[e][e];
      if (kinds[e] === 'empty') continue;
      // a lone item name moves only when the row holds nothing else (「政协提案」 in 序号);
      // otherwise it is more likely a bad value in its own column
      if (s === e && kinds[s] === 'name' && nonEmpty > 1) continue;
      for (let by = -MAX_SHIFT; by <= MAX_SHIFT; by++) {
        if (by === 0 || s + by < 1 || e + by > ncols) continue;
        // target cells outside the block must be empty
        let ok = true;
        const lo = Math.min(s + by, s);
        const hi = Math.max(e + by, e);
        for (let c = lo; c <= hi && ok; c++) {
          if (c >= s && c <= e) continue;
          if (kinds[c] !== 'empty') ok = false;
        }
        if (!ok) continue;
        let after = 0;
        let worst = 0;
        let improved = 0;
        let improvedKind: CellKind = 'empty';
        for (let c = s; c <= e; c++) {
          const f = at[c + by][c];
          after += f;
          if (kinds[c] !== 'empty' && f < worst) worst = f;
          if (kinds[c] !== 'empty' && f > at[c][c]) {
            improved++;
            improvedKind = kinds[c];
          }
        }
        // evidence: two cells that fit better, or one of an unmistakable kind, or a lone name
        if (improved === 0) continue;
        if (improved === 1 && nonEmpty > 1 && !DISTINCT.has(improvedKind)) continue;
        // a required column that the move fills counts for it, one it empties against it
        let filled = 0;
        for (let c = lo; c <= hi; c++) {
          if (!REQUIRED.has(fields[c] as FieldId)) continue;
          const was = kinds[c] !== 'empty' && at[c][c] >= 0;
          const src = c - by;
          // the cell that lands in column c: the one moved in, none (moved away), or its own
          const from = src >= s && src <= e ? src : c >= s && c <= e ? 0 : c;
          const now = from !== 0 && kinds[from] !== 'empty' && at[c][from] >= 0;
          filled += (now ? 1 : 0) - (was ? 1 : 0);
        }
        const preferred = prefer !== undefined && s === e && s + by === prefer && kinds[s] === 'name' ? 3 : 0;
        const gain = after - before + 2 * filled + preferred;
        if (gain < MIN_GAIN || worst <= -3) continue;
            // ties: smaller moves, then blocks reaching further right (the rest of the row), then
        // blocks starting later (cells on the left that fit either way stay put)
        const tie = Math.abs(by) * 10000 + (ncols - e) * 100 - s;
        if (!best || gain > best.gain || (gain === best.gain && tie < bestTie)) {
          best = { from: s, to: e, by, gain, safe: false };
          bestTie = tie;
        }
      }
    }
  }
  if (!best) return undefined;
  // trim empty cells at the block's ends
  let { from, to } = best;
  while (from < to && kinds[from] === 'empty') from++;
  while (to > from && kinds[to] === 'empty') to--;
  // (written out, not spread: a spread copy's shape is made per run and dies with it, and V8
  // then discards the code that read it)
  return { from, to, by: best.by, gain: best.gain, safe: isSafe(kinds, from, to, best.gain) };
}

/**
 * A move is safe to apply without asking when the evidence is strong: two or more cells that
 * each fit better after the move, or one cell of an unmistakable kind (a 时限 phrase, a 《…》
 * citation, ■ channels, a tick). A lone item name could belong to any level: unsafe.
 */
function isSafe(kinds: CellKind[], from: number, to: number, gain: number): boolean {
  let n = 0;
  for (let c = from; c <= to; c++) if (kinds[c] !== 'empty') n++;
  if (n >= 2) return gain >= 5;
  const k = kinds[from];
  return gain >= 6 && (k === 'deadline' || k === 'citation' || k === 'channel' || k === 'mark');
}
