/**
 * The fills the Excel adapter painted over, kept in the workbook's state store (`_xxgk_state`) so
 * that whichever runtime painted a cell (the task pane, or the ribbon's 一键修复 in its own
 * runtime), and in whichever session, the original fill can be put back: 清除修复标记 and
 * clearHighlights work across runtimes and after the file is reopened. Pure: no Office.js here.
 *
 * Per sheet: `found` (cells coloured for a finding -> the fill they had) and `fixed` (cells
 * carrying the green fix mark -> the fill they had). Stored as compact JSON grouped by colour,
 * runs of cells in a row as ranges: `{"f":{"#FFFFFF":"A3 F7:K7"},"x":{"#FFFF00":"B2"}}`, under
 * `fills:<sheet>`, continued in `fills:<sheet>:2` … when longer than one cell holds (sheet names
 * cannot contain ':'). At most FILLS_MAX_CHUNKS cells: past that, no more cells are marked (the
 * caller asks `fits` before marking one).
 */
import { address, parseAddress } from '../../catalogue/grid.ts';
import { STATE_VALUE_MAX } from '../workbook-port.ts';

export const FILLS_PREFIX = 'fills:';
/** Characters per state cell (below Excel's 32,767, with room to spare). */
export const FILLS_CHUNK = 32_000;
export const FILLS_MAX_CHUNKS = 8;
export const FILLS_MAX_CHARS = FILLS_CHUNK * FILLS_MAX_CHUNKS;

if (FILLS_CHUNK > STATE_VALUE_MAX) throw new Error('FILLS_CHUNK must fit in a state cell');

export interface SheetFills {
  /** Cells coloured for a finding -> the fill they had ('#FFFFFF' = none). */
  found: Map<string, string>;
  /** Cells carrying the fix mark -> the fill they had. */
  fixed: Map<string, string>;
}

export function emptyFills(): SheetFills {
  return { found: new Map(), fixed: new Map() };
}

export function cloneFills(f: SheetFills): SheetFills {
  return { found: new Map(f.found), fixed: new Map(f.fixed) };
}

/** State key of chunk `i` (1-based) of a sheet's fills. */
export function fillsKey(sheet: string, i = 1): string {
  return i === 1 ? `${FILLS_PREFIX}${sheet}` : `${FILLS_PREFIX}${sheet}:${i}`;
}

/** How many chunks the sheet's fills take in `state`. */
function chunkCount(state: ReadonlyMap<string, string>, sheet: string): number {
  let n = 0;
  while (n < FILLS_MAX_CHUNKS * 2 && state.has(fillsKey(sheet, n + 1))) n++;
  return n;
}

/** The sheet's fills from the state (absent or unreadable: none). */
export function readFills(state: ReadonlyMap<string, string>, sheet: string): SheetFills {
  const n = chunkCount(state, sheet);
  if (n === 0) return emptyFills();
  let s = '';
  for (let i = 1; i <= n; i++) s += state.get(fillsKey(sheet, i)) ?? '';
  return decodeFills(s);
}

/** State entries that store `fills` for the sheet (stale continuation chunks deleted). */
export function fillsEntries(state: ReadonlyMap<string, string>, sheet: string, fills: SheetFills): Record<string, string | null> {
  const s = encodeFills(fills);
  const chunks: string[] = [];
  for (let i = 0; i < s.length; i += FILLS_CHUNK) chunks.push(s.slice(i, i + FILLS_CHUNK));
  const out: Record<string, string | null> = {};
  chunks.forEach((c, i) => (out[fillsKey(sheet, i + 1)] = c));
  for (let i = chunks.length + 1; i <= chunkCount(state, sheet); i++) out[fillsKey(sheet, i)] = null;
  return out;
}

/** Cells grouped by colour, each group's cells as row runs ('F7:K7'), space-separated. */
function encodeMap(m: ReadonlyMap<string, string>): Record<string, string> {
  const byColour = new Map<string, { row: number; col: number }[]>();
  for (const [a, colour] of m) {
    const p = parseAddress(a);
    if (!p) continue;
    let list = byColour.get(colour);
    if (!list) byColour.set(colour, (list = []));
    list.push(p);
  }
  const out: Record<string, string> = {};
  for (const [colour, cells] of byColour) {
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    const parts: string[] = [];
    for (let i = 0; i < cells.length; ) {
      let j = i;
      while (j + 1 < cells.length && cells[j + 1].row === cells[i].row && cells[j + 1].col === cells[j].col + 1) j++;
      const a = address(cells[i].row, cells[i].col);
      parts.push(j === i ? a : `${a}:${address(cells[j].row, cells[j].col)}`);
      i = j + 1;
    }
    out[colour] = parts.join(' ');
  }
  return out;
}

function decodeMap(o: unknown, into: Map<string, string>): void {
  if (!o || typeof o !== 'object') return;
  for (const [colour, cells] of Object.entries(o as Record<string, unknown>)) {
    if (typeof cells !== 'string') continue;
    for (const token of cells.split(' ')) {
      if (token === '') continue;
      const [a, b] = token.split(':');
      const p = parseAddress(a);
      const q = parseAddress(b ?? a);
      if (!p || !q || q.row !== p.row || q.col < p.col) continue;
      for (let c = p.col; c <= q.col; c++) into.set(address(p.row, c), colour);
    }
  }
}

/** '' when there is nothing to remember. */
export function encodeFills(f: SheetFills): string {
  if (f.found.size === 0 && f.fixed.size === 0) return '';
  const o: { f?: Record<string, string>; x?: Record<string, string> } = {};
  if (f.found.size > 0) o.f = encodeMap(f.found);
  if (f.fixed.size > 0) o.x = encodeMap(f.fixed);
  return JSON.stringify(o);
}

export function decodeFills(s: string): SheetFills {
  const out = emptyFills();
  if (s === '') return out;
  try {
    const o = JSON.parse(s) as { f?: unknown; x?: unknown };
    decodeMap(o.f, out.found);
    decodeMap(o.x, out.fixed);
  } catch {
    // damaged: remember nothing rather than paint wrong colours
  }
  return out;
}

/**
 * An upper bound of encodeFills' length, kept up to date as cells are added, so a caller can
 * stop marking cells before the memory would outgrow FILLS_MAX_CHARS.
 */
export class FillBudget {
  private size: number;
  private readonly colours: { found: Set<string>; fixed: Set<string> };
  constructor(f: SheetFills) {
    this.colours = { found: new Set(f.found.values()), fixed: new Set(f.fixed.values()) };
    this.size = 16; // {"f":{},"x":{}}
    for (const [which, m] of [['found', f.found], ['fixed', f.fixed]] as const) {
      for (const c of this.colours[which]) this.size += c.length + 6;
      for (const a of m.keys()) this.size += a.length + 1;
    }
  }
  /** Whether one more cell fits; if so it is counted. */
  take(which: 'found' | 'fixed', cell: string, colour: string): boolean {
    const more = cell.length + 1 + (this.colours[which].has(colour) ? 0 : colour.length + 6);
    if (this.size + more > FILLS_MAX_CHARS) return false;
    this.size += more;
    this.colours[which].add(colour);
    return true;
  }
}
