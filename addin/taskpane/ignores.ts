/**
 * Ignored findings, kept in the workbook's own state (WorkbookPort.readState/writeState), so an
 * ignore travels with the file between Excel and the workbench. Pure: no DOM, no port calls.
 *
 * A record is ruleId + sheet + cell + the cell's value (a fingerprint of it) when ignored:
 * - the cell still holds that value: the finding of that rule there stays ignored;
 * - it does not (rows inserted above moved it): the ignore follows its row when exactly one
 *   finding of that rule sits on a cell holding the value in a row holding what the ignored
 *   row held (same column preferred) — a copy of the text on another row does not take it;
 * - otherwise the ignore lapses: it no longer hides anything (and is dropped at the next write).
 *
 * State entry: key `ignore:<sheet>:<ruleId>@<cell>`, value JSON `{"v": text, "r": row}` (`"h"`
 * instead of `"v"` for a long cell text; `r` the row's fingerprint). Sheet names cannot hold ':' (Excel forbids it), nor rule ids or cells.
 */
import type { Grid } from '../catalogue/grid.ts';
import { parseAddress, scalarText, textAt } from '../catalogue/grid.ts';
import type { Finding } from '../catalogue/types.ts';

export const IGNORE_PREFIX = 'ignore:';

export interface IgnoreRecord {
  sheet: string;
  ruleId: string;
  cell: string;
  /** Fingerprint of the cell's text when it was ignored (see fingerprint()). */
  fp: string;
  /** Fingerprint of the whole row then (what lets the ignore follow a moved row). */
  rowFp?: string;
}

const LONG = 64;

/** The cell text itself when short, else its length and a 32-bit FNV-1a hash. */
export function fingerprint(text: string): string {
  if (text.length <= LONG) return `v:${text}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `h:${text.length}:${h.toString(16).padStart(8, '0')}`;
}

export function ignoreStateKey(r: Pick<IgnoreRecord, 'sheet' | 'ruleId' | 'cell'>): string {
  return `${IGNORE_PREFIX}${r.sheet}:${r.ruleId}@${r.cell}`;
}

export function ignoreStateValue(r: Pick<IgnoreRecord, 'fp' | 'rowFp'>): string {
  const cell = r.fp.startsWith('v:') ? { v: r.fp.slice(2) } : { h: r.fp.slice(2) };
  return JSON.stringify(r.rowFp === undefined ? cell : { ...cell, r: r.rowFp });
}

/** Fingerprint of a row's texts (cells joined by U+0001). */
export function rowFingerprint(grid: Grid, row: number): string {
  const texts = (grid.values[row - 1] ?? []).map((v) => scalarText(v));
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return fingerprint(texts.join('\u0001'));
}

/** The record for ignoring finding `f` of `grid` now. */
export function ignoreRecordFor(f: Pick<Finding, 'sheet' | 'ruleId' | 'cell' | 'row' | 'col'>, grid: Grid): IgnoreRecord {
  return { sheet: f.sheet, ruleId: f.ruleId, cell: f.cell, fp: fingerprint(textAt(grid, f.row, f.col)), rowFp: rowFingerprint(grid, f.row) };
}

/** The ignore records of `sheet` in a workbook state (malformed entries skipped). */
export function ignoresOf(state: Readonly<Record<string, string>>, sheet: string): IgnoreRecord[] {
  const out: IgnoreRecord[] = [];
  const prefix = `${IGNORE_PREFIX}${sheet}:`;
  for (const [k, v] of Object.entries(state)) {
    if (!k.startsWith(prefix)) continue;
    const m = /^([^@:]+)@([A-Z]{1,3}\d{1,7})$/.exec(k.slice(prefix.length));
    if (!m) continue;
    let fp: string | undefined;
    try {
      const o = JSON.parse(v) as { v?: unknown; h?: unknown; r?: unknown };
      if (typeof o.v === 'string') fp = `v:${o.v}`;
      else if (typeof o.h === 'string') fp = `h:${o.h}`;
      if (fp !== undefined) out.push({ sheet, ruleId: m[1], cell: m[2], fp, ...(typeof o.r === 'string' ? { rowFp: o.r } : {}) });
    } catch {
      /* not ours */
    }
  }
  return out;
}

export interface ResolvedIgnores {
  /** Engine keys `${ruleId}@${cell}` of the findings the records hide now. */
  keys: string[];
  /** Records that apply (where they were, or followed their value to `at`). */
  active: { record: IgnoreRecord; at: string }[];
  /** Records whose value is gone: they hide nothing. */
  lapsed: IgnoreRecord[];
}

/** Which findings the records hide in this grid (see the module comment). */
export function resolveIgnores(records: readonly IgnoreRecord[], grid: Grid, findings: readonly Finding[]): ResolvedIgnores {
  const keys = new Set<string>();
  const active: ResolvedIgnores['active'] = [];
  const lapsed: IgnoreRecord[] = [];
  const fpAt = new Map<string, string>();
  const fpOf = (row: number, col: number, cell: string): string => {
    let fp = fpAt.get(cell);
    if (fp === undefined) fpAt.set(cell, (fp = fingerprint(textAt(grid, row, col))));
    return fp;
  };
  const rowFps = new Map<number, string>();
  const rowFpOf = (row: number): string => {
    let fp = rowFps.get(row);
    if (fp === undefined) rowFps.set(row, (fp = rowFingerprint(grid, row)));
    return fp;
  };
  const claimed = new Set<string>();
  const moving: IgnoreRecord[] = [];
  for (const r of records) {
    const p = parseAddress(r.cell);
    if (p && fpOf(p.row, p.col, r.cell) === r.fp) {
      keys.add(`${r.ruleId}@${r.cell}`);
      claimed.add(`${r.ruleId}@${r.cell}`);
      active.push({ record: r, at: r.cell });
    } else moving.push(r);
  }
  for (const r of moving) {
    const col = parseAddress(r.cell)?.col;
    const candidates = findings.filter(
      (f) => f.ruleId === r.ruleId && !claimed.has(`${f.ruleId}@${f.cell}`) && fpOf(f.row, f.col, f.cell) === r.fp && (r.rowFp === undefined || rowFpOf(f.row) === r.rowFp),
    );
    const cells = [...new Set(candidates.map((f) => f.cell))];
    const sameCol = [...new Set(candidates.filter((f) => f.col === col).map((f) => f.cell))];
    const at = sameCol.length === 1 ? sameCol[0] : sameCol.length === 0 && cells.length === 1 ? cells[0] : undefined;
    if (at === undefined) {
      lapsed.push(r);
      continue;
    }
    keys.add(`${r.ruleId}@${at}`);
    claimed.add(`${r.ruleId}@${at}`);
    active.push({ record: r, at });
  }
  return { keys: [...keys], active, lapsed };
}

/** Findings without the ones hidden by `keys` (what the engine's `ignored` option does). */
export function withoutIgnored(findings: readonly Finding[], keys: readonly string[]): Finding[] {
  if (keys.length === 0) return findings.slice();
  const k = new Set(keys);
  return findings.filter((f) => !k.has(`${f.ruleId}@${f.cell}`));
}

/**
 * Old ignores kept in the pane settings (`${ruleId}@${cell}` per sheet, before the state store)
 * as records fingerprinted with the cells' current values.
 */
export function recordsFromLegacy(sheet: string, keys: readonly string[], grid: Grid): IgnoreRecord[] {
  const out: IgnoreRecord[] = [];
  for (const k of keys) {
    const m = /^([^@]+)@([A-Z]{1,3}\d{1,7})$/.exec(k);
    const p = m ? parseAddress(m[2]) : undefined;
    if (!m || !p) continue;
    out.push({ sheet, ruleId: m[1], cell: m[2], fp: fingerprint(textAt(grid, p.row, p.col)) });
  }
  return out;
}
