/**
 * The catalogue model: header, data rows, items with values inherited from merged cells and
 * from the numbered item above (continuation rows), and rows that look shifted.
 */
import { type Grid, colCount, textAt } from '../grid.ts';
import type { ColumnDef, FieldId } from '../types.ts';
import { type CellKind, classify } from './classify.ts';
import { type HeaderInfo, detectHeader } from './header.ts';
import { type ShiftMove, findShift } from './shift.ts';

export interface CellRef {
  row: number;
  col: number;
  text: string;
  /** true when the value comes from a merged cell or a row above, not from this row's cell */
  inherited: boolean;
}

export type RowKind = 'item' | 'child' | 'continuation' | 'blank';

export interface CatalogueRow {
  row: number;
  kind: RowKind;
  /** The numbered item row this row belongs to (itself for an item row; 0 before the first). */
  group: number;
  /** This row's own non-empty cells per field (for tier, the first tier column). */
  own: Partial<Record<FieldId, CellRef>>;
  /** After inheritance. */
  resolved: Partial<Record<FieldId, CellRef>>;
  /** Tier tick cells (resolved), one per tier column. */
  tiers: CellRef[];
  /** The shift that would re-align this row, if it looks shifted. */
  shift?: ShiftMove;
  kinds: CellKind[];
}

export interface Catalogue {
  grid: Grid;
  header: HeaderInfo;
  ncols: number;
  /** Field of each column (index = 1-based col). */
  fieldOfCol: (FieldId | undefined)[];
  rows: CatalogueRow[];
  /** Row number of the last non-blank row. */
  lastRow: number;
}

const LEVELS: FieldId[] = ['level1', 'level2', 'level3', 'level4'];
/** Fields carried down from the row above within the same numbered item (merged cells in the source). */
const INHERITED: FieldId[] = ['content', 'basis', 'deadline', 'subject', 'channel', 'audienceAll', 'audienceSpecific', 'audience', 'modeActive', 'modeOnRequest', 'mode', 'duration'];

export function buildCatalogue(grid: Grid, header?: HeaderInfo): Catalogue | undefined {
  const h = header ?? detectHeader(grid);
  if (!h) return undefined;
  const ncols = Math.max(colCount(grid), ...h.columns.map((c) => c.col));
  const fieldOfCol: (FieldId | undefined)[] = [];
  for (const c of h.columns) fieldOfCol[c.col] = c.field;
  const tierCols = h.columns.filter((c) => c.field === 'tier').map((c) => c.col);

  let lastRow = h.firstDataRow - 1;
  for (let r = grid.values.length; r >= h.firstDataRow; r--) {
    if (!isBlankRow(grid, r, ncols)) {
      lastRow = r;
      break;
    }
  }

  // merged cells that span data rows: value of the top-left cell
  const mergedFrom = new Map<string, { row: number; col: number }>();
  for (const m of grid.merges) {
    if (m.r2 < h.firstDataRow) continue;
    for (let r = Math.max(m.r1, h.firstDataRow); r <= m.r2; r++)
      for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) mergedFrom.set(`${r},${c}`, { row: m.r1, col: m.c1 });
  }

  const rows: CatalogueRow[] = [];
  let group = 0;
  let prev: CatalogueRow | undefined;
  let deepestLevelCol: number | undefined;
  for (let r = h.firstDataRow; r <= lastRow; r++) {
    const kinds: CellKind[] = [];
    let blank = true;
    for (let c = 1; c <= ncols; c++) {
      kinds[c] = classify(grid.values[r - 1]?.[c - 1] ?? null);
      if (kinds[c] !== 'empty') blank = false;
    }
    const own: Partial<Record<FieldId, CellRef>> = {};
    for (const col of h.columns) {
      if (col.field === 'unknown') continue;
      const text = textAt(grid, r, col.col);
      if (text.trim() !== '' && own[col.field] === undefined) own[col.field] = { row: r, col: col.col, text, inherited: false };
    }
    if (blank) {
      // a row whose cells are all covered by merges still counts as a data row
      let covered = false;
      for (let c = 1; c <= ncols; c++) if (mergedFrom.has(`${r},${c}`)) covered = true;
      if (!covered) {
        rows.push({ row: r, kind: 'blank', group, own: {}, resolved: {}, tiers: [], kinds });
        continue;
      }
    }
    const hasLevel = LEVELS.some((f) => own[f]);
    const kind: RowKind = own.seq ? 'item' : hasLevel ? 'child' : 'continuation';
    if (kind === 'item') group = r;

    const resolved: Partial<Record<FieldId, CellRef>> = { ...own };
    const fromMerge = (field: FieldId): CellRef | undefined => {
      const col = h.byField[field];
      if (col === undefined) return undefined;
      const src = mergedFrom.get(`${r},${col}`);
      if (!src) return undefined;
      const text = textAt(grid, src.row, src.col);
      return text.trim() ? { row: src.row, col: src.col, text, inherited: true } : undefined;
    };
    for (const f of [...INHERITED, ...LEVELS]) {
      if (resolved[f]) continue;
      const m = fromMerge(f);
      if (m) {
        resolved[f] = m;
        continue;
      }
      if (kind === 'item' || !prev || prev.group !== group) continue;
      if (LEVELS.includes(f)) {
        // only levels above this row's own deepest level are carried down
        const ownDepth = Math.max(-1, ...LEVELS.map((l, i) => (own[l] ? i : -1)));
        if (LEVELS.indexOf(f) >= ownDepth && ownDepth >= 0) continue;
      }
      const p = prev.resolved[f];
      if (p) resolved[f] = { ...p, inherited: true };
    }
    const tiers: CellRef[] = tierCols.map((col) => {
      const text = textAt(grid, r, col);
      if (text.trim()) return { row: r, col, text, inherited: false };
      const src = mergedFrom.get(`${r},${col}`);
      if (src) return { row: src.row, col: src.col, text: textAt(grid, src.row, src.col), inherited: true };
      const p = prev && prev.group === group && kind !== 'item' ? prev.tiers[tierCols.indexOf(col)] : undefined;
      return p ? { ...p, inherited: true } : { row: r, col, text: '', inherited: false };
    });

    const shift = findShift(kinds, fieldOfCol, ncols, deepestLevelCol);
    const cr: CatalogueRow = { row: r, kind, group, own, resolved, tiers, kinds, ...(shift ? { shift } : {}) };
    rows.push(cr);
    prev = cr;
    if (!shift) {
      for (let i = LEVELS.length - 1; i >= 0; i--) {
        if (own[LEVELS[i]]) {
          deepestLevelCol = own[LEVELS[i]]!.col;
          break;
        }
      }
    }
  }
  return { grid, header: h, ncols, fieldOfCol, rows, lastRow };
}

export function isBlankRow(grid: Grid, r: number, ncols: number): boolean {
  const row = grid.values[r - 1];
  if (!row) return true;
  for (let c = 0; c < Math.max(ncols, row.length); c++) {
    const v = row[c];
    if (v !== null && v !== undefined && String(v).trim() !== '') return false;
  }
  return true;
}

export function columnsOf(cat: Catalogue, field: FieldId): ColumnDef[] {
  return cat.header.columns.filter((c) => c.field === field);
}
