/**
 * Statistics (issue 4): the hash-chained event log, the monthly roll-up and the annual report
 * tables 表三/表四 of 国办公开办函〔2021〕30号. Pure core: data in, data out.
 */
import type { Calendar, DeadlineRules } from '../calendar/index.ts';
import { defaultCalendar } from '../calendar/index.ts';
import type { Application } from '../register/types.ts';
import type { Check, Table3, Table4 } from './annual.ts';
import { checkTable3, checkTable4, table3FromPrepared, table4FromPrepared } from './annual.ts';
import type { LogEvent } from './log.ts';
import type { CatalogueCounts, MonthRow } from './monthly.ts';
import { StatsInputError, checkMonth, monthlyFromPrepared } from './monthly.ts';
import type { StatsWarning } from './prepare.ts';
import { prepare } from './prepare.ts';
import { WorkdayIndex } from './workdays.ts';

export * from './log.ts';
export * from './annual.ts';
export * from './monthly.ts';
export * from './render.ts';
export * from './registerEvents.ts';
export type { StatsWarning } from './prepare.ts';
export { WorkdayIndex, dueDays } from './workdays.ts';

export interface StatsInput {
  readonly applications: readonly Application[];
  /** The report year (表三/表四, and the months of the roll-up unless `month` is given). */
  readonly year: number;
  /** One month 'YYYY-MM' for the roll-up instead of the year's twelve. */
  readonly month?: string;
  readonly events?: readonly LogEvent[];
  /** The log's data rows as stored, instead of `events` (faster for a large log). */
  readonly logRows?: readonly (readonly string[])[];
  readonly catalogue?: Readonly<Record<string, CatalogueCounts>>;
  /** The register's header labels (RegisterRead.header): 表四 is made when 行政复议/行政诉讼 is one. */
  readonly columns?: readonly string[];
  readonly calendar?: Calendar;
  readonly rules?: DeadlineRules;
  /**
   * Today, 'YYYY-MM-DD': the monthly roll-up stops at this month, and the running month's 月末
   * figures are as of today (MonthRow.asOf). Without it every month of the range is computed
   * as if it had ended.
   */
  readonly today?: string;
}

/** The CLI's --format json contract (issue 4). table4 only when the register has the columns. */
export interface StatsJson {
  monthly: MonthRow[];
  table3: Table3;
  checks: Check[];
  table4?: Table4;
}

export interface StatsReport {
  readonly year: number;
  readonly json: StatsJson;
  /** Last year's 表三 from the same register (for the carry-over check and comparison). */
  readonly previousTable3: Table3;
  /** Register rows that could not be counted as written (by row). */
  readonly warnings: StatsWarning[];
}

/** Monthly roll-up, 表三 (+ 表四) for `year`, and every 勾稽 check, from one pass of preparation. */
export function buildStats(input: StatsInput): StatsReport {
  const { year } = input;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new StatsInputError('year', `年度「${year}」应为四位数年份`, `year ${JSON.stringify(year)} should be a four-digit year`);
  }
  let from = `${year}-01`;
  let to = `${year}-12`;
  if (input.month !== undefined) {
    checkMonth(input.month, 'month');
    from = input.month;
    to = input.month;
  }
  const warnings: StatsWarning[] = [];
  const prepared = prepare(input.applications, warnings);
  const index = new WorkdayIndex(input.calendar ?? defaultCalendar);
  const monthly = monthlyFromPrepared(prepared, { from, to, events: input.events, logRows: input.logRows, catalogue: input.catalogue, calendar: input.calendar, rules: input.rules, asOf: input.today }, index);
  const table3 = table3FromPrepared(prepared, year);
  const previousTable3 = table3FromPrepared(prepared, year - 1);
  const checks = checkTable3(table3, previousTable3);
  const table4 = table4FromPrepared(prepared, year, warnings, input.columns);
  const json: StatsJson = { monthly, table3, checks: table4 ? [...checks, ...checkTable4(table4)] : checks };
  if (table4) json.table4 = table4;
  return { year, json, previousTable3, warnings };
}
