/**
 * The catalogue model: header, data rows, items with values inherited from merged cells and
 * from the numbered item above (continuation rows), and rows that look shifted.
 */
import { type Grid, colCount, scalarText, textAt } from '../grid.ts';
import type { ColumnDef, FieldId } from '../types.ts';
import { type CellKind, classify, classifyText, fit } from './classify.ts';
import { textFeatures } from './features.ts';
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

/** Every field, in the order of the per-row tables (FIELD_INDEX[field] = its slot). */
export const FIELD_INDEX: Readonly<Record<FieldId, number>> = {
  seq: 0,
  level1: 1,
  level2: 2,
  level3: 3,
  level4: 4,
  content: 5,
  basis: 6,
  deadline: 7,
  subject: 8,
  channel: 9,
  audienceAll: 10,
  audienceSpecific: 11,
  audience: 12,
  modeActive: 13,
  modeOnRequest: 14,
  mode: 15,
  tier: 16,
  duration: 17,
  unknown: 18,
};
const FIELDS = Object.keys(FIELD_INDEX) as FieldId[];
const NF = FIELDS.length;

/** Kind codes of the cell table (low 4 bits of a cell's entry; textFeatures above them). */
const KINDS: readonly CellKind[] = ['empty', 'number', 'mark', 'channel', 'deadline', 'citation', 'subject', 'name', 'text'];
const KIND_CODE: Readonly<Record<CellKind, number>> = { empty: 0, number: 1, mark: 2, channel: 3, deadline: 4, citation: 5, subject: 6, name: 7, text: 8 };
const KIND_BITS = 4;
const KIND_MASK = (1 << KIND_BITS) - 1;

/**
 * What the model knows of each cell and field, as flat typed arrays indexed by the row's
 * position in `rows` (one allocation per table, nothing per cell: a 10,000-row catalogue kept
 * ~22 MB of per-row records and per-cell objects alive for the whole run, and the GC copied
 * them). Texts are read from the grid when asked for.
 */
export interface CellTables {
  grid: Grid;
  /** columns per row in `info` (ncols + 1: index 0 unused) */
  stride: number;
  /** rows in the per-field tables */
  count: number;
  /** info[i * stride + c]: kind code of column c of the i-th row, and its textFeatures << 4 */
  info: Uint32Array;
  /**
   * ownCol[FIELD_INDEX[f] * count + i]: column of the i-th row's own non-blank cell of f (the
   * first, for tier), 0 when none. Field by field (a rule reads one field of every row: the
   * rows' entries side by side, not one per cache line).
   */
  ownCol: Int32Array;
  /**
   * Where the i-th row's inherited value of a field stands (from a merge or a row above): sheet
   * row (0 when none) and column, indexed like ownCol. Written only when the row has no own cell
   * of the field (its own cell is its value then).
   */
  resRow: Int32Array;
  resCol: Int32Array;
  /** the tier tick columns, and per row each one's cell: sheet row (negated: the text is '') and column */
  tierCols: readonly number[];
  tierRow: Int32Array;
  tierCol: Int32Array;
  /** textFeat[i]: the textFeatures of the i-th row's cells in TEXT_FIELDS columns, or-ed together */
  textFeat: Uint32Array;
  /**
   * textId[i * stride + c]: the id of the text of column c of the i-th row (see cellTextId), 0
   * when it has none.
   */
  textId: Int32Array;
  /** the ids are 1 … textIds - 1 */
  textIds: number;
}

/**
 * A data row. Read its cells with the functions below (ownCol, cellText, cellFeatures …); the
 * record views `own`, `resolved`, `tiers` and `kinds` are built on each read, for code that reads
 * a few rows.
 */
export class CatalogueRow {
  constructor(
    readonly row: number,
    readonly kind: RowKind,
    /** The numbered item row this row belongs to (itself for an item row; 0 before the first). */
    readonly group: number,
    /** The shift that would re-align this row, if it looks shifted. */
    readonly shift: ShiftMove | undefined,
    /** position in Catalogue.rows */
    readonly index: number,
    /** the tables the row's cells are read from */
    readonly cells: CellTables,
  ) {}

  /** This row's own non-empty cells per field (for tier, the first tier column). */
  get own(): Partial<Record<FieldId, CellRef>> {
    return ownCells(this);
  }

  /** After inheritance. Like `own`, never a blank cell. */
  get resolved(): Partial<Record<FieldId, CellRef>> {
    return resolvedCells(this);
  }

  /** Tier tick cells (resolved), one per tier column. */
  get tiers(): CellRef[] {
    return tierCells(this);
  }

  /** kinds[c] for c = 1..ncols (index 0 unused). */
  get kinds(): CellKind[] {
    return rowKinds(this);
  }
}

/**
 * One row kept alive for as long as this module: V8 reaches the shape of a CatalogueRow through
 * property transitions it holds only weakly, so once every row of a run is collected it drops
 * the shape and discards all code compiled for it (buildCatalogue and every rule), and the next
 * run compiles it again. While one row lives, the shape and that code live too.
 */
export const SHAPE_KEEPER: CatalogueRow = new CatalogueRow(0, 'blank', 0, undefined, 0, {
  grid: { sheet: '', values: [], merges: [] },
  stride: 1,
  count: 0,
  info: new Uint32Array(0),
  ownCol: new Int32Array(0),
  resRow: new Int32Array(0),
  resCol: new Int32Array(0),
  tierCols: [],
  tierRow: new Int32Array(0),
  tierCol: new Int32Array(0),
  textFeat: new Uint32Array(0),
  textId: new Int32Array(0),
  textIds: 1,
});

/**
 * A field's slot in the per-field tables. Loops over several fields look their slots up once:
 * FIELD_INDEX[field] with a field that varies is a keyed lookup by string on every call.
 */
export function fieldSlot(field: FieldId): number {
  return FIELD_INDEX[field];
}

/** Column of the row's own non-empty cell of `field` (for tier, the first tier column); 0 when none. */
export function ownCol(r: CatalogueRow, field: FieldId): number {
  return r.cells.ownCol[FIELD_INDEX[field] * r.cells.count + r.index];
}

/** ownCol for a field given by its slot (fieldSlot). */
export function ownColAt(r: CatalogueRow, slot: number): number {
  return r.cells.ownCol[slot * r.cells.count + r.index];
}

/** The text of the row's cell in column `col`, the way rules read it (textAt). */
export function cellText(r: CatalogueRow, col: number): string {
  return textAt(r.cells.grid, r.row, col);
}

/** What the row's cell in column `col` looks like. */
export function cellKind(r: CatalogueRow, col: number): CellKind {
  return KINDS[r.cells.info[r.index * r.cells.stride + col] & KIND_MASK];
}

/**
 * The text columns the text rules (whitespace, Latin words, punctuation) read; channels and
 * ticks have their own rules.
 */
export const TEXT_FIELDS: readonly FieldId[] = ['level1', 'level2', 'level3', 'level4', 'content', 'basis', 'deadline', 'subject', 'duration'];

/**
 * The textFeatures of all the row's cells in TEXT_FIELDS columns, or-ed together: a bit that is
 * clear here is clear for every text cell of the row, so a text rule can pass the row over.
 */
export function rowTextFeatures(r: CatalogueRow): number {
  return r.cells.textFeat[r.index];
}

/**
 * An id of the text of the row's cell in column `col`, the same for every cell of that column
 * that holds the same text (ids run from 1 to cat.cells.textIds - 1): a rule that works out
 * something per text can keep it in an array by id, with no lookup by text per row. 0 when the
 * cell holds no string, or when its column's texts proved mostly distinct and were not looked up
 * (see MEMO_TRIAL): such a cell has no id to share. Cells of different columns never share an id,
 * even when their texts are equal.
 */
export function cellTextId(r: CatalogueRow, col: number): number {
  return r.cells.textId[r.index * r.cells.stride + col];
}

/** textFeatures of the row's cell in column `col` (model/features.ts). */
export function cellFeatures(r: CatalogueRow, col: number): number {
  return r.cells.info[r.index * r.cells.stride + col] >>> KIND_BITS;
}

/** The row's own cell of `field`, built on demand. */
export function ownCell(r: CatalogueRow, field: FieldId): CellRef | undefined {
  const col = ownCol(r, field);
  return col ? { row: r.row, col, text: cellText(r, col), inherited: false } : undefined;
}

/** Whether `field` has a value after inheritance (resolved cells are never blank). */
export function hasResolved(r: CatalogueRow, field: FieldId): boolean {
  return hasResolvedAt(r, FIELD_INDEX[field]);
}

/** hasResolved for a field given by its slot (fieldSlot). */
export function hasResolvedAt(r: CatalogueRow, slot: number): boolean {
  const k = slot * r.cells.count + r.index;
  return r.cells.ownCol[k] !== 0 || r.cells.resRow[k] !== 0;
}

/** The row's value of `field` after inheritance, built on demand. */
export function resolvedCell(r: CatalogueRow, field: FieldId): CellRef | undefined {
  const t = r.cells;
  const k = FIELD_INDEX[field] * t.count + r.index;
  // a row's own cells are resolved to themselves; anything else was inherited
  if (t.ownCol[k]) return { row: r.row, col: t.ownCol[k], text: textAt(t.grid, r.row, t.ownCol[k]), inherited: false };
  const row = t.resRow[k];
  if (!row) return undefined;
  return { row, col: t.resCol[k], text: textAt(t.grid, row, t.resCol[k]), inherited: true };
}

/** The row's own non-empty cells per field (for tier, the first tier column). */
export function ownCells(r: CatalogueRow): Partial<Record<FieldId, CellRef>> {
  const out: Partial<Record<FieldId, CellRef>> = {};
  for (const f of FIELDS) out[f] = ownCell(r, f);
  return out;
}

/** The row's cells after inheritance, per field. Like ownCells, never a blank cell. */
export function resolvedCells(r: CatalogueRow): Partial<Record<FieldId, CellRef>> {
  const out: Partial<Record<FieldId, CellRef>> = {};
  for (const f of FIELDS) out[f] = resolvedCell(r, f);
  return out;
}

/** Tier tick cells (resolved), one per tier column (none for a blank row). */
export function tierCells(r: CatalogueRow): CellRef[] {
  const t = r.cells;
  const out: CellRef[] = [];
  if (r.kind === 'blank') return out;
  for (let k = 0; k < t.tierCols.length; k++) {
    const at = r.index * t.tierCols.length + k;
    const row = Math.abs(t.tierRow[at]);
    const col = t.tierCol[at];
    out.push({ row, col, text: t.tierRow[at] < 0 ? '' : textAt(t.grid, row, col), inherited: row !== r.row || col !== t.tierCols[k] });
  }
  return out;
}

/** kinds[c] for c = 1..ncols (index 0 unused). */
export function rowKinds(r: CatalogueRow): CellKind[] {
  const out = new Array<CellKind>(r.cells.stride);
  for (let c = 1; c < r.cells.stride; c++) out[c] = cellKind(r, c);
  return out;
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
  cells: CellTables;
}

const LEVELS: FieldId[] = ['level1', 'level2', 'level3', 'level4'];
const LEVEL_SLOTS = LEVELS.map((f) => FIELD_INDEX[f]);
/** Fields carried down from the row above within the same numbered item (merged cells in the source). */
const INHERITED: FieldId[] = ['content', 'basis', 'deadline', 'subject', 'channel', 'audienceAll', 'audienceSpecific', 'audience', 'modeActive', 'modeOnRequest', 'mode', 'duration'];
/** What a row resolves, in order, with the level index of each item level (-1 for the others). */
const RESOLVED: readonly { field: FieldId; level: number }[] = [...INHERITED.map((field) => ({ field, level: -1 })), ...LEVELS.map((field, level) => ({ field, level }))];

interface MergeSource {
  row: number;
  col: number;
  /** whether the merged cell holds text (undefined until asked) */
  live: boolean | undefined;
}

/**
 * Texts are worked out once per column (see buildCatalogue) until MEMO_TRIAL of a column's texts
 * have been looked up: more than 7/8 of them distinct, and the column's memo is dropped (公开内容,
 * 三级事项 names). A column of 公开依据 repeats fewer of its first texts (~1/6 in the bench's
 * catalogue) than of all of them (~2/5): kept, as the rules that parse its texts share its ids.
 */
const MEMO_TRIAL = 256;

/** The cell-table entry of a text: its kind and its textFeatures. */
function textInfo(v: string): number {
  const f = textFeatures(v);
  return KIND_CODE[classifyText(v, f)] | (f << KIND_BITS);
}

/** The cell-table entry of a cell that holds no string. */
function scalarInfo(v: number | boolean | null | undefined): number {
  if (v === null || v === undefined) return 0;
  // an integer's text (digits, a sign, 1e+21) has none of the features
  if (typeof v === 'number' && Number.isInteger(v)) return KIND_CODE.number;
  return KIND_CODE[classify(v)] | (textFeatures(scalarText(v)) << KIND_BITS);
}

export function buildCatalogue(grid: Grid, header?: HeaderInfo): Catalogue | undefined {
  const h = header ?? detectHeader(grid);
  if (!h) return undefined;
  const ncols = Math.max(colCount(grid), ...h.columns.map((c) => c.col));
  const fieldOfCol: (FieldId | undefined)[] = [];
  for (const c of h.columns) fieldOfCol[c.col] = c.field;
  const tierCols = h.columns.filter((c) => c.field === 'tier').map((c) => c.col);
  // the slot of each column's field (-1: no field); a row's own cell of a field is its first non-empty column
  const slotOfCol = new Int32Array(ncols + 1).fill(-1);
  for (const c of h.columns) if (c.field !== 'unknown' && c.col <= ncols) slotOfCol[c.col] = FIELD_INDEX[c.field];
  const isTextCol = new Uint8Array(ncols + 1);
  for (const c of h.columns) if (TEXT_FIELDS.includes(c.field)) isTextCol[c.col] = 1;
  // misfit[c * 16 + kind code]: a cell of that kind does not belong in column c (fit < 0), so the
  // row is one findShift searches (it returns at once for the others)
  const misfit = new Uint8Array((ncols + 1) << KIND_BITS);
  for (let c = 1; c <= ncols; c++) for (let k = 0; k < KINDS.length; k++) misfit[(c << KIND_BITS) + k] = fit(KINDS[k], fieldOfCol[c]) < 0 ? 1 : 0;

  let lastRow = h.firstDataRow - 1;
  for (let r = grid.values.length; r >= h.firstDataRow; r--) {
    if (!isBlankRow(grid, r, ncols)) {
      lastRow = r;
      break;
    }
  }

  // merged cells that span data rows: mergedFrom[col][row] = the top-left cell
  const mergedFrom: (MergeSource | undefined)[][] = [];
  for (const m of grid.merges) {
    if (m.r2 < h.firstDataRow) continue;
    const src: MergeSource = { row: m.r1, col: m.c1, live: undefined };
    for (let c = m.c1; c <= m.c2; c++) {
      const byRow = (mergedFrom[c] ??= new Array<MergeSource | undefined>(lastRow + 1));
      for (let r = Math.max(m.r1, h.firstDataRow); r <= Math.min(m.r2, lastRow); r++) if (r !== m.r1 || c !== m.c1) byRow[r] = src;
    }
  }

  const n = Math.max(0, lastRow - h.firstDataRow + 1);
  const stride = ncols + 1;
  // where each column's field starts in the per-field tables (-1: no field)
  const baseOfCol = new Int32Array(ncols + 1);
  for (let c = 0; c <= ncols; c++) baseOfCol[c] = slotOfCol[c] < 0 ? -1 : slotOfCol[c] * n;
  // (a field with no column is never own, so never merged or carried either: left out)
  const resolvedCols = RESOLVED.filter((x) => h.byField[x.field] !== undefined).map((x) => ({ base: FIELD_INDEX[x.field] * n, level: x.level, col: h.byField[x.field]! }));
  const seqBase = FIELD_INDEX.seq * n;
  const levelBases = LEVEL_SLOTS.map((slot) => slot * n);
  const nt = tierCols.length;
  const cells: CellTables = {
    grid,
    stride,
    count: n,
    info: new Uint32Array(n * stride),
    ownCol: new Int32Array(n * NF),
    resRow: new Int32Array(n * NF),
    resCol: new Int32Array(n * NF),
    tierCols,
    tierRow: new Int32Array(n * nt),
    tierCol: new Int32Array(n * nt),
    textFeat: new Uint32Array(n),
    textId: new Int32Array(n * stride),
    textIds: 1,
  };
  const { textFeat } = cells;
  const { info, ownCol, resRow, resCol, textId } = cells;

  // per column, the ids of its texts, until the column proves to hold mostly distinct texts
  // (内容, 三级事项 names: looking each up and adding it costs more than it saves)
  const idOf: (Map<string, number> | undefined)[] = [];
  for (let c = 0; c <= ncols; c++) idOf.push(new Map());
  // the cell-table entry of each id's text (index 0 unused)
  const infoOfId: number[] = [0];
  const lookups = new Int32Array(ncols + 1);
  // the text above in each column, its entry and its id
  const lastText: (string | undefined)[] = new Array(ncols + 1).fill(undefined);
  const lastInfo: number[] = new Array(ncols + 1).fill(0);
  const lastId = new Int32Array(ncols + 1);
  // this row's kinds, for findShift (one array reused for every row)
  const kinds: CellKind[] = new Array<CellKind>(ncols + 1).fill('empty');
  const rows: CatalogueRow[] = [];
  let group = 0;
  // the previous non-blank row (index in rows), -1 before the first
  let prev = -1;
  let deepestLevelCol: number | undefined;
  for (let r = h.firstDataRow; r <= lastRow; r++) {
    const i = r - h.firstDataRow;
    const values = grid.values[r - 1];
    const at = i * stride;
    let blank = true;
    let misfits = false;
    let textF = 0;
    for (let c = 1; c <= ncols; c++) {
      const v = values?.[c - 1];
      let x: number;
      if (typeof v === 'string') {
        // cells repeat down a column (ticks, item names, time limits, bodies, channels): work
        // each text out once, and give it an id
        let id = 0;
        if (v === lastText[c]) {
          x = lastInfo[c];
          id = lastId[c];
        } else {
          const memo = idOf[c];
          if (!memo) x = textInfo(v);
          else {
            const known = memo.get(v);
            if (known !== undefined) x = infoOfId[(id = known)];
            else {
              x = textInfo(v);
              id = infoOfId.length;
              infoOfId.push(x);
              memo.set(v, id);
            }
            if (++lookups[c] === MEMO_TRIAL && memo.size > (MEMO_TRIAL * 7) / 8) idOf[c] = undefined;
          }
          lastText[c] = v;
          lastInfo[c] = x;
          lastId[c] = id;
        }
        textId[at + c] = id;
      } else x = scalarInfo(v);
      info[at + c] = x;
      const code = x & KIND_MASK;
      kinds[c] = KINDS[code];
      if (code === 0) continue;
      blank = false;
      if (misfit[(c << KIND_BITS) + code]) misfits = true;
      // own cells (a cell is empty to classify exactly when its text is blank) resolve to themselves
      if (isTextCol[c]) textF |= x;
      const base = baseOfCol[c];
      if (base >= 0 && ownCol[base + i] === 0) ownCol[base + i] = c;
    }
    textFeat[i] = textF >>> KIND_BITS;
    if (blank) {
      // a row whose cells are all covered by merges still counts as a data row
      let covered = false;
      for (let c = 1; c <= ncols && !covered; c++) covered = mergedFrom[c]?.[r] !== undefined;
      if (!covered) {
        rows.push(new CatalogueRow(r, 'blank', group, undefined, i, cells));
        continue;
      }
    }
    let ownDepth = -1;
    for (let j = 0; j < levelBases.length; j++) if (ownCol[levelBases[j] + i]) ownDepth = j;
    const kind: RowKind = ownCol[seqBase + i] ? 'item' : ownDepth >= 0 ? 'child' : 'continuation';
    if (kind === 'item') group = r;
    const carry = kind !== 'item' && prev >= 0 && rows[prev].group === group;

    // the fields without an own cell: from a merge or the row above
    for (let j = 0; j < resolvedCols.length; j++) {
      const { base, level, col } = resolvedCols[j];
      const k = base + i;
      if (ownCol[k] !== 0) continue;
      const m = mergedFrom[col]?.[r];
      if (m && (m.live ??= textAt(grid, m.row, m.col).trim() !== '')) {
        resRow[k] = m.row;
        resCol[k] = m.col;
        continue;
      }
      if (!carry) continue;
      // only levels above this row's own deepest level are carried down
      if (level >= 0 && level >= ownDepth && ownDepth >= 0) continue;
      // the row above's value: its own cell, or what it inherited
      const above = base + prev;
      if (ownCol[above] !== 0) {
        resRow[k] = rows[prev].row;
        resCol[k] = ownCol[above];
      } else if (resRow[above] !== 0) {
        resRow[k] = resRow[above];
        resCol[k] = resCol[above];
      }
    }
    for (let k = 0; k < nt; k++) tierCell(cells, mergedFrom, i, r, k, carry ? prev : -1);

    const shift = misfits ? findShift(kinds, fieldOfCol, ncols, deepestLevelCol) : undefined;
    rows.push(new CatalogueRow(r, kind, group, shift, i, cells));
    prev = i;
    if (!shift && ownDepth >= 0) deepestLevelCol = ownCol[levelBases[ownDepth] + i];
  }
  cells.textIds = infoOfId.length;
  return { grid, header: h, ncols, fieldOfCol, rows, lastRow, cells };
}

/**
 * The k-th tier tick cell of the i-th row (sheet row r): its own text, the merge's, or the one
 * carried down from row `above` (an index, -1 for none); when none, the row's own cell with ''.
 * (A plain function, not a closure inside buildCatalogue: closures over the loop's variables
 * were heap-allocated per row, and V8 discarded the loop's compiled code after every run.)
 */
function tierCell(t: CellTables, mergedFrom: (MergeSource | undefined)[][], i: number, r: number, k: number, above: number): void {
  const nt = t.tierCols.length;
  const col = t.tierCols[k];
  const at = i * nt + k;
  const src = mergedFrom[col]?.[r];
  if (textAt(t.grid, r, col).trim()) {
    t.tierRow[at] = r;
    t.tierCol[at] = col;
  } else if (src) {
    t.tierRow[at] = src.row;
    t.tierCol[at] = src.col;
  } else if (above >= 0) {
    t.tierRow[at] = t.tierRow[above * nt + k];
    t.tierCol[at] = t.tierCol[above * nt + k];
  } else {
    t.tierRow[at] = -r;
    t.tierCol[at] = col;
  }
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
