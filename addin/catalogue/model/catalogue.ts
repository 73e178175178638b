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
  /** After inheritance. Like `own`, never a blank cell. */
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
/** What a row resolves, in order, with the level index of each item level (-1 for the others). */
const RESOLVED: readonly { field: FieldId; level: number }[] = [...INHERITED.map((field) => ({ field, level: -1 })), ...LEVELS.map((field, level) => ({ field, level }))];

interface MergeSource {
  row: number;
  col: number;
  /** the inherited cell once built (null: the merged cell is blank) */
  ref?: CellRef | null;
}

/**
 * A per-field record with every field present (undefined until set), so all rows' `own` and
 * `resolved` share one object shape and the rules' reads of them stay fast.
 */
function fieldRecord(): Partial<Record<FieldId, CellRef>> {
  return {
    seq: undefined,
    level1: undefined,
    level2: undefined,
    level3: undefined,
    level4: undefined,
    content: undefined,
    basis: undefined,
    deadline: undefined,
    subject: undefined,
    channel: undefined,
    audienceAll: undefined,
    audienceSpecific: undefined,
    audience: undefined,
    modeActive: undefined,
    modeOnRequest: undefined,
    mode: undefined,
    tier: undefined,
    duration: undefined,
    unknown: undefined,
  };
}

/**
 * A copy of a field record, written out rather than spread: a spread copy's object shape is made
 * per catalogue and dies with it, and V8 then discards the code that read it.
 */
function copyRecord(r: Partial<Record<FieldId, CellRef>>): Partial<Record<FieldId, CellRef>> {
  return {
    seq: r.seq,
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    level4: r.level4,
    content: r.content,
    basis: r.basis,
    deadline: r.deadline,
    subject: r.subject,
    channel: r.channel,
    audienceAll: r.audienceAll,
    audienceSpecific: r.audienceSpecific,
    audience: r.audience,
    modeActive: r.modeActive,
    modeOnRequest: r.modeOnRequest,
    mode: r.mode,
    tier: r.tier,
    duration: r.duration,
    unknown: r.unknown,
  };
}

/** Texts up to this length are classified once per catalogue (longer ones rarely repeat). */
const MEMO_MAX = 40;

export function buildCatalogue(grid: Grid, header?: HeaderInfo): Catalogue | undefined {
  const h = header ?? detectHeader(grid);
  if (!h) return undefined;
  const ncols = Math.max(colCount(grid), ...h.columns.map((c) => c.col));
  const fieldOfCol: (FieldId | undefined)[] = [];
  for (const c of h.columns) fieldOfCol[c.col] = c.field;
  const tierCols = h.columns.filter((c) => c.field === 'tier').map((c) => c.col);
  const ownCols = h.columns.filter((c) => c.field !== 'unknown');
  const resolvedCols = RESOLVED.map((x) => ({ field: x.field, level: x.level, col: h.byField[x.field] }));

  let lastRow = h.firstDataRow - 1;
  for (let r = grid.values.length; r >= h.firstDataRow; r--) {
    if (!isBlankRow(grid, r, ncols)) {
      lastRow = r;
      break;
    }
  }

  // merged cells that span data rows: mergedFrom[col][row] = the top-left cell
  // (`ref`: the inherited cell, built once per merge and shared by the rows it covers)
  const mergedFrom: (MergeSource | undefined)[][] = [];
  for (const m of grid.merges) {
    if (m.r2 < h.firstDataRow) continue;
    const src: MergeSource = { row: m.r1, col: m.c1, ref: undefined };
    for (let c = m.c1; c <= m.c2; c++) {
      const byRow = (mergedFrom[c] ??= new Array<MergeSource | undefined>(lastRow + 1));
      for (let r = Math.max(m.r1, h.firstDataRow); r <= Math.min(m.r2, lastRow); r++) if (r !== m.r1 || c !== m.c1) byRow[r] = src;
    }
  }

  const kindOf = new Map<string, CellKind>();
  // the text above in each column, and its kind
  const lastText: (string | undefined)[] = new Array(ncols + 1).fill(undefined);
  const lastKind: CellKind[] = new Array(ncols + 1).fill('empty');
  const rows: CatalogueRow[] = [];
  let group = 0;
  let prev: CatalogueRow | undefined;
  let deepestLevelCol: number | undefined;
  for (let r = h.firstDataRow; r <= lastRow; r++) {
    const values = grid.values[r - 1];
    const kinds = new Array<CellKind>(ncols + 1);
    let blank = true;
    for (let c = 1; c <= ncols; c++) {
      const v = values?.[c - 1] ?? null;
      let k: CellKind;
      if (typeof v === 'string' && v.length <= MEMO_MAX) {
        // short cells repeat (ticks and item names down a column, time limits, bodies, channels): classify each text once
        if (v === lastText[c]) k = lastKind[c];
        else {
          const known = kindOf.get(v);
          if (known !== undefined) k = known;
          else kindOf.set(v, (k = classify(v)));
          lastText[c] = v;
          lastKind[c] = k;
        }
      } else k = classify(v);
      kinds[c] = k;
      if (k !== 'empty') blank = false;
    }
    if (blank) {
      // a row whose cells are all covered by merges still counts as a data row
      let covered = false;
      for (let c = 1; c <= ncols && !covered; c++) covered = mergedFrom[c]?.[r] !== undefined;
      if (!covered) {
        rows.push({ row: r, kind: 'blank', group, own: fieldRecord(), resolved: fieldRecord(), tiers: [], kinds, shift: undefined });
        continue;
      }
    }
    // a cell is empty to classify exactly when its text is blank
    const own = fieldRecord();
    for (let i = 0; i < ownCols.length; i++) {
      const col = ownCols[i];
      if (kinds[col.col] !== 'empty' && own[col.field] === undefined) own[col.field] = { row: r, col: col.col, text: textAt(grid, r, col.col), inherited: false };
    }
    let ownDepth = -1;
    for (let i = 0; i < LEVELS.length; i++) if (own[LEVELS[i]]) ownDepth = i;
    const kind: RowKind = own.seq ? 'item' : ownDepth >= 0 ? 'child' : 'continuation';
    if (kind === 'item') group = r;
    const carry = kind !== 'item' && prev !== undefined && prev.group === group;

    const resolved = copyRecord(own);
    for (let i = 0; i < resolvedCols.length; i++) {
      const { field: f, level, col } = resolvedCols[i];
      if (resolved[f]) continue;
      const m = col === undefined ? undefined : fromMerge(grid, mergedFrom, r, col);
      if (m) {
        resolved[f] = m;
        continue;
      }
      if (!carry) continue;
      // only levels above this row's own deepest level are carried down
      if (level >= 0 && level >= ownDepth && ownDepth >= 0) continue;
      const p = prev!.resolved[f];
      // (an inherited cell is shared down the rows, not copied)
      if (p) resolved[f] = p.inherited ? p : { row: p.row, col: p.col, text: p.text, inherited: true };
    }
    const tiers: CellRef[] = [];
    for (let i = 0; i < tierCols.length; i++) tiers.push(tierCell(grid, mergedFrom, r, tierCols[i], carry ? prev!.tiers[i] : undefined));

    const shift = findShift(kinds, fieldOfCol, ncols, deepestLevelCol);
    // (`shift` always present, possibly undefined: one object shape for all rows)
    const cr: CatalogueRow = { row: r, kind, group, own, resolved, tiers, kinds, shift };
    rows.push(cr);
    prev = cr;
    if (!shift && ownDepth >= 0) deepestLevelCol = own[LEVELS[ownDepth]]!.col;
  }
  return { grid, header: h, ncols, fieldOfCol, rows, lastRow };
}

// Row helpers are plain functions, not closures inside buildCatalogue: a closure over the loop's
// variables made them heap-allocated per row, and V8 discarded the loop's compiled code after
// every run (each run had new closures).

/** The cell a merge hands down to row r, column col (built once per merge). */
function fromMerge(grid: Grid, mergedFrom: (MergeSource | undefined)[][], r: number, col: number): CellRef | undefined {
  const src = mergedFrom[col]?.[r];
  if (!src) return undefined;
  if (src.ref === undefined) {
    const text = textAt(grid, src.row, src.col);
    src.ref = text.trim() ? { row: src.row, col: src.col, text, inherited: true } : null;
  }
  return src.ref ?? undefined;
}

/** A tier tick cell: its own text, the merge's, or the one carried down from the row above. */
function tierCell(grid: Grid, mergedFrom: (MergeSource | undefined)[][], r: number, col: number, above: CellRef | undefined): CellRef {
  const text = textAt(grid, r, col);
  if (text.trim()) return { row: r, col, text, inherited: false };
  const src = mergedFrom[col]?.[r];
  if (src) return { row: src.row, col: src.col, text: textAt(grid, src.row, src.col), inherited: true };
  return above ? { row: above.row, col: above.col, text: above.text, inherited: true } : { row: r, col, text: '', inherited: false };
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
