import { type Calendar, type DayInfo, defaultCalendar } from './createCalendar.ts';
import type { IsoDate } from './isoDate.ts';

/**
 * Whether `date` is a working day (工作日) of `cal`: Mon–Fri unless a holiday, plus weekend
 * days listed as 调休上班 or as office working days. A plain boolean: when it matters whether the
 * answer is provisional, use getDayInfo.
 */
export function isWorkingDay(date: IsoDate, cal: Calendar = defaultCalendar): boolean {
  return cal.dayInfo(date).working;
}

/** Everything known about `date`: working or not, kind, holiday name, source, provisional. */
export function getDayInfo(date: IsoDate, cal: Calendar = defaultCalendar): DayInfo {
  return cal.dayInfo(date);
}
