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
  readLogEvents,
  registerChanges,
  checkTable4,
  monthlySheetRows,
  table3SheetRows,
  table4SheetRows,
  verifyLog,
} from '../../forms-lib/stats/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';

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
  const v = verifyLog(content);
  if (!v.ok) throw new LogIntegrityError(sheet, v);
  const changes = options.register ? registerChanges(options.register, readLogEvents(content.rows), { operator: options.operator }) : [];
  const rows = appendEvents(content.rows, [...changes, ...events], options);
  if (rows.length > 0) await port.appendLog(sheet, rows);
  return { created: state.created, registerEvents: changes.length, rows, head: rows.length > 0 ? rows[rows.length - 1][rows[0].length - 1] : v.head, warnings: v.warnings };
}

export interface PortLogVerification extends LogVerification {
  /** False when the workbook has no log sheet (then ok is true and rowCount 0). */
  readonly exists: boolean;
}

/** Verify the log sheet of the workbook behind `port`. */
export async function verifyPortLog(port: WorkbookPort, options: { sheet?: string; expectedHead?: string } = {}): Promise<PortLogVerification> {
  const sheet = options.sheet ?? LOG_SHEET;
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
  return { exists: true, ...verifyLog(content, { expectedHead: options.expectedHead }) };
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
}

export interface WriteStatsResult extends StatsReport {
  /** Sheets written, in order. */
  readonly sheets: string[];
  /** The log's verification (null: no log sheet). Statistics are computed either way. */
  readonly log: LogVerification | null;
}

/** Compute the statistics and write them to their sheets; returns the report (json = CLI JSON). */
export async function writeStats(port: WorkbookPort, input: WriteStatsInput): Promise<WriteStatsResult> {
  const logContent = await port.readLog(input.logSheet ?? LOG_SHEET);
  const log = logContent ? verifyLog(logContent) : null;
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
