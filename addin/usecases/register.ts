/**
 * Use-case: load the application register (申请登记) through a WorkbookPort, check it and derive
 * each application's state and due dates. Hosts (task pane, workbench, CLI) only present the
 * result; `today` is theirs to supply (the CLI uses the date in Asia/Shanghai).
 */
import type { Calendar, DeadlineRules, IsoDate } from '../../forms-lib/calendar/index.ts';
import {
  type Application,
  type ApplicationStatus,
  type RegisterIssue,
  type RegisterRead,
  type RejectedRow,
  REGISTER_SHEET,
  deriveStatus,
  readRegister,
} from '../../forms-lib/register/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';

export interface LoadRegisterOptions {
  /** The day states are judged on; without it no statuses are derived. */
  readonly today?: IsoDate;
  readonly rules?: DeadlineRules;
  readonly calendar?: Calendar;
  readonly dueSoonDays?: number;
}

export interface RegisterReport {
  readonly sheet: string;
  readonly header: RegisterRead['header'];
  readonly records: Application[];
  readonly issues: RegisterIssue[];
  /** Rows with data left out of `records` because of errors. */
  readonly rejectedRows: number[];
  /** The same rows with their 登记编号 when readable. */
  readonly rejected: RejectedRow[];
  /** One per record, same order, when `today` was given. */
  readonly statuses: ApplicationStatus[];
  readonly stats: { readonly records: number; readonly errors: number; readonly warnings: number; readonly byState: Readonly<Record<string, number>> };
}

export async function loadRegister(port: WorkbookPort, sheet: string = REGISTER_SHEET, options: LoadRegisterOptions = {}): Promise<RegisterReport> {
  const grid = await port.readSheet(sheet);
  const read = readRegister(grid, options.rules ? { rules: options.rules } : {});
  const today = options.today;
  const statuses = today === undefined
    ? []
    : read.records.map((app) => deriveStatus(app, { today, rules: options.rules, calendar: options.calendar, dueSoonDays: options.dueSoonDays }));
  const byState: Record<string, number> = {};
  for (const s of statuses) byState[s.state] = (byState[s.state] ?? 0) + 1;
  return {
    sheet: read.sheet,
    header: read.header,
    records: read.records,
    issues: read.issues,
    rejectedRows: read.rejectedRows,
    rejected: read.rejected,
    statuses,
    stats: {
      records: read.records.length,
      errors: read.issues.filter((i) => i.severity === 'error').length,
      warnings: read.issues.filter((i) => i.severity === 'warning').length,
      byState,
    },
  };
}

/**
 * The register could not be read at all: no header row, or a required column is missing. Every
 * use-case that needs the records (forms, statistics, the log) stops on it rather than working
 * from an empty register (which would print all-zero tables whose checks all hold).
 */
export class RegisterUnreadableError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly issues: readonly RegisterIssue[],
  ) {
    super(`${zh} / ${en}`);
    this.name = 'RegisterUnreadableError';
  }
}

/** Header errors that leave no record readable ('header-not-found', 'column-missing'). */
export function unreadableIssues(reg: Pick<RegisterReport, 'issues'>): RegisterIssue[] {
  return reg.issues.filter((i) => i.severity === 'error' && (i.code === 'header-not-found' || i.code === 'column-missing'));
}

/** Throws RegisterUnreadableError when the register has no header or lacks a required column. */
export function assertRegisterReadable(reg: RegisterReport): void {
  const fatal = unreadableIssues(reg);
  if (!fatal.length) return;
  throw new RegisterUnreadableError(
    `无法读取登记表「${reg.sheet}」：${fatal.map((i) => i.zh.replace(/。$/, '')).join('；')}。请更正表头后重试`,
    `cannot read the register sheet "${reg.sheet}": ${fatal.map((i) => i.en.charAt(0).toLowerCase() + i.en.slice(1).replace(/\.$/, '')).join('; ')}. Correct the header and try again`,
    fatal,
  );
}
