/**
 * A sheet as plain data: what every host hands to the pure core.
 * Coordinates are 1-based sheet coordinates, as a user sees them in Excel.
 */

export type Scalar = string | number | boolean | null;

/** An inclusive rectangle in 1-based sheet coordinates. */
export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** What a cell held besides its value, when that matters to a rule or a message. */
export interface CellSpecial {
  kind: 'formula' | 'error' | 'date';
  /** Formula text without the leading '=' (kind formula). */
  formula?: string;
  /** Error text such as '#REF!' (kind error). */
  error?: string;
  /** ISO date yyyy-mm-dd (kind date). */
  iso?: string;
}

export interface Grid {
  sheet: string;
  /** values[r - 1][c - 1] is the cell at (r, c). Rows may be ragged; a missing cell is null. */
  values: Scalar[][];
  merges: CellRange[];
  /** Cells that were not plain constants, keyed by A1 address. */
  special?: Record<string, CellSpecial>;
}

export function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** Parse 'F13' (or 'f13', '$F$13') into 1-based {row, col}; undefined when malformed. */
export function parseAddress(a: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function cellAt(grid: Grid, row: number, col: number): Scalar {
  const r = grid.values[row - 1];
  if (!r) return null;
  const v = r[col - 1];
  return v === undefined ? null : v;
}

/** The cell as text, the way rules read it ('' for empty). */
export function textAt(grid: Grid, row: number, col: number): string {
  return scalarText(cellAt(grid, row, col));
}

export function scalarText(v: Scalar): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function rowCount(grid: Grid): number {
  return grid.values.length;
}

export function colCount(grid: Grid): number {
  let n = 0;
  for (const r of grid.values) if (r && r.length > n) n = r.length;
  return n;
}

/** Build a grid from literal rows (tests, CSV, TSV seeds). Empty strings become null. */
export function gridFromRows(sheet: string, rows: Scalar[][], merges: CellRange[] = []): Grid {
  return {
    sheet,
    values: rows.map((r) => r.map((v) => (v === '' || v === undefined ? null : v))),
    merges,
  };
}

/** A copy of the grid with edits applied (pure; used by the fix engine between passes). */
export function withEdits(grid: Grid, edits: readonly { row: number; col: number; set: Scalar }[]): Grid {
  const values = grid.values.slice();
  const touched = new Set<number>();
  for (const e of edits) {
    if (!touched.has(e.row)) {
      values[e.row - 1] = (values[e.row - 1] ?? []).slice();
      touched.add(e.row);
    }
    while (values.length < e.row) values.push([]);
    const r = values[e.row - 1] ?? (values[e.row - 1] = []);
    while (r.length < e.col) r.push(null);
    r[e.col - 1] = e.set === '' ? null : e.set;
  }
  return { ...grid, values };
}
