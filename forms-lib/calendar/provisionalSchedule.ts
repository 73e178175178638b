/**
 * A provisional schedule for a year whose 放假调休 notice is not (yet) known, from the text of
 * 《全国年节及纪念日放假办法》 as revised 2024-11-10 (in force from 2025-01-01):
 *
 * 第二条 (13 days): 元旦 1月1日; 春节 农历除夕、正月初一至初三; 清明 农历清明当日;
 * 劳动节 5月1日、2日; 端午 农历端午当日; 中秋 农历中秋当日; 国庆 10月1日至3日.
 *
 * 第六条: a holiday day that falls on a Saturday or Sunday is made up (补假) on a working day.
 * Here each such day — and each day on which two holidays coincide (e.g. 中秋 on 10月1日) —
 * moves to the first Monday–Friday after it that is not already off. Unknown 调休 swaps are not
 * guessed: they move days within a block but do not change the number of working days.
 */
import { ScheduleUnavailableError } from './errors.ts';
import { type DayNumber, type IsoDate, dayNumberFromParts, fromDayNumber, isWeekend } from './isoDate.ts';
import { chuxi, duanwu, qingming, zhongqiu } from './lunar.ts';

/** The 2024 revision of the 放假办法 applies from 2025; earlier years had 11 days. */
export const PROVISIONAL_FIRST_YEAR = 2025;
/** 清明 is computed for the 21st century only. */
export const PROVISIONAL_LAST_YEAR = 2099;

export interface NamedDay {
  readonly date: IsoDate;
  readonly name: string;
}

interface DayEntry {
  readonly dn: DayNumber;
  readonly name: string;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < PROVISIONAL_FIRST_YEAR || year > PROVISIONAL_LAST_YEAR) {
    throw new ScheduleUnavailableError(
      year,
      `a provisional schedule is only computed for ${PROVISIONAL_FIRST_YEAR}–${PROVISIONAL_LAST_YEAR} ` +
        `(the 2024 text of the 放假办法 and the 21st-century 清明 formula).`,
    );
  }
}

function statutoryEntries(year: number): DayEntry[] {
  const d = (m: number, day: number): DayNumber => dayNumberFromParts(year, m, day);
  const cx = chuxi(year);
  return [
    { dn: d(1, 1), name: '元旦' },
    { dn: cx, name: '春节' },
    { dn: cx + 1, name: '春节' },
    { dn: cx + 2, name: '春节' },
    { dn: cx + 3, name: '春节' },
    { dn: qingming(year), name: '清明节' },
    { dn: d(5, 1), name: '劳动节' },
    { dn: d(5, 2), name: '劳动节' },
    { dn: duanwu(year), name: '端午节' },
    { dn: d(10, 1), name: '国庆节' },
    { dn: d(10, 2), name: '国庆节' },
    { dn: d(10, 3), name: '国庆节' },
    { dn: zhongqiu(year), name: '中秋节' },
  ].sort((a, b) => a.dn - b.dn);
}

/** The 13 statutory holiday days of 第二条 for `year` (in date order; a date may repeat). */
export function statutoryHolidays(year: number): NamedDay[] {
  checkYear(year);
  return statutoryEntries(year).map((e) => ({ date: fromDayNumber(e.dn), name: e.name }));
}

/** Days off of the provisional schedule by day number: statutory days plus 补假 days. */
export function provisionalDaysOff(year: number, compensate = true): Map<DayNumber, string> {
  checkYear(year);
  const entries = statutoryEntries(year);
  const off = new Map<DayNumber, string>();
  const needMakeUp: DayEntry[] = [];
  for (const e of entries) {
    const already = off.get(e.dn);
    if (already !== undefined || isWeekend(e.dn)) needMakeUp.push(e);
    off.set(e.dn, already === undefined ? e.name : `${already}、${e.name}`);
  }
  if (compensate) {
    for (const e of needMakeUp) {
      let c = e.dn + 1;
      while (isWeekend(c) || off.has(c)) c++;
      off.set(c, `${e.name}（补假）`);
    }
  }
  return off;
}

/**
 * The provisional schedule of `year`: weekends are off, these holidays are off, and no weekend
 * day is a working day. `compensate: false` leaves out the 第六条 补假 days.
 */
export function provisionalSchedule(year: number, options: { compensate?: boolean } = {}): { holidays: NamedDay[]; workdays: NamedDay[] } {
  const off = provisionalDaysOff(year, options.compensate ?? true);
  const holidays = [...off.entries()].sort((a, b) => a[0] - b[0]).map(([dn, name]) => ({ date: fromDayNumber(dn), name }));
  return { holidays, workdays: [] };
}
