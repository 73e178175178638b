/**
 * Use-cases shared by every host (Excel task pane, browser workbench, CLI): validate a sheet
 * and fix it through a WorkbookPort. Hosts only do I/O and presentation.
 */
import type { Grid } from '../catalogue/grid.ts';
import { fixGrid, validateGrid } from '../catalogue/engine.ts';
import type { Catalogue } from '../catalogue/model/catalogue.ts';
import type { CatalogueOptions } from '../catalogue/options.ts';
import type { CellEdit, ColumnDef, Finding } from '../catalogue/types.ts';
import type { ApplyEditsOptions, ApplyResult, WorkbookPort } from '../port/workbook-port.ts';
// log.ts alone (not the stats index): the pane's initial chunk gets the log schema and hash, not the statistics.
import { type AppendOptions, type LogEventInput, type LogVerification, LOG_HEADER, LOG_SHEET, appendEvents, verifyLog } from '../../forms-lib/stats/log.ts';

export interface ValidationReport {
  sheet: string;
  header: { row: number; rows: number[]; columns: ColumnDef[] } | null;
  findings: Finding[];
  stats: { items: number; errors: number; warnings: number; infos: number; fixable: { safe: number; unsafe: number }; ms: number };
}

function now(): number {
  return globalThis.performance ? globalThis.performance.now() : Date.now();
}

export function countItems(cat: Catalogue | undefined): number {
  if (!cat) return 0;
  let n = 0;
  for (const r of cat.rows) if (r.kind === 'item' || r.kind === 'child') n++;
  return n;
}

export function reportOf(grid: Grid, findings: Finding[], cat: Catalogue | undefined, ms: number): ValidationReport {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    sheet: grid.sheet,
    header: cat ? { row: cat.header.headerRows[0], rows: cat.header.headerRows, columns: cat.header.columns } : null,
    findings,
    stats: {
      items: countItems(cat),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      fixable: {
        safe: findings.filter((f) => f.fix?.applicability === 'safe').length,
        unsafe: findings.filter((f) => f.fix?.applicability === 'unsafe').length,
      },
      ms: Math.round(ms * 10) / 10,
    },
  };
}

export async function validateSheet(port: WorkbookPort, sheet?: string, options?: Partial<CatalogueOptions>): Promise<ValidationReport> {
  const grid = await port.readSheet(sheet);
  const t0 = now();
  const res = validateGrid(grid, options);
  return reportOf(grid, res.findings, res.catalogue, now() - t0);
}

/** What a 'catalogue-fixed' log event says, as JSON in its 说明 (detail) cell. */
export interface CatalogueFixedDetail {
  sheet: string;
  /** Cells the fix changed (applied edits). */
  cells: number;
  /** Rules whose fixes were applied, sorted. */
  rules: string[];
}

/** The log event of a catalogue fix: type 'catalogue-fixed', detail = JSON {sheet, cells, rules}. */
export function catalogueFixedEvent(d: CatalogueFixedDetail, operator?: string): LogEventInput {
  const detail: CatalogueFixedDetail = { sheet: d.sheet, cells: d.cells, rules: [...new Set(d.rules)].sort() };
  return { type: 'catalogue-fixed', detail: JSON.stringify(detail), operator };
}

/** Rules of the fixable findings whose edits touch one of `cells`. */
export function rulesTouching(findings: readonly Finding[], cells: ReadonlySet<string>, unsafe = false): string[] {
  const out = new Set<string>();
  for (const f of findings) {
    if (!f.fix || !(f.fix.applicability === 'safe' || (unsafe && f.fix.applicability === 'unsafe'))) continue;
    if (f.fix.edits.some((e) => cells.has(e.cell))) out.add(f.ruleId);
  }
  return [...out].sort();
}

export interface FixLogOptions extends AppendOptions {
  operator?: string;
  /** Log sheet; default `_xxgk_log`. */
  sheet?: string;
}

export interface LoggedApply {
  /** Pass to port.applyEdits: the event is appended in the fix's own write, counting the edits applied. */
  options: ApplyEditsOptions;
  /** Set when the existing log is damaged: the fix goes ahead unlogged (the log is never extended past a break). */
  problem?: LogVerification;
}

/**
 * Prepare the `log` option of applyEdits for a catalogue fix: the log sheet is created the first
 * time (very hidden), read and verified; the rows are chained to its last row. `rules` gives
 * the rule ids for the edits that end up applied.
 */
export async function fixLogOption(port: WorkbookPort, sheet: string, rules: (applied: readonly CellEdit[]) => string[], o: FixLogOptions = {}): Promise<LoggedApply> {
  const name = o.sheet ?? LOG_SHEET;
  await port.ensureLogSheet(name, LOG_HEADER);
  const content = await port.readLog(name);
  const v = content ? verifyLog(content) : undefined;
  if (!content || !v?.ok) return { options: {}, problem: v };
  return {
    options: {
      log: {
        name,
        rows: (r) => (r.applied.length === 0 ? [] : appendEvents(content.rows, [catalogueFixedEvent({ sheet, cells: r.applied.length, rules: rules(r.applied) }, o.operator)], o)),
      },
    },
  };
}

export interface FixReport {
  sheet: string;
  /** One edit per changed cell (expect = the value read, set = the final value). */
  edits: CellEdit[];
  passes: number;
  stoppedOnCycle: boolean;
  apply: ApplyResult | null;
  before: ValidationReport;
  after: ValidationReport;
  /** With `log`: the existing log was damaged, so the fix was not logged. */
  logProblem?: LogVerification;
}

/**
 * Fix a sheet through the port. With `log`, a 'catalogue-fixed' event goes into the workbook's
 * log in the same write as the edits and their fix marks (one undo step in Excel).
 */
export async function fixSheet(
  port: WorkbookPort,
  o: { sheet?: string; unsafe?: boolean; dryRun?: boolean; options?: Partial<CatalogueOptions>; log?: FixLogOptions | boolean } = {},
): Promise<FixReport> {
  const grid = await port.readSheet(o.sheet);
  const t0 = now();
  const first = validateGrid(grid, o.options);
  const before = reportOf(grid, first.findings, first.catalogue, now() - t0);
  const t1 = now();
  const res = fixGrid(grid, { unsafe: o.unsafe, options: o.options });
  const cat = validateGrid(res.grid, o.options).catalogue;
  const after = reportOf(res.grid, res.findings, cat, now() - t1);
  let apply: ApplyResult | null = null;
  let logProblem: LogVerification | undefined;
  if (!o.dryRun && res.edits.length > 0) {
    let options: ApplyEditsOptions = {};
    if (o.log) {
      // Rules: those of the first pass's fixes touching an applied cell (later passes mostly repeat them).
      const logged = await fixLogOption(port, grid.sheet, (applied) => rulesTouching(first.findings, new Set(applied.map((e) => e.cell)), o.unsafe), o.log === true ? {} : o.log);
      options = logged.options;
      logProblem = logged.problem;
    }
    apply = await port.applyEdits(grid.sheet, res.edits, options);
  }
  return { sheet: grid.sheet, edits: res.edits, passes: res.passes, stoppedOnCycle: res.stoppedOnCycle, apply, before, after, ...(logProblem ? { logProblem } : {}) };
}
