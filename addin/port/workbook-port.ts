/**
 * WorkbookPort: the one interface every host adapter implements (architecture.md).
 * The Excel adapter (Office.js) and the file adapter (.xlsx bytes) both satisfy it, so the
 * use-cases (validate, fix, fill form, log, roll up) never know which host they run in.
 */
import type { CellRange, CellSpecial, Grid, Scalar } from '../catalogue/grid.ts';
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
  /** Whether addValidation works (Excel: ExcelApi 1.8; file: .xlsx/.xlsm). */
  dataValidation: boolean;
}

export interface WorkbookPort {
  readonly capabilities: PortCapabilities;
  listSheets(): Promise<string[]>;
  /** The named sheet, or the active/first visible one. */
  readSheet(name?: string): Promise<Grid>;
  /**
   * Rows of a sheet (columns 1..`cols`), as readSheet gives them: what a re-check after an edit
   * reads instead of the whole sheet (Excel: 1 sync for all the spans).
   */
  readRows(sheet: string, spans: readonly RowSpan[], cols: number): Promise<RowsRead>;
  /** The active cell (Excel: the user's selection; file adapter: the last select()), or null. */
  activeCell(): Promise<CellRef | null>;
  /**
   * Host events, present only when the host reports them (Excel with ExcelApi 1.9; the workbench
   * has none: only the pane edits its workbook).
   */
  readonly events?: PortEvents;
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
  /**
   * Cells of `sheet` carrying a fix mark now (A1), whoever made it: in Excel the ribbon's
   * 一键修复 runs in a runtime of its own, and marks outlive the session, so a pane asks here
   * whether 清除修复标记 has anything to do. Optional: a port without marks need not answer.
   */
  readFixMarks?(sheet: string): Promise<string[]>;
  /**
   * Data validation on ranges of a sheet (drop-down lists, input prompts). Each rule replaces
   * whatever validation its cells had; validations elsewhere on the sheet are kept.
   */
  addValidation(sheet: string, rules: readonly ValidationRule[]): Promise<void>;
  /**
   * A chart on a product sheet (「月度统计」), referencing that sheet's cells. A chart of the same
   * name is replaced, never duplicated.
   */
  writeChart(sheet: string, chart: ChartSpec): Promise<void>;
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

export interface RowSpan {
  /** 1-based, inclusive. */
  r1: number;
  r2: number;
}

export interface RowsRead {
  sheet: string;
  /** One entry per row of the spans, in order: its values (trailing empties trimmed). */
  rows: { row: number; values: Scalar[] }[];
  /** Specials (dates, errors, formulas) of those rows by A1 address. */
  special: Record<string, CellSpecial>;
}

export interface CellRef {
  sheet: string;
  /** 1-based. */
  row: number;
  col: number;
}

export type Unsubscribe = () => Promise<void>;

export interface CellsChangedEvent {
  sheet: string;
  /** A1 range(s) without the sheet, as Excel reports them ('B3', 'B3:D5', '3:3'). */
  address: string;
  /** Excel's changeType: 'RangeEdited', 'RowInserted', 'RowDeleted', 'ColumnInserted', … */
  changeType: string;
  /** 'Local' (this user) or 'Remote' (a co-author). */
  source: string;
}

export interface SelectionEvent {
  sheet: string;
  /** The selected range (A1). */
  address: string;
}

export interface PortEvents {
  /** Cell values changed (Excel: worksheets.onChanged). Resolves once the handler is registered. */
  onChanged(listener: (e: CellsChangedEvent) => void): Promise<Unsubscribe>;
  /** The selection moved (Excel: worksheets.onSelectionChanged). */
  onSelectionChanged(listener: (e: SelectionEvent) => void): Promise<Unsubscribe>;
}

export type ValidationErrorStyle = 'stop' | 'warning' | 'information';

export interface ValidationRule {
  range: CellRange;
  /** Allowed values, shown as an in-cell drop-down. Absent: any value (the prompt only). */
  list?: readonly string[];
  /** Input message shown when a cell is selected (title ≤ 32, message ≤ 255 characters). */
  prompt?: { title: string; message: string };
  /** What a value outside the list meets: stop (refused), warning (asked), information (told). Default stop. */
  errorStyle?: ValidationErrorStyle;
  /** Error alert text (title ≤ 32, message ≤ 225 characters). */
  error?: { title: string; message: string };
}

/** Excel's limits on what a validation carries; throws RangeError naming the one exceeded. */
export function checkValidationRule(r: ValidationRule): void {
  const { r1, c1, r2, c2 } = r.range;
  if (![r1, c1, r2, c2].every((n) => Number.isInteger(n) && n >= 1) || r2 < r1 || c2 < c1 || r2 > 1048576 || c2 > 16384) {
    throw new RangeError(`validation range ${JSON.stringify(r.range)} is not a range of the sheet`);
  }
  const limit = (what: string, s: string | undefined, n: number) => {
    if (s !== undefined && s.length > n) throw new RangeError(`validation ${what} is longer than Excel allows (${s.length} > ${n})`);
  };
  limit('prompt title', r.prompt?.title, 32);
  limit('prompt message', r.prompt?.message, 255);
  limit('error title', r.error?.title, 32);
  limit('error message', r.error?.message, 225);
  if (r.list) {
    if (r.list.length === 0) throw new RangeError('a validation list needs at least one value');
    for (const v of r.list) if (v === '' || /[,"]/.test(v)) throw new RangeError(`list value ${JSON.stringify(v)} cannot be empty or hold a comma or quote`);
    limit('list', r.list.join(','), 255);
  }
}

export interface ChartSeriesSpec {
  /** The header cell naming the series (its text is the legend entry). */
  nameCell: { row: number; col: number };
  name: string;
  /** One column of numbers. */
  values: CellRange;
}

export interface ChartSpec {
  /** Stable name: writing a chart of the same name on the sheet replaces it. */
  name: string;
  title: string;
  type: 'clusteredColumn';
  /** One column of category labels, as long as every series. */
  categories: CellRange;
  series: ChartSeriesSpec[];
  /** Placement: top-left cell (1-based) and size in columns and rows. */
  anchor: { row: number; col: number; cols: number; rows: number };
  /** The cells' current values, for the file's cached copy (Excel reads the cells itself). */
  cache?: { categories: string[]; series: (number | null)[][] };
}

export interface ApplyEditsOptions {
  /** Mark the changed cells as fixed (default true). false: unmark the cells written (an undo). */
  highlight?: boolean;
  /**
   * Rows appended to a log sheet (created by ensureLogSheet) in the same write. A function gets
   * the outcome first, so the logged event counts only the edits applied; [] appends nothing.
   */
  log?: {
    name: string;
    rows: readonly (readonly string[])[] | ((result: ApplyResult) => readonly (readonly string[])[]);
    /** State entries (readState/writeState) to record with the rows appended, in the same write: the log's new head. */
    state?: (rows: readonly (readonly string[])[]) => Readonly<Record<string, string>> | undefined;
  };
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
