/**
 * The monthly roll-up (「月度统计」, seed 第二十二条: 每月一次统计、汇总): per calendar month, what came in,
 * what was closed and how, what was still open, late or extended at the month's end, how long
 * replies took, which forms were issued (from the event log) and the catalogue's item counts.
 *
 * Definitions (all dates are register dates, China time):
 * - received: 收到日期 in the month, by 申请方式 and 申请人类型.
 * - closed: 办理结果 and 答复日期 both filled, 答复日期 in the month; by 表三 group (一)–(六).
 * - openAtMonthEnd: received on or before the last day and not closed by it.
 * - overdueAtMonthEnd: of those, the reply due date (replyDeadline: 第三十条 restart from 补正收到日期,
 *   延期, 征求意见 pause) is before the last day of the month.
 * - closedLate: closed in the month after the due date.
 * - extended: applications with 延期 whose original (unextended) due date falls in the month,
 *   i.e. the month in which the extension took effect (applications closed before the first
 *   month of the roll-up are not looked at).
 * - avg/maxWorkingDaysToReply: over the applications closed in the month, working days from
 *   收到日期 (not counted) to 答复日期 (counted), as workingDaysBetween.
 * - formsIssued: log events of type form-generated in the month, by 文书类型.
 */
import type { Calendar, Channel, DeadlineRules } from '../calendar/index.ts';
import { CHANNELS, STATUTORY_RULES, defaultCalendar } from '../calendar/index.ts';
import { dayNumberFromParts, daysInMonth } from '../calendar/isoDate.ts';
import type { ApplicantType, Application } from '../register/types.ts';
import { APPLICANT_TYPES } from '../register/types.ts';
import type { LogEvent } from './log.ts';
import { eventMonth } from './log.ts';
import type { Prepared, StatsWarning } from './prepare.ts';
import { dayOf, dueInto, monthKey, monthNumber, monthOfDay, prepare } from './prepare.ts';
import { WorkdayIndex } from './workdays.ts';

/** Short names of the six 表三 result groups, in table order. */
export const OUTCOME_GROUPS = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];
/** Leaf index (OUTCOMES order) → group index. */
const LEAF_GROUP = [0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5];

export interface CatalogueCounts {
  /** Items of the 主动公开事项目录. */
  readonly proactive: number;
  /** Items marked 依申请公开, where the catalogue has that column. */
  readonly onRequest?: number;
}

export interface MonthRow {
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly received: number;
  readonly receivedByChannel: Readonly<Record<Channel, number>>;
  readonly receivedByApplicantType: Readonly<Record<ApplicantType, number>>;
  readonly closed: number;
  readonly closedByOutcome: Readonly<Record<OutcomeGroup, number>>;
  readonly openAtMonthEnd: number;
  readonly overdueAtMonthEnd: number;
  readonly closedLate: number;
  readonly extended: number;
  /** Rounded to one decimal; null when nothing was closed. */
  readonly avgWorkingDaysToReply: number | null;
  readonly maxWorkingDaysToReply: number | null;
  readonly formsIssued: Readonly<Record<string, number>>;
  /** Present for months the caller gave catalogue counts for. */
  readonly catalogue?: CatalogueCounts;
  /**
   * For the month still running (input.asOf falls in it): the day its 月末 figures are taken
   * on instead of the month's last day, so nothing is projected (an application due after today
   * is not yet overdue).
   */
  readonly asOf?: string;
}

export interface MonthlyInput {
  readonly applications: readonly Application[];
  /** First and last month, 'YYYY-MM', inclusive. */
  readonly from: string;
  readonly to: string;
  /** Log events (readLogEvents); only form-generated ones are counted. */
  readonly events?: readonly LogEvent[];
  /** Or the log's data rows as stored (LogContent.rows): the same count without event objects. */
  readonly logRows?: readonly (readonly string[])[];
  /** Catalogue item counts by month 'YYYY-MM'. */
  readonly catalogue?: Readonly<Record<string, CatalogueCounts>>;
  readonly calendar?: Calendar;
  readonly rules?: DeadlineRules;
  /** Today, 'YYYY-MM-DD': the roll-up stops at its month, whose 月末 figures are as of this day. */
  readonly asOf?: string;
}

export interface MonthlyResult {
  readonly months: MonthRow[];
  readonly warnings: StatsWarning[];
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export class StatsInputError extends Error {
  readonly field: string;
  readonly zh: string;
  constructor(field: string, zh: string, en: string) {
    super(`${en} (${field})`);
    this.name = 'StatsInputError';
    this.field = field;
    this.zh = zh;
  }
}

export function checkMonth(value: string, field: string): number {
  if (!MONTH_RE.test(value)) throw new StatsInputError(field, `月份「${value}」应写作 YYYY-MM`, `month ${JSON.stringify(value)} should be written YYYY-MM`);
  return monthNumber(value);
}

interface Acc {
  received: number;
  byChannel: number[];
  byType: number[];
  closed: number;
  byGroup: number[];
  openDelta: number;
  overdueDelta: number;
  closedLate: number;
  extended: number;
  daysSum: number;
  daysMax: number;
}

const newAcc = (): Acc => ({
  received: 0,
  byChannel: new Array<number>(CHANNELS.length).fill(0),
  byType: new Array<number>(APPLICANT_TYPES.length).fill(0),
  closed: 0,
  byGroup: new Array<number>(OUTCOME_GROUPS.length).fill(0),
  openDelta: 0,
  overdueDelta: 0,
  closedLate: 0,
  extended: 0,
  daysSum: 0,
  daysMax: -Infinity,
});

/** The roll-up for prepared applications (shared with buildStats, which prepares once). */
export function monthlyFromPrepared(
  prepared: Prepared,
  input: Omit<MonthlyInput, 'applications'>,
  index: WorkdayIndex = new WorkdayIndex(input.calendar ?? defaultCalendar),
): MonthRow[] {
  const m0 = checkMonth(input.from, 'from');
  let m1 = checkMonth(input.to, 'to');
  if (m1 < m0) throw new StatsInputError('to', `结束月份 ${input.to} 早于开始月份 ${input.from}`, `last month ${input.to} is before first month ${input.from}`);
  let asOf = Infinity;
  if (input.asOf !== undefined) {
    const d = dayOf(input.asOf);
    if (d === undefined) throw new StatsInputError('asOf', `日期「${input.asOf}」应写作 YYYY-MM-DD`, `date ${JSON.stringify(input.asOf)} should be written YYYY-MM-DD`);
    asOf = d;
    // months that have not begun are not reported
    m1 = Math.min(m1, monthOfDay(d));
    if (m1 < m0) return [];
  }
  const rules = input.rules ?? STATUTORY_RULES;
  const n = m1 - m0 + 1;
  const acc: Acc[] = Array.from({ length: n }, newAcc);
  /** Last day of each month (day number). */
  const ends: number[] = [];
  for (let m = m0; m <= m1; m++) {
    const y = Math.floor(m / 12);
    const mo = (m % 12) + 1;
    ends.push(dayNumberFromParts(y, mo, daysInMonth(y, mo)));
  }
  const lastEnd = ends[n - 1];
  const firstStart = dayNumberFromParts(Math.floor(m0 / 12), (m0 % 12) + 1, 1);
  // Open / overdue at month end as difference arrays over month slots: +1 at the first month
  // the state holds at its end, -1 at the first month it no longer does.
  const mark = (field: 'openDelta' | 'overdueDelta', fromMonth: number, toMonthExcl: number): void => {
    const a = Math.max(fromMonth, m0);
    const b = Math.min(toMonthExcl, m1 + 1);
    if (a >= b) return;
    acc[a - m0][field]++;
    if (b - m0 < n) acc[b - m0][field]--;
  };

  const due = { due: 0, dueWithoutExtension: 0 };
  const { received, closed, col, channel, leaf, extensionDays } = prepared;
  for (let i = 0; i < prepared.length; i++) {
    const r = received[i];
    const c = closed[i];
    // nothing to count: received after the window, or closed before it began
    if (r > lastEnd || c < firstStart) continue;
    const mr = monthOfDay(r);
    if (mr >= m0 && mr <= m1) {
      const a = acc[mr - m0];
      a.received++;
      const ch = channel[i];
      if (ch < CHANNELS.length) a.byChannel[ch]++;
      a.byType[col[i]]++;
    }
    const closedMonth = c === Infinity ? Infinity : monthOfDay(c);
    // open at the end of months mr … (month of closing) - 1; a reply on the last day closes that month
    if (c >= r) mark('openDelta', mr, closedMonth);
    dueInto(prepared, i, index, rules, due);
    if (c > due.due && due.due < asOf) {
      // overdue at a month end E when due < E and E < closed (E = asOf for the running month)
      mark('overdueDelta', monthOfDay(Math.max(due.due + 1, r)), closedMonth);
    }
    if (closedMonth >= m0 && closedMonth <= m1) {
      const a = acc[closedMonth - m0];
      a.closed++;
      a.byGroup[LEAF_GROUP[leaf[i]]]++;
      if (c > due.due) a.closedLate++;
      const days = index.between(r, c);
      a.daysSum += days;
      if (days > a.daysMax) a.daysMax = days;
    }
    if (extensionDays[i] > 0 && due.dueWithoutExtension !== Infinity) {
      const me = monthOfDay(due.dueWithoutExtension);
      if (me >= m0 && me <= m1) acc[me - m0].extended++;
    }
  }

  /** Per form name, counts by month slot. */
  const forms = new Map<string, Int32Array>();
  const countForm = (type: string, time: string, form: string): void => {
    if (type !== 'form-generated') return;
    const m = eventMonthNumber(time);
    if (m < m0 || m > m1) return;
    const name = form || '（未注明）';
    let f = forms.get(name);
    if (f === undefined) {
      f = new Int32Array(n);
      forms.set(name, f);
    }
    f[m - m0]++;
  };
  for (const e of input.events ?? []) countForm(e.type, e.time, e.form);
  // log rows as stored (LOG_COLUMNS order: time 2, type 3, form 5), without making event objects
  for (const r of input.logRows ?? []) countForm(r[3] ?? '', r[2] ?? '', r[5] ?? '');
  const formTotals = new Map<string, number>([...forms].map(([k, v]) => [k, v.reduce((x, y) => x + y, 0)]));
  const formNames = [...formTotals.keys()].sort((a, b) => (formTotals.get(b) ?? 0) - (formTotals.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));

  const out: MonthRow[] = [];
  let open = 0;
  let overdue = 0;
  for (let i = 0; i < n; i++) {
    const a = acc[i];
    open += a.openDelta;
    overdue += a.overdueDelta;
    const key = monthKey(m0 + i);
    const formsIssued: Record<string, number> = {};
    for (const name of formNames) formsIssued[name] = forms.get(name)?.[i] ?? 0;
    const row: MonthRow = {
      month: key,
      received: a.received,
      receivedByChannel: Object.fromEntries(CHANNELS.map((c, k) => [c, a.byChannel[k]])) as Record<Channel, number>,
      receivedByApplicantType: Object.fromEntries(APPLICANT_TYPES.map((t, k) => [t, a.byType[k]])) as Record<ApplicantType, number>,
      closed: a.closed,
      closedByOutcome: Object.fromEntries(OUTCOME_GROUPS.map((g, k) => [g, a.byGroup[k]])) as Record<OutcomeGroup, number>,
      openAtMonthEnd: open,
      overdueAtMonthEnd: overdue,
      closedLate: a.closedLate,
      extended: a.extended,
      avgWorkingDaysToReply: a.closed > 0 ? Math.round((a.daysSum / a.closed) * 10) / 10 : null,
      maxWorkingDaysToReply: a.closed > 0 ? a.daysMax : null,
      formsIssued,
      ...(input.catalogue?.[key] ? { catalogue: { ...input.catalogue[key] } } : {}),
      ...(input.asOf !== undefined && m0 + i === monthOfDay(asOf) ? { asOf: input.asOf } : {}),
    };
    out.push(row);
  }
  return out;
}

/** Running month number of an event time in China time; -1 when it cannot be read. */
function eventMonthNumber(time: string): number {
  if (time.length >= 19 && time.endsWith('+08:00')) {
    let y = 0;
    for (let i = 0; i < 4; i++) y = y * 10 + time.charCodeAt(i) - 48;
    const mo = (time.charCodeAt(5) - 48) * 10 + time.charCodeAt(6) - 48;
    return y >= 0 && mo >= 1 && mo <= 12 && time.charCodeAt(4) === 45 ? y * 12 + mo - 1 : -1;
  }
  const key = eventMonth(time);
  return key === '' ? -1 : monthNumber(key);
}

/** The monthly roll-up from `from` to `to` (inclusive). */
export function monthlyRollup(input: MonthlyInput): MonthlyResult {
  const warnings: StatsWarning[] = [];
  const prepared = prepare(input.applications, warnings);
  return { months: monthlyFromPrepared(prepared, input), warnings };
}
