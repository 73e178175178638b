import { type Calendar, defaultCalendar } from './createCalendar.ts';
import { type IsoDate, toDayNumber } from './isoDate.ts';

export interface WorkingDayCount {
  readonly days: number;
  /** True if any day in the counted range was provisional. */
  readonly provisional: boolean;
}

/**
 * Working days d with from < d ≤ to: the start day is excluded (it is the receipt day, never
 * counted) and the end day included. If to < from the result is the negative of
 * workingDaysBetween(to, from). For n ≥ 0, workingDaysBetween(a, addWorkingDays(a, n).date) = n.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: Calendar = defaultCalendar): WorkingDayCount {
  const a = toDayNumber(from, 'from');
  const b = toDayNumber(to, 'to');
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let days = 0;
  let provisional = false;
  for (let dn = lo + 1; dn <= hi; dn++) {
    const s = cal.statusAt(dn);
    provisional ||= s.provisional;
    if (s.working) days++;
  }
  return { days: days === 0 ? 0 : sign * days, provisional };
}
