import { type Calendar, defaultCalendar } from './createCalendar.ts';
import { type IsoDate, fromDayNumber, toDayNumber } from './isoDate.ts';

export interface WorkingDayResult {
  readonly date: IsoDate;
  /** True if any day passed over (after `date`, up to the result) was provisional. */
  readonly provisional: boolean;
}

/** Largest |n| accepted: far beyond any statutory time limit, small enough to stay cheap. */
export const MAX_WORKING_DAYS = 2000;

export function checkCount(n: number, path: string): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
    throw new RangeError(`${path}: expected an integer number of working days between -${MAX_WORKING_DAYS} and ${MAX_WORKING_DAYS}, got ${n}.`);
  }
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself is never
 * counted, whether or not it is a working day. So with n = 20 and a receipt on Saturday, day 1
 * is the next working day. n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: Calendar = defaultCalendar): WorkingDayResult {
  checkCount(n, 'n');
  let dn = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let provisional = false;
  while (left > 0) {
    dn += step;
    const s = cal.statusAt(dn);
    provisional ||= s.provisional;
    if (s.working) left--;
  }
  return { date: fromDayNumber(dn), provisional };
}
