/**
 * WorkbookPort: the one interface every host adapter implements (architecture.md).
 * The Excel adapter (Office.js) and the file adapter (.xlsx bytes) both satisfy it, so the
 * use-cases (validate, fix, fill form, log, roll up) never know which host they run in.
 */
import type { CellRange, Grid } from '../catalogue/grid.ts';
import type { CellEdit, Finding } from '../catalogue/types.ts';

export interface ApplyResult {
  applied: CellEdit[];
  /** Edits whose cell no longer held `expect`: never overwritten. */
  skipped: CellEdit[];
}

export interface PortCapabilities {
  /** Host name for messages and telemetry-free diagnostics. */
  host: 'excel' | 'file';
  /** Whether several writes can be merged into one undo step natively (ExcelApi 1.20). */
  mergeUndoGroup: boolean;
  /** Whether cell comments/notes can be written. */
  notes: boolean;
}

export interface WorkbookPort {
  readonly capabilities: PortCapabilities;
  listSheets(): Promise<string[]>;
  /** The named sheet, or the active/first visible one. */
  readSheet(name?: string): Promise<Grid>;
  /**
   * Write the edits whose cells still hold `expect`. By default the changed cells get the green
   * fix mark, replacing the marks of the previous fix on that sheet (the marks show what the last
   * fix changed; `highlight: false`, as an undo passes, unmarks the cells it writes instead).
   * `log` rows go to the log sheet in the same write (Excel: one sync, one undo step).
   */
  applyEdits(sheet: string, edits: readonly CellEdit[], options?: ApplyEditsOptions): Promise<ApplyResult>;
  /** Colour finding cells by severity. Cells that carry a fix mark keep it. */
  highlight(sheet: string, findings: readonly Finding[]): Promise<void>;
  /** Put back the fills highlight() replaced. Fix marks are left alone. */
  clearHighlights(sheet: string): Promise<void>;
  /** Put back the fills the green fix marks of applyEdits replaced. */
  clearFixMarks(sheet: string): Promise<void>;
  select(sheet: string, range: CellRange): Promise<void>;
  /**
   * The append-only event log on a very-hidden sheet (issue 4). The port stores plain text rows;
   * the schema, hash chain and verification belong to forms-lib/stats. `ensureLogSheet` creates
   * the sheet once (very hidden) and returns its state; it never replaces an existing sheet.
   */
  ensureLogSheet(name: string, header: readonly string[]): Promise<LogSheetState>;
  appendLog(name: string, rows: readonly (readonly string[])[]): Promise<void>;
  /** Header + rows as text, or null when the sheet does not exist. */
  readLog(name: string): Promise<LogSheetContent | null>;
  /**
   * Write a whole sheet the product owns (「月度统计」, 「年度报告表三」): created when missing,
   * its previous content replaced when it exists. Never used on a user's own sheet.
   */
  writeSheet(name: string, rows: readonly (readonly (string | number | null)[])[], options?: WriteSheetOptions): Promise<void>;
  /**
   * Small product state kept inside the workbook (ignored findings, …), so it travels with the
   * file between Excel and the browser workbench: a very-hidden sheet `_xxgk_state` (STATE_SHEET)
   * with a header row `key | value` and one entry per row, all text. Created by the first
   * writeState that changes something, never shown, never created twice. `{}` when absent.
   */
  readState(): Promise<Record<string, string>>;
  /** Set entries (`null` deletes the key); other keys are kept. No write when nothing changes. */
  writeState(entries: Readonly<Record<string, string | null>>): Promise<void>;
}

/** The very-hidden sheet of readState/writeState, the same in every adapter. */
export const STATE_SHEET = '_xxgk_state';
export const STATE_HEADER: readonly string[] = ['key', 'value'];

/** Excel keeps at most 32,767 characters in a cell: longer state values are refused. */
export const STATE_VALUE_MAX = 32_767;

/**
 * The state as stored in the sheet's rows (row 1 = header; rows without a key are skipped; a
 * key seen twice keeps its last value). Shared by both adapters so they read the same layout.
 */
export function stateFromRows(rows: readonly (readonly unknown[])[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const key = cellString(r[0]);
    if (key === '') continue;
    out.set(key, cellString(r[1]));
  }
  return out;
}

/** `current` with `entries` applied, and whether anything changed. Throws for a value too long for a cell. */
export function mergeState(current: ReadonlyMap<string, string>, entries: Readonly<Record<string, string | null>>): { next: Map<string, string>; changed: boolean } {
  const next = new Map(current);
  let changed = false;
  for (const [k, v] of Object.entries(entries)) {
    if (k === '') throw new RangeError('writeState: an empty key cannot be stored');
    if (v === null) {
      if (next.delete(k)) changed = true;
      continue;
    }
    if (typeof v !== 'string') throw new TypeError(`writeState: the value of ${JSON.stringify(k)} must be a string or null`);
    if (v.length > STATE_VALUE_MAX || k.length > STATE_VALUE_MAX) throw new RangeError(`writeState: ${JSON.stringify(k.slice(0, 40))} is longer than an Excel cell holds (${STATE_VALUE_MAX})`);
    if (next.get(k) !== v) {
      next.set(k, v);
      changed = true;
    }
  }
  return { next, changed };
}

/** Header + one row per entry, as both adapters write the state sheet. */
export function stateRows(state: ReadonlyMap<string, string>): string[][] {
  return [[...STATE_HEADER], ...[...state].map(([k, v]) => [k, v])];
}

function cellString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export interface ApplyEditsOptions {
  /** Mark the changed cells as fixed (default true). false: unmark the cells written (an undo). */
  highlight?: boolean;
  /**
   * Rows appended to a log sheet (created by ensureLogSheet) in the same write. A function gets
   * the outcome first, so the logged event counts only the edits applied; [] appends nothing.
   */
  log?: { name: string; rows: readonly (readonly string[])[] | ((result: ApplyResult) => readonly (readonly string[])[]) };
}

export interface WriteSheetOptions {
  /** Column widths in characters, by 0-based column index. */
  columnWidths?: readonly number[];
  /** Number of leading header rows to make bold (and freeze). */
  headerRows?: number;
}

export interface LogSheetState {
  created: boolean;
  /** 'veryHidden' as expected; anything else is reported by the caller as a damaged log. */
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface LogSheetContent {
  visibility: 'visible' | 'hidden' | 'veryHidden';
  header: string[];
  rows: string[][];
}
