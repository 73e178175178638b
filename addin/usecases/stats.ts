/**
 * Use-cases of issue 4 over a WorkbookPort: append events to the very-hidden, hash-chained log;
 * verify it; and write the statistics sheets 「月度统计」 and 「年度报告表三」 (and 「年度报告表四」 when
 * the register has 行政复议/行政诉讼 columns), returning the CLI's JSON.
 *
 * The register records come in as Application[] (the register use-case reads them); the log is
 * read through the port, so forms issued per month come from the same workbook.
 */
import type { Application } from '../../forms-lib/register/types.ts';
import type { Calendar, DeadlineRules } from '../../forms-lib/calendar/index.ts';
import {
  type AppendOptions,
  type CatalogueCounts,
  type LogEventInput,
  type LogVerification,
  type StatsReport,
  GENESIS_HASH,
  LOG_HEADER,
  LOG_SHEET,
  MONTHLY_SHEET,
  TABLE3_SHEET,
  TABLE4_SHEET,
  appendEvents,
  buildStats,
  headEntry,
  readLogEvents,
  rememberedHeadIn,
  registerChanges,
  checkTable4,
  monthlySheetRows,
  table3SheetRows,
  table4SheetRows,
  verifyLog,
} from '../../forms-lib/stats/index.ts';
import type { Grid } from '../catalogue/grid.ts';
import { buildCatalogue } from '../catalogue/model/catalogue.ts';
import { detectHeader } from '../catalogue/model/header.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { type RegisterReport, assertRegisterReadable, loadRegister } from './register.ts';

/** The log exists but its chain does not hold: nothing is appended to it. */
export class LogIntegrityError extends Error {
  readonly verification: LogVerification;
  readonly zh: string;
  constructor(sheet: string, v: LogVerification) {
    const zh = `事件日志「${sheet}」已损坏，未追加新记录：${v.reason?.zh ?? ''}`;
    const en = `the event log "${sheet}" is damaged; nothing was appended: ${v.reason?.en ?? ''}`;
    super(`${zh} / ${en}`);
    this.name = 'LogIntegrityError';
    this.verification = v;
    this.zh = zh;
  }
}

export interface LogEventsOptions extends AppendOptions {
  /** Log sheet name; default `_xxgk_log`. */
  readonly sheet?: string;
  /**
   * The register as just read: the register changes the log has not seen yet (registerChanges)
   * are appended first, ahead of `events`, in the same write.
   */
  readonly register?: readonly Application[];
  /** Operator recorded on those register events. */
  readonly operator?: string;
}

/** The head remembered for `sheet` in the workbook behind `port` (see LOG_HEAD_KEY). */
async function rememberedHead(port: WorkbookPort, sheet: string): Promise<string | undefined> {
  return rememberedHeadIn(await port.readState(), sheet);
}

export interface LogEventsResult {
  /** True when this call created the log sheet. */
  readonly created: boolean;
  /** Register events appended ahead of the caller's (options.register). */
  readonly registerEvents: number;
  /** The rows appended, as stored. */
  readonly rows: string[][];
  /** Hash of the last row now in the log. */
  readonly head: string;
  /** Warnings about the existing log (e.g. it is visible), which did not stop the append. */
  readonly warnings: LogVerification['warnings'];
}

/**
 * Append events to the log, creating the very-hidden sheet the first time. An existing log is
 * verified first; a broken or foreign one throws LogIntegrityError and is left untouched.
 */
export async function logEvents(port: WorkbookPort, events: readonly LogEventInput[], options: LogEventsOptions = {}): Promise<LogEventsResult> {
  const sheet = options.sheet ?? LOG_SHEET;
  const state = await port.ensureLogSheet(sheet, LOG_HEADER);
  const content = await port.readLog(sheet);
  if (!content) throw new Error(`log sheet "${sheet}" was not created`);
  const v = verifyLog(content, { expectedHead: await rememberedHead(port, sheet) });
  if (!v.ok) throw new LogIntegrityError(sheet, v);
  const changes = options.register ? registerChanges(options.register, readLogEvents(content.rows), { operator: options.operator }) : [];
  const rows = appendEvents(content.rows, [...changes, ...events], options);
  if (rows.length > 0) {
    await port.appendLog(sheet, rows);
    await port.writeState(headEntry(sheet, rows[rows.length - 1]));
  }
  return { created: state.created, registerEvents: changes.length, rows, head: rows.length > 0 ? rows[rows.length - 1][rows[0].length - 1] : v.head, warnings: v.warnings };
}

export interface PortLogVerification extends LogVerification {
  /** False when the workbook has no log sheet (then ok is true and rowCount 0). */
  readonly exists: boolean;
}

/** Verify the log sheet of the workbook behind `port`. */
export async function verifyPortLog(port: WorkbookPort, options: { sheet?: string; expectedHead?: string } = {}): Promise<PortLogVerification> {
  const sheet = options.sheet ?? LOG_SHEET;
  // the head remembered in the workbook, unless the caller brings one (e.g. from a printed report)
  options = { ...options, expectedHead: options.expectedHead ?? (await rememberedHead(port, sheet)) };
  const content = await port.readLog(sheet);
  if (!content) {
    if (options.expectedHead !== undefined && options.expectedHead !== GENESIS_HASH) {
      return {
        exists: false,
        ok: false,
        rowCount: 0,
        head: GENESIS_HASH,
        firstBrokenRow: 1,
        code: 'truncated',
        reason: { zh: `事件日志「${sheet}」不存在，但此前记录过日志`, en: `the event log "${sheet}" is missing, but one was recorded before` },
        warnings: [],
      };
    }
    return { exists: false, ok: true, rowCount: 0, head: GENESIS_HASH, warnings: [] };
  }
  const v = verifyLog(content, { expectedHead: options.expectedHead });
  return { exists: true, ...v, warnings: [...v.warnings, ...headWarnings(v, options.expectedHead)] };
}

/**
 * A log with rows but no head remembered in the workbook: its last rows could have been deleted
 * along with the state sheet, and nothing inside the workbook can tell. Said, not failed (logs
 * written before heads were remembered have none until their next append).
 */
function headWarnings(v: LogVerification, expectedHead: string | undefined): LogVerification['warnings'] {
  if (!v.ok || v.rowCount === 0 || expectedHead !== undefined) return [];
  return [
    {
      code: 'log-head-missing',
      zh: `工作簿中没有登记日志末行（应有 _xxgk_state 中的 log.head），无法确认末尾是否有行被删除；请与此前报告中的末行哈希核对：${v.head.slice(0, 16)}…`,
      en: `the workbook does not remember the log's last row (log.head in _xxgk_state), so deleted last rows cannot be ruled out; compare with the head in an earlier report: ${v.head.slice(0, 16)}…`,
    },
  ];
}

export interface WriteStatsInput {
  readonly applications: readonly Application[];
  readonly year: number;
  readonly month?: string;
  /** Catalogue item counts by month 'YYYY-MM'. */
  readonly catalogue?: Readonly<Record<string, CatalogueCounts>>;
  readonly calendar?: Calendar;
  readonly rules?: DeadlineRules;
  /** The register's header labels: 「年度报告表四」 is written when 行政复议/行政诉讼 is among them. */
  readonly columns?: readonly string[];
  /** Log sheet to count forms from; default `_xxgk_log`. */
  readonly logSheet?: string;
  /** Today 'YYYY-MM-DD': the roll-up stops at this month, whose 月末 figures are as of today. */
  readonly today?: string;
}

export interface WriteStatsResult extends StatsReport {
  /** Sheets written, in order. */
  readonly sheets: string[];
  /** The log's verification (null: no log sheet). Statistics are computed either way. */
  readonly log: LogVerification | null;
}

/** Compute the statistics and write them to their sheets; returns the report (json = CLI JSON). */
export async function writeStats(port: WorkbookPort, input: WriteStatsInput): Promise<WriteStatsResult> {
  const logSheet = input.logSheet ?? LOG_SHEET;
  const logContent = await port.readLog(logSheet);
  const expectedHead = await rememberedHead(port, logSheet);
  const verified = logContent ? verifyLog(logContent, { expectedHead }) : null;
  const log = verified ? { ...verified, warnings: [...verified.warnings, ...headWarnings(verified, expectedHead)] } : null;
  const report = buildStats({ ...input, logRows: logContent?.rows ?? [] });
  const sheets: string[] = [];
  const write = async (name: string, s: { rows: (string | number | null)[][]; headerRows: number; columnWidths: number[] }): Promise<void> => {
    await port.writeSheet(name, s.rows, { headerRows: s.headerRows, columnWidths: s.columnWidths });
    sheets.push(name);
  };
  const title = input.month ? `政府信息公开申请月度统计（${input.month}）` : `政府信息公开申请月度统计（${input.year}年）`;
  await write(MONTHLY_SHEET, monthlySheetRows(report.json.monthly, title));
  const t3checks = report.json.checks.filter((c) => !c.name.startsWith('表四'));
  await write(TABLE3_SHEET, table3SheetRows(report.json.table3, t3checks, input.year));
  if (report.json.table4) await write(TABLE4_SHEET, table4SheetRows(report.json.table4, checkTable4(report.json.table4), input.year));
  return { ...report, sheets, log };
}

/**
 * Item counts of a 主动公开事项目录 sheet for the monthly roll-up: every item row (as the catalogue
 * check counts them) is proactive unless the catalogue marks it 依申请公开 only; `onRequest` = the
 * items marked 依申请公开, given when the catalogue can say (a 依申请公开 column, or one 公开方式
 * column holding 主动 / 依申请). A row whose mark is missing or stands in the wrong column is still
 * an item of the catalogue (the catalogue check reports it). Undefined without a catalogue header.
 */
export function catalogueCounts(grid: Grid): CatalogueCounts | undefined {
  const header = detectHeader(grid);
  if (!header) return undefined;
  const cat = buildCatalogue(grid, header);
  if (!cat) return undefined;
  const f = header.byField;
  const hasOnRequest = f.modeOnRequest !== undefined;
  const hasMode = f.mode !== undefined;
  let items = 0;
  let onRequest = 0;
  let onRequestOnly = 0;
  // a 公开方式 column of ticks (seed 000) cannot tell 依申请公开 items apart
  let modeWords = false;
  for (const r of cat.rows) {
    if (r.kind !== 'item' && r.kind !== 'child') continue;
    items++;
    const mode = hasMode ? (r.resolved.mode?.text.trim() ?? '') : '';
    if (mode.includes('主动') || mode.includes('申请')) modeWords = true;
    const asked = hasOnRequest ? !!r.resolved.modeOnRequest?.text.trim() : mode.includes('申请');
    const active = f.modeActive !== undefined ? !!r.resolved.modeActive?.text.trim() : mode.includes('主动');
    if (asked) onRequest++;
    if (asked && !active) onRequestOnly++;
  }
  const proactive = items - onRequestOnly;
  return hasOnRequest || modeWords ? { proactive, onRequest } : { proactive };
}

/** Sheets the statistics write or keep: never taken for a catalogue. */
const OWN_SHEETS = new Set([LOG_SHEET, MONTHLY_SHEET, TABLE3_SHEET, TABLE4_SHEET]);

/** The first sheet whose name says 目录 and that has a catalogue header, with its counts. */
export async function findCatalogueCounts(port: WorkbookPort, exclude: readonly string[] = []): Promise<{ sheet: string; counts: CatalogueCounts } | null> {
  for (const name of await port.listSheets()) {
    if (OWN_SHEETS.has(name) || exclude.includes(name) || name.startsWith('_xxgk') || !name.includes('目录')) continue;
    const counts = catalogueCounts(await port.readSheet(name));
    if (counts) return { sheet: name, counts };
  }
  return null;
}

/** State key of the catalogue counts seen in a month: the roll-up shows them for that month. */
export const CATALOGUE_COUNTS_KEY = (month: string): string => `stats.catalogue:${month}`;
const COUNTS_KEY_RE = /^stats\.catalogue:(\d{4}-(?:0[1-9]|1[0-2]))$/;

/**
 * Catalogue counts by month: those remembered in the workbook from earlier roll-ups, and
 * today's (remembered for next time). A catalogue is a snapshot; this is how each month keeps
 * the count it had when the statistics were run in it.
 */
async function catalogueHistory(port: WorkbookPort, today: CatalogueCounts | undefined, day: string | undefined): Promise<Record<string, CatalogueCounts> | undefined> {
  const out: Record<string, CatalogueCounts> = {};
  for (const [k, v] of Object.entries(await port.readState())) {
    const m = COUNTS_KEY_RE.exec(k);
    if (!m) continue;
    try {
      const c = JSON.parse(v) as Partial<CatalogueCounts>;
      if (Number.isInteger(c.proactive)) out[m[1]] = Number.isInteger(c.onRequest) ? { proactive: c.proactive!, onRequest: c.onRequest! } : { proactive: c.proactive! };
    } catch {
      // an entry edited by hand into something unreadable is left out, not fatal
    }
  }
  if (today && day) {
    const month = day.slice(0, 7);
    out[month] = today;
    await port.writeState({ [CATALOGUE_COUNTS_KEY(month)]: JSON.stringify(today) });
  }
  return Object.keys(out).length ? out : undefined;
}

export interface RollUpInput {
  readonly year: number;
  readonly month?: string;
  /** Today 'YYYY-MM-DD' (hosts: the date in China): months after it are not reported. */
  readonly today?: string;
  /** Register sheet; default 申请登记. */
  readonly sheet?: string;
  readonly rules?: DeadlineRules;
  readonly calendar?: Calendar;
  /**
   * The catalogue to count items from: a grid (e.g. another file in the CLI), or null for none.
   * Default: a sheet of the same workbook whose name says 目录 (findCatalogueCounts).
   */
  readonly catalogue?: Grid | null;
  /**
   * Also bring the log up to date with the register first (registerChanges), for hosts that
   * keep the workbook (the task pane, the ribbon). A damaged log is not extended: the roll-up
   * still runs and reports it in `log`.
   */
  readonly logRegister?: { readonly operator?: string };
}

export interface RollUpResult extends WriteStatsResult {
  readonly register: RegisterReport;
  /** Where the catalogue counts came from (null: no catalogue found or given). */
  readonly catalogue: { readonly sheet: string; readonly counts: CatalogueCounts } | null;
}

/**
 * The statistics use-case every host calls (CLI `xxgk stats`, the 统计 tab, the ribbon 月度统计):
 * read the register, count the catalogue, verify the log, compute the roll-up and 表三/表四 and
 * write their sheets. Catalogue counts are today's and go into today's month. A register without
 * its header or a required column throws RegisterUnreadableError before anything is written.
 */
export async function rollUpStats(port: WorkbookPort, input: RollUpInput): Promise<RollUpResult> {
  const register = await loadRegister(port, input.sheet, { rules: input.rules, calendar: input.calendar });
  // no header or a required column missing: no records, and tables of zeros whose checks all
  // hold would look like a year without applications; nothing is written
  assertRegisterReadable(register);
  if (input.logRegister) {
    try {
      await logEvents(port, [], { register: register.records, operator: input.logRegister.operator });
    } catch (e) {
      // reported through writeStats' own verification below
      if (!(e instanceof LogIntegrityError)) throw e;
    }
  }
  let catalogue: RollUpResult['catalogue'] = null;
  if (input.catalogue) {
    const counts = catalogueCounts(input.catalogue);
    if (counts) catalogue = { sheet: input.catalogue.sheet, counts };
  } else if (input.catalogue === undefined) {
    catalogue = await findCatalogueCounts(port, [register.sheet]);
  }
  const byMonth = await catalogueHistory(port, catalogue?.counts, input.today);
  const res = await writeStats(port, {
    applications: register.records,
    year: input.year,
    month: input.month,
    today: input.today,
    rules: input.rules,
    calendar: input.calendar,
    columns: register.header?.columns.map((c) => c.label) ?? [],
    catalogue: byMonth,
  });
  return { ...res, register, catalogue };
}
