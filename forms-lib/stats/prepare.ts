/**
 * Applications as day numbers and column indexes, computed once for every roll-up, with the
 * data problems that would make a count wrong reported by register row.
 */
import type { DeadlineRules } from '../calendar/index.ts';
import { STATUTORY_RULES } from '../calendar/index.ts';
import { type DayNumber, dayNumberFromParts, isIsoDate, partsFromDayNumber } from '../calendar/isoDate.ts';
import type { Application, OutcomeId } from '../register/types.ts';
import { APPLICANT_TYPES, OUTCOMES } from '../register/types.ts';
import type { Message } from './log.ts';
import type { WorkdayIndex } from './workdays.ts';
import { dueDays } from './workdays.ts';

export interface StatsWarning extends Message {
  readonly code: 'closed-without-date' | 'date-without-outcome' | 'closed-before-received' | 'bad-date' | 'unknown-review-value';
  /** 1-based register row. */
  readonly row: number;
  /** 登记编号. */
  readonly id: string;
  /** Register column the warning is about. */
  readonly column: string;
}

export interface Prepared {
  readonly app: Application;
  readonly received: DayNumber;
  /** Day of the reply when the application is closed (outcome and 答复日期 both present), else Infinity. */
  readonly closed: DayNumber;
  /** 0–5: index in APPLICANT_TYPES. */
  readonly col: number;
  /** 0–20: index in OUTCOMES, -1 while open. */
  readonly leaf: number;
  readonly extensionDays: number;
  readonly supplementReceived?: DayNumber;
  readonly pauseFrom?: DayNumber;
  readonly pauseTo?: DayNumber;
}

const OUTCOME_INDEX = new Map<OutcomeId, number>(OUTCOMES.map((o, i) => [o.id, i]));
const TYPE_INDEX = new Map<string, number>(APPLICANT_TYPES.map((t, i) => [t, i]));

/** 'YYYY-MM-DD' to a day number, or undefined when it is not such a date. */
export function dayOf(iso: string | undefined): DayNumber | undefined {
  if (iso === undefined || iso === '') return undefined;
  if (iso.length !== 10 || !isIsoDate(iso)) return undefined;
  return dayNumberFromParts(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));
}

/** Month key 'YYYY-MM' → 0-based running month number (year * 12 + month - 1). */
export function monthNumber(key: string): number {
  return +key.slice(0, 4) * 12 + (+key.slice(5, 7) - 1);
}

export function monthKey(n: number): string {
  const y = Math.floor(n / 12);
  return `${String(y).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function monthOfDay(dn: DayNumber): number {
  const p = partsFromDayNumber(dn);
  return p.year * 12 + p.month - 1;
}

export function prepare(apps: readonly Application[], warnings: StatsWarning[]): Prepared[] {
  const out: Prepared[] = [];
  for (const app of apps) {
    const warn = (code: StatsWarning['code'], column: string, zh: string, en: string): void => {
      warnings.push({ code, row: app.row, id: app.id, column, zh: `第 ${app.row} 行（${app.id}）${zh}`, en: `row ${app.row} (${app.id}): ${en}` });
    };
    const received = dayOf(app.receivedOn);
    if (received === undefined) {
      warn('bad-date', '收到日期', `收到日期「${app.receivedOn}」不是有效日期，未计入统计`, `收到日期 ${JSON.stringify(app.receivedOn)} is not a valid date; left out of the statistics`);
      continue;
    }
    let closed = Infinity;
    let leaf = -1;
    const replied = dayOf(app.repliedOn);
    if (app.repliedOn && replied === undefined) {
      warn('bad-date', '答复日期', `答复日期「${app.repliedOn}」不是有效日期，按未办结统计`, `答复日期 ${JSON.stringify(app.repliedOn)} is not a valid date; counted as open`);
    }
    if (app.outcome !== undefined && replied !== undefined) {
      leaf = OUTCOME_INDEX.get(app.outcome) ?? -1;
      closed = leaf >= 0 ? replied : Infinity;
      if (replied < received) {
        warn('closed-before-received', '答复日期', `答复日期 ${app.repliedOn} 早于收到日期 ${app.receivedOn}`, `答复日期 ${app.repliedOn} is before 收到日期 ${app.receivedOn}`);
      }
    } else if (app.outcome !== undefined) {
      warn('closed-without-date', '答复日期', '已填办理结果但答复日期为空，按未办结统计', '办理结果 is filled but 答复日期 is empty; counted as open');
    } else if (replied !== undefined) {
      warn('date-without-outcome', '办理结果', '已填答复日期但办理结果为空，按未办结统计', '答复日期 is filled but 办理结果 is empty; counted as open');
    }
    const pauseFrom = dayOf(app.consultFrom);
    out.push({
      app,
      received,
      closed,
      col: TYPE_INDEX.get(app.applicantType) ?? APPLICANT_TYPES.length - 1,
      leaf,
      extensionDays: app.extensionDays > 0 ? app.extensionDays : 0,
      supplementReceived: dayOf(app.supplementReceivedOn),
      pauseFrom,
      pauseTo: pauseFrom === undefined ? undefined : dayOf(app.consultTo),
    });
  }
  return out;
}

/** Reply due dates of one prepared application (an open consultation runs to its 15-day limit). */
export function dueOf(p: Prepared, index: WorkdayIndex, rules: DeadlineRules = STATUTORY_RULES): { due: DayNumber; dueWithoutExtension: DayNumber } {
  const extensionDays = Math.min(p.extensionDays, rules.maxExtensionDays);
  let pauseTo = p.pauseTo;
  if (p.pauseFrom !== undefined && pauseTo === undefined) pauseTo = index.nth(p.pauseFrom, rules.consultationDays);
  const supplementReceived = p.supplementReceived !== undefined && p.supplementReceived >= p.received ? p.supplementReceived : undefined;
  return dueDays(index, { received: p.received, supplementReceived, extensionDays, pauseFrom: p.pauseFrom, pauseTo }, rules);
}
