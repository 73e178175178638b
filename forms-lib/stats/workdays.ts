/**
 * Working-day arithmetic for roll-ups over many applications: the Calendar is asked once per
 * day of the period (not once per day per application), then counts are O(1) lookups in a
 * cumulative table. Results equal forms-lib/calendar's workingDaysBetween and replyDeadline
 * (the tests compare them on random inputs).
 */
import type { Calendar, DeadlineRules } from '../calendar/index.ts';
import { STATUTORY_RULES, defaultCalendar } from '../calendar/index.ts';
import type { DayNumber } from '../calendar/isoDate.ts';

export class WorkdayIndex {
  private readonly cal: Calendar;
  /** First day number covered. */
  private lo = 0;
  /** cum[i] = working days in [lo, lo + i]. */
  private cum = new Int32Array(0);
  /** Working days (day numbers) in [lo, lo + cum.length), ascending. */
  private days: number[] = [];
  /** True once any covered day was provisional. */
  provisional = false;

  constructor(calendar: Calendar = defaultCalendar, from?: DayNumber, to?: DayNumber) {
    this.cal = calendar;
    if (from !== undefined && to !== undefined) this.build(from, to);
  }

  private build(from: DayNumber, to: DayNumber): void {
    const n = to - from + 1;
    const cum = new Int32Array(n);
    const days: number[] = [];
    let c = 0;
    for (let i = 0; i < n; i++) {
      const s = this.cal.statusAt(from + i);
      if (s.provisional) this.provisional = true;
      if (s.working) {
        c++;
        days.push(from + i);
      }
      cum[i] = c;
    }
    this.lo = from;
    this.cum = cum;
    this.days = days;
  }

  private cover(from: DayNumber, to: DayNumber): void {
    const hi = this.lo + this.cum.length - 1;
    if (this.cum.length > 0 && from >= this.lo && to <= hi) return;
    const a = this.cum.length === 0 ? from - 31 : Math.min(from, this.lo) - 31;
    const b = this.cum.length === 0 ? to + 366 : Math.max(to, hi) + 366;
    this.build(a, b);
  }

  /** Working days d with from < d ≤ to (negative when to < from), like workingDaysBetween. */
  between(from: DayNumber, to: DayNumber): number {
    if (from === to) return 0;
    if (to < from) return -this.between(to, from) || 0;
    const a = from - this.lo;
    const b = to - this.lo;
    if (a >= 0 && b < this.cum.length) return this.cum[b] - this.cum[a];
    this.cover(from, to);
    return this.cum[to - this.lo] - this.cum[from - this.lo];
  }

  /** The n-th working day after `start` (n ≥ 1), like addWorkingDays. */
  nth(start: DayNumber, n: number): DayNumber {
    const i = start - this.lo;
    if (i >= 0 && i < this.cum.length) {
      const k = this.cum[i] + n - 1;
      if (k < this.days.length) return this.days[k];
    }
    this.cover(start, start + 2 * n + 60);
    for (;;) {
      const k = this.cum[start - this.lo] + n - 1;
      if (k < this.days.length) return this.days[k];
      this.cover(start, this.lo + this.cum.length - 1 + 366);
    }
  }
}

export interface DueInput {
  readonly received: DayNumber;
  readonly supplementReceived?: DayNumber;
  readonly extensionDays: number;
  /** Consultation pause, both ends included. */
  readonly pauseFrom?: DayNumber;
  readonly pauseTo?: DayNumber;
}

export interface DueDays {
  readonly due: DayNumber;
  readonly dueWithoutExtension: DayNumber;
}

/**
 * replyDeadline (第三十条 restart, 第三十三条 extension, one pause) on an index: the reply is due
 * on the (replyDays + extension)-th working day after the clock start, moved later by the
 * pause's working days after the clock start when the pause begins on or before that day.
 */
export function dueDays(index: WorkdayIndex, input: DueInput, rules: DeadlineRules = STATUTORY_RULES): DueDays {
  const start = input.supplementReceived ?? input.received;
  let k = 0;
  const pf = input.pauseFrom;
  const pt = input.pauseTo;
  if (pf !== undefined && pt !== undefined && pt > start && pt >= pf) k = index.between(Math.max(pf - 1, start), pt);
  return { due: dueAt(index, start, rules.replyDays + input.extensionDays, k, pf), dueWithoutExtension: dueAt(index, start, rules.replyDays, k, pf) };
}

/** The target-th working day after start, moved k working days later when a pause starting at pf (NaN/undefined: none) begins by then. */
export function dueAt(index: WorkdayIndex, start: DayNumber, target: number, k: number, pf: DayNumber | undefined): DayNumber {
  const d = index.nth(start, target);
  return k > 0 && pf !== undefined && pf <= d ? index.nth(start, target + k) : d;
}
