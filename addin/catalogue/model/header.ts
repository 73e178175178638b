/**
 * Find the title rows and the 1–2 header rows of a catalogue sheet, and map its columns to
 * canonical fields by label (merged group headers such as 公开事项/公开对象/公开方式/公开层级).
 */
import { type Grid, colCount, textAt } from '../grid.ts';
import type { ColumnDef, FieldId } from '../types.ts';
import { normLabel, subField, topField } from './labels.ts';

export interface HeaderInfo {
  /** Non-empty rows above the header (the catalogue title, the office, a date…). */
  titleRows: number[];
  /** The 1 or 2 header rows. */
  headerRows: number[];
  firstDataRow: number;
  /** Recognised and unknown labelled columns, in column order. */
  columns: ColumnDef[];
  /** Field -> column (the first column of that field; tier may have several, see columns). */
  byField: Partial<Record<FieldId, number>>;
}

const MAX_SCAN = 40;

function mergeAt(grid: Grid, row: number, col: number) {
  return grid.merges.find((m) => row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2);
}

function labelAt(grid: Grid, row: number, col: number): string {
  return textAt(grid, row, col).replace(/[\s\u3000]+/g, ' ').trim();
}

export function detectHeader(grid: Grid): HeaderInfo | undefined {
  const nrows = Math.min(grid.values.length, MAX_SCAN);
  const ncols = colCount(grid);
  let h = 0;
  for (let r = 1; r <= nrows; r++) {
    let hits = 0;
    for (let c = 1; c <= ncols; c++) {
      const l = labelAt(grid, r, c);
      if (l && l.length <= 24 && topField(l)) hits++;
    }
    if (hits >= 3) {
      h = r;
      break;
    }
  }
  if (!h) return undefined;

  // Group spans from the top header row: a merged cell, or the run of empty top cells that
  // have sub labels beneath them.
  const groupOf: (string | undefined)[] = [];
  const topLabel: string[] = [];
  for (let c = 1; c <= ncols; c++) {
    const m = mergeAt(grid, h, c);
    topLabel[c] = m ? labelAt(grid, m.r1, m.c1) : labelAt(grid, h, c);
  }
  // The second header row exists when the row below has sub labels (or the top row has
  // vertical merges into it).
  let sub = 0;
  const below = h + 1;
  if (below <= grid.values.length) {
    let subHits = 0;
    let numbers = 0;
    for (let c = 1; c <= ncols; c++) {
      const l = labelAt(grid, below, c);
      if (/^\d+$/.test(l)) numbers++;
      if (l && subField(l, undefined)) subHits++;
    }
    const vMerges = grid.merges.some((m) => m.r1 === h && m.r2 >= below);
    if (numbers === 0 && (subHits >= 1 || vMerges)) sub = below;
  }

  let currentGroup: string | undefined;
  let groupEnd = 0;
  for (let c = 1; c <= ncols; c++) {
    const raw = labelAt(grid, h, c);
    const m = mergeAt(grid, h, c);
    if (raw) {
      const tf = topField(raw);
      if (typeof tf === 'string' && tf.startsWith('group:')) {
        currentGroup = tf;
        groupEnd = m && m.r1 === h && m.r2 === h ? m.c2 : Number.POSITIVE_INFINITY;
      } else {
        currentGroup = undefined;
      }
    } else if (m && m.c1 < c) {
      // inside a merged top cell: keep group
    } else if (currentGroup && groupEnd === Number.POSITIVE_INFINITY) {
      // an empty top cell continues the open group only if a sub label stands below it
      const sl = sub ? labelAt(grid, sub, c) : '';
      if (!sl || !subField(sl, currentGroup)) currentGroup = undefined;
    }
    if (c > groupEnd) currentGroup = undefined;
    groupOf[c] = currentGroup;
  }

  const columns: ColumnDef[] = [];
  // every field written out (undefined until found): keys added one by one would give each
  // catalogue's map a shape that V8 drops with it, and with it the code of every rule that reads it
  const byField: Partial<Record<FieldId, number>> = {
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
  for (let c = 1; c <= ncols; c++) {
    const top = topLabel[c];
    const sl = sub ? labelAt(grid, sub, c) : '';
    const group = groupOf[c];
    let field: FieldId | undefined;
    let label = top;
    if (group) {
      const gl = labelAt(grid, h, c) || groupLabel(grid, h, c);
      label = sl ? `${gl}/${sl}` : gl;
      field = sl ? subField(sl, group) : undefined;
      if (!field) {
        if (group === 'group:items') field = sl ? 'unknown' : 'level1';
        else if (group === 'group:audience') field = sl ? 'unknown' : 'audience';
        else if (group === 'group:mode') field = sl ? 'unknown' : 'mode';
        else if (group === 'group:tier') field = 'tier';
      }
    } else if (top) {
      const tf = topField(top);
      field = tf && !tf.startsWith('group:') ? (tf as FieldId) : undefined;
      if (!field && sl) field = subField(sl, undefined);
      if (!field) field = 'unknown';
      if (sl && field !== 'unknown') label = `${top}/${sl}`;
    } else if (sl) {
      field = subField(sl, undefined) ?? 'unknown';
      label = sl;
    }
    if (!field) continue;
    columns.push({ col: c, field, label: label.replace(/\s+/g, ' ') });
    if (field !== 'unknown' && byField[field] === undefined) byField[field] = c;
  }

  const titleRows: number[] = [];
  for (let r = 1; r < h; r++) {
    for (let c = 1; c <= ncols; c++)
      if (labelAt(grid, r, c)) {
        titleRows.push(r);
        break;
      }
  }
  const headerRows = sub ? [h, sub] : [h];
  return { titleRows, headerRows, firstDataRow: (sub || h) + 1, columns, byField };
}

function groupLabel(grid: Grid, h: number, c: number): string {
  for (let k = c; k >= 1; k--) {
    const m = mergeAt(grid, h, k);
    const l = m ? labelAt(grid, m.r1, m.c1) : labelAt(grid, h, k);
    if (l) return l;
  }
  return '';
}

export { normLabel };
