/**
 * Use-cases shared by every host (Excel task pane, browser workbench, CLI): validate a sheet
 * and fix it through a WorkbookPort. Hosts only do I/O and presentation.
 */
import type { Grid } from '../catalogue/grid.ts';
import { fixGrid, validateGrid } from '../catalogue/engine.ts';
import type { Catalogue } from '../catalogue/model/catalogue.ts';
import type { CatalogueOptions } from '../catalogue/options.ts';
import type { CellEdit, ColumnDef, Finding } from '../catalogue/types.ts';
import type { ApplyEditsOptions, ApplyResult, ValidationRule, WorkbookPort } from '../port/workbook-port.ts';
import { NATIONAL_CHANNELS } from '../catalogue/channels.ts';
import { type HeaderInfo, detectHeader } from '../catalogue/model/header.ts';
import { withDefaults } from '../catalogue/options.ts';
// Pure record-keeping of ignored findings (no DOM, no port): shared by the pane and the ribbon through the functions below.
import { type ResolvedIgnores, ignoresOf, resolveIgnores, withoutIgnored } from '../taskpane/ignores.ts';
// log.ts alone (not the stats index): the pane's initial chunk gets the log schema and hash, not the statistics.
import { type AppendOptions, type LogEventInput, type LogVerification, LOG_HEADER, LOG_SHEET, appendEvents, headEntry, rememberedHeadIn, verifyLog } from '../../forms-lib/stats/log.ts';

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

// ---------------------------------------------------------------------------------------------
// Ignored findings, kept in the workbook's state (taskpane/ignores.ts has the record format)

/** The ignores the workbook's state holds for the grid's sheet, resolved against its findings. Pure. */
export function workbookIgnores(state: Readonly<Record<string, string>>, grid: Grid, findings: readonly Finding[]): ResolvedIgnores {
  return resolveIgnores(ignoresOf(state, grid.sheet), grid, findings);
}

/**
 * The one path from the workbook to the engine's `ignored` option: readState (unless `state` is
 * given) → the ignore records of the grid's sheet → resolved against `findings` (default: the
 * grid validated with `options`) → `options` with those keys added to `ignored`.
 */
export async function withWorkbookIgnores(
  port: Pick<WorkbookPort, 'readState'>,
  grid: Grid,
  o: { options?: Partial<CatalogueOptions>; findings?: readonly Finding[]; state?: Readonly<Record<string, string>> } = {},
): Promise<{ options: Partial<CatalogueOptions>; resolved: ResolvedIgnores; state: Readonly<Record<string, string>> }> {
  const state = o.state ?? (await port.readState());
  const findings = o.findings ?? validateGrid(grid, o.options).findings;
  const resolved = workbookIgnores(state, grid, findings);
  const ignored = [...(o.options?.ignored ?? []), ...resolved.keys];
  return { options: { ...o.options, ignored }, resolved, state };
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
  /** The workbook's state when the caller has just read it (saves a read of the remembered head). */
  state?: Readonly<Record<string, string>>;
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
  // with the head the workbook remembers: a log whose last rows were deleted is not extended
  const v = content ? verifyLog(content, { expectedHead: rememberedHeadIn(o.state ?? (await port.readState()), name) }) : undefined;
  if (!content || !v?.ok) return { options: {}, problem: v };
  return {
    options: {
      log: {
        name,
        rows: (r) => (r.applied.length === 0 ? [] : appendEvents(content.rows, [catalogueFixedEvent({ sheet, cells: r.applied.length, rules: rules(r.applied) }, o.operator)], o)),
        // the new head is remembered in the same write, as every append does
        state: (rows) => headEntry(name, rows[rows.length - 1]),
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
  o: {
    sheet?: string;
    unsafe?: boolean;
    dryRun?: boolean;
    options?: Partial<CatalogueOptions>;
    log?: FixLogOptions | boolean;
    /** Leave alone the findings the user ignored: 'workbook' reads them from the workbook's state (withWorkbookIgnores); or that state as read. */
    ignores?: 'workbook' | Readonly<Record<string, string>>;
  } = {},
): Promise<FixReport> {
  const grid = await port.readSheet(o.sheet);
  const t0 = now();
  let options = o.options;
  let state: Readonly<Record<string, string>> | undefined;
  let first = validateGrid(grid, options);
  if (o.ignores) {
    const w = await withWorkbookIgnores(port, grid, { options, findings: first.findings, state: o.ignores === 'workbook' ? undefined : o.ignores });
    state = w.state;
    if (w.resolved.keys.length > 0) {
      options = w.options;
      first = { ...first, findings: withoutIgnored(first.findings, w.resolved.keys) };
    }
  }
  const before = reportOf(grid, first.findings, first.catalogue, now() - t0);
  const t1 = now();
  const res = fixGrid(grid, { unsafe: o.unsafe, options });
  const cat = validateGrid(res.grid, options).catalogue;
  const after = reportOf(res.grid, res.findings, cat, now() - t1);
  let apply: ApplyResult | null = null;
  let logProblem: LogVerification | undefined;
  if (!o.dryRun && res.edits.length > 0) {
    let logged: LoggedApply | undefined;
    if (o.log) {
      // Rules: those of the first pass's fixes touching an applied cell (later passes mostly repeat them).
      logged = await fixLogOption(port, grid.sheet, (applied) => rulesTouching(first.findings, new Set(applied.map((e) => e.cell)), o.unsafe), { ...(o.log === true ? {} : o.log), ...(state ? { state } : {}) });
      logProblem = logged.problem;
    }
    apply = await port.applyEdits(grid.sheet, res.edits, logged?.options ?? {});
  }
  return { sheet: grid.sheet, edits: res.edits, passes: res.passes, stoppedOnCycle: res.stoppedOnCycle, apply, before, after, ...(logProblem ? { logProblem } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Drop-down lists (data validation) for the catalogue's channel, audience, mode and deadline columns

/**
 * Standard 公开时限 phrasings offered in the drop-down: the statutory period of 条例第二十六条
 * and the shorter periods of the sector guidelines, the 预决算 calendar-day forms, 实时更新 and
 * the annual report date. Each is accepted by deadline-format without a finding (tested).
 */
export const STANDARD_DEADLINES: readonly string[] = [
  '自该信息形成或者变更之日起20个工作日内',
  '自该信息形成或者变更之日起10个工作日内',
  '自该信息形成或者变更之日起5个工作日内',
  '自该信息形成或者变更之日起3个工作日内',
  '本级人民代表大会或其常务委员会批准后20日内',
  '本级政府财政部门批复后20日内',
  '实时更新',
  '每年1月31日前',
];

/** Rows given a drop-down below the last data row, so rows the office adds get it too. */
const EXTRA_ROWS = 200;

/** Tick columns hold the office's mark or nothing; one-column 对象/方式 may hold the words too. */
const TICK_FIELDS = new Set(['audienceAll', 'audienceSpecific', 'modeActive', 'modeOnRequest']);

export interface DropdownPlan {
  sheet: string;
  rules: ValidationRule[];
  /** Column letters-to-label for the message, e.g. [{ col: 8, label: '公开渠道和载体' }]. */
  columns: { col: number; label: string; kind: 'list' | 'prompt' }[];
}

/**
 * Validation rules for a catalogue sheet (pure): from the first data row to 200 rows past the
 * last one, on each 公开渠道和载体, 公开对象, 公开方式 and 公开时限 column the header names.
 * null when the sheet has no catalogue header.
 */
export function catalogueDropdowns(grid: Grid, header: HeaderInfo | null | undefined = detectHeader(grid), options?: Partial<CatalogueOptions>): DropdownPlan | null {
  if (!header) return null;
  const mark = withDefaults(options).mark;
  const r1 = header.firstDataRow;
  const r2 = Math.min(1048576, Math.max(r1, grid.values.length) + EXTRA_ROWS);
  const rules: ValidationRule[] = [];
  const columns: DropdownPlan['columns'] = [];
  const at = (col: number) => ({ r1, c1: col, r2, c2: col });
  for (const c of header.columns) {
    const label = c.label.slice(0, 32);
    if (c.field === 'channel') {
      // 渠道 is multi-valued (「■政府网站 □政府公报 ■两微一端」, several ticked at once): a list
      // allows one value per cell, and the 2^13 tick combinations cannot be listed. So this
      // column gets an input message with the 13 national channels and the ■/□ syntax, and no
      // restriction; channel-vocabulary checks what is typed.
      rules.push({
        range: at(c.col),
        prompt: { title: '公开渠道和载体', message: `用「■」标出选用的渠道、「□」标出未选，如「■政府网站 □政府公报」。国办标准渠道：${NATIONAL_CHANNELS.join('、')}。`.slice(0, 255) },
      });
      columns.push({ col: c.col, label, kind: 'prompt' });
    } else if (TICK_FIELDS.has(c.field) || c.field === 'audience' || c.field === 'mode') {
      const words = c.field === 'audience' ? ['全社会', '特定群众'] : c.field === 'mode' ? ['主动公开', '依申请公开'] : [];
      const tick = words.length === 0;
      rules.push({
        range: at(c.col),
        list: [mark, ...words],
        // A tick column holds the mark or nothing: anything else is refused. A one-column
        // 对象/方式 may carry other local words: Excel asks, and the value can stay.
        errorStyle: tick ? 'stop' : 'warning',
        error: tick
          ? { title: label, message: `勾选列只填「${mark}」，不勾选的留空。` }
          : { title: label, message: `建议从下拉列表中选择（${[mark, ...words].join('、')}）。仍要使用此内容吗？` },
      });
      columns.push({ col: c.col, label, kind: 'list' });
    } else if (c.field === 'deadline') {
      rules.push({
        range: at(c.col),
        list: STANDARD_DEADLINES,
        // 'warning': the standard phrasings are offered, and any other phrasing the office
        // needs (「…10个工作日内，公示7个工作日」) can still be typed after Excel asks.
        errorStyle: 'warning',
        prompt: { title: '公开时限', message: '可从下拉列表中选择标准表述；其他表述也可直接输入。' },
        error: { title: '公开时限', message: '这不是列表中的标准表述。仍要使用吗？（deadline-format 规则会检查它）' },
      });
      columns.push({ col: c.col, label, kind: 'list' });
    }
  }
  return { sheet: grid.sheet, rules, columns };
}

/** Read the sheet, plan its drop-downs and add them through the port. null: no catalogue header. */
export async function addCatalogueDropdowns(port: WorkbookPort, sheet?: string, options?: Partial<CatalogueOptions>): Promise<DropdownPlan | null> {
  const grid = await port.readSheet(sheet);
  const plan = catalogueDropdowns(grid, detectHeader(grid), options);
  if (plan && plan.rules.length > 0) await port.addValidation(grid.sheet, plan.rules);
  return plan;
}
