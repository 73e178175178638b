/**
 * A SheetJS worksheet (dense mode) -> Grid. Values at their 1-based sheet coordinates from A1,
 * strings untouched (no trimming), formulas/errors/dates described in `special`.
 */
import * as XLSX from 'xlsx';
import type { CellRange, CellSpecial, Grid, Scalar } from '../../catalogue/grid.ts';
import { address } from '../../catalogue/grid.ts';
import { serialToIsoDate } from './dates.ts';

const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export class CellLimitError extends Error {
  readonly count: number;
  constructor(count: number) {
    super(`too many cells: ${count}`);
    this.count = count;
  }
}

function isoOfDate(d: Date): string | undefined {
  // SheetJS builds Date objects from local-time parts; read them back the same way.
  if (Number.isNaN(d.getTime())) return undefined;
  const y = d.getFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function gridFromSheetJs(name: string, ws: XLSX.WorkSheet | undefined, date1904: boolean, maxCells: number): Grid {
  const values: Scalar[][] = [];
  const special: Record<string, CellSpecial> = {};
  let nSpecial = 0;
  let count = 0;
  const data = (ws?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  let lastRow = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const out: Scalar[] = [];
    let lastCol = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      let v: Scalar = null;
      let sp: CellSpecial | undefined;
      switch (cell.t) {
        case 's':
          v = typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
          break;
        case 'n': {
          const n = cell.v as number;
          if (cell.z !== undefined && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
            v = cell.w ?? String(n);
            const iso = serialToIsoDate(n, date1904);
            sp = iso ? { kind: 'date', iso } : { kind: 'date' };
          } else {
            v = n;
          }
          break;
        }
        case 'b':
          v = Boolean(cell.v);
          break;
        case 'e':
          v = null;
          sp = { kind: 'error', error: cell.w ?? ERROR_TEXT[cell.v as number] ?? '#ERROR' };
          break;
        case 'd': {
          const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
          v = cell.w ?? isoOfDate(d) ?? null;
          const iso = isoOfDate(d);
          sp = iso ? { kind: 'date', iso } : { kind: 'date' };
          break;
        }
        default:
          v = null;
      }
      if (cell.f) {
        const f: CellSpecial = { kind: 'formula', formula: cell.f.replace(/^=/, '') };
        if (sp?.kind === 'error') f.error = sp.error;
        if (sp?.kind === 'date' && sp.iso) f.iso = sp.iso;
        sp = f;
      }
      if (v === null && !sp) continue;
      if (++count > maxCells) throw new CellLimitError(count);
      while (out.length < c) out.push(null);
      out[c] = v;
      if (v !== null) lastCol = c + 1;
      if (sp) {
        special[address(r + 1, c + 1)] = sp;
        nSpecial++;
      }
    }
    out.length = lastCol;
    if (lastCol > 0) {
      while (values.length < r) values.push([]);
      values[r] = out;
      lastRow = r + 1;
    }
  }
  values.length = lastRow;
  for (let i = 0; i < values.length; i++) if (!values[i]) values[i] = [];
  const merges: CellRange[] = ((ws?.['!merges'] ?? []) as XLSX.Range[]).map((m) => ({ r1: m.s.r + 1, c1: m.s.c + 1, r2: m.e.r + 1, c2: m.e.c + 1 }));
  const grid: Grid = { sheet: name, values, merges };
  if (nSpecial > 0) grid.special = special;
  return grid;
}
