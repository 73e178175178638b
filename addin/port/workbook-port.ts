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
  applyEdits(sheet: string, edits: readonly CellEdit[]): Promise<ApplyResult>;
  highlight(sheet: string, findings: readonly Finding[]): Promise<void>;
  clearHighlights(sheet: string): Promise<void>;
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
