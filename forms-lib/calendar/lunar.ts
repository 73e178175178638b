/**
 * Lunar (农历) and solar-term dates needed for the statutory holidays, on day numbers.
 *
 * Lunar month lengths come from chinese-days' integer table look-ups `monthDays(y, m)` and
 * `getYearLeapMonth(y)` (its LUNAR_INFO table, 1900–2100). Its date-returning helpers
 * (getSolarDateFromLunar, getLunarDate, getSolarTermDate) are not used: they parse
 * 'YYYY-MM-DD' as UTC and format in local time, so in time zones west of UTC they return the
 * previous day. Here the conversion is done on day numbers from the same table.
 */
import chineseDays from 'chinese-days';
import { ScheduleUnavailableError } from './errors.ts';
import { type DayNumber, dayNumberFromParts } from './isoDate.ts';

/** Years the lunar table of chinese-days covers (lunar year = Gregorian year of its 正月初一). */
export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = 2099;

/** 1900-01-31 was 正月初一 of lunar year 1900 (the epoch of the LUNAR_INFO table). */
const LUNAR_EPOCH: DayNumber = dayNumberFromParts(1900, 1, 31);

function lunarYearLength(y: number): number {
  let days = chineseDays.getYearLeapMonth(y).days;
  for (let m = 1; m <= 12; m++) days += chineseDays.monthDays(y, m);
  return days;
}

const newYearCache = new Map<number, DayNumber>();

function checkYear(y: number): void {
  if (!Number.isInteger(y) || y < LUNAR_FIRST_YEAR || y > LUNAR_LAST_YEAR) {
    throw new ScheduleUnavailableError(y, `lunar dates are only known for ${LUNAR_FIRST_YEAR}–${LUNAR_LAST_YEAR}.`);
  }
}

/** 正月初一 of lunar year `y` (it falls in Gregorian year `y`, between 21 Jan and 20 Feb). */
export function lunarNewYear(y: number): DayNumber {
  checkYear(y);
  const cached = newYearCache.get(y);
  if (cached !== undefined) return cached;
  let dn = LUNAR_EPOCH;
  // Walk from the nearest cached earlier year, or from the epoch.
  let from = LUNAR_FIRST_YEAR;
  for (let k = y - 1; k >= LUNAR_FIRST_YEAR; k--) {
    const c = newYearCache.get(k);
    if (c !== undefined) {
      dn = c;
      from = k;
      break;
    }
  }
  for (let k = from; k < y; k++) dn += lunarYearLength(k);
  newYearCache.set(y, dn);
  return dn;
}

/** Day number of lunar date `month`/`day` (a non-leap month) of lunar year `y`. */
export function lunarToDayNumber(y: number, month: number, day: number): DayNumber {
  let dn = lunarNewYear(y);
  const leap = chineseDays.getYearLeapMonth(y);
  for (let m = 1; m < month; m++) {
    dn += chineseDays.monthDays(y, m);
    if (leap.leapMonth === m) dn += leap.days; // the leap month follows month m
  }
  return dn + day - 1;
}

/** 除夕: the last day of the lunar year before 正月初一 of `y` (so it lies in Gregorian year `y`). */
export function chuxi(y: number): DayNumber {
  return lunarNewYear(y) - 1;
}

/** 端午: 五月初五. */
export function duanwu(y: number): DayNumber {
  return lunarToDayNumber(y, 5, 5);
}

/** 中秋: 八月十五. */
export function zhongqiu(y: number): DayNumber {
  return lunarToDayNumber(y, 8, 15);
}

/**
 * 清明 (the solar term, not a lunar date) in April of Gregorian year `y`, 2000–2099, by the
 * 寿星 formula day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ with C = 4.81 — the same constant chinese-days'
 * getSolarTermDate uses, which lists no correction for 清明 in this century.
 */
export function qingming(y: number): DayNumber {
  if (!Number.isInteger(y) || y < 2000 || y > 2099) {
    throw new ScheduleUnavailableError(y, '清明 is only computed for 2000–2099.');
  }
  const Y = y % 100;
  const day = Math.floor(Y * 0.2422 + 4.81) - Math.floor(Y / 4);
  return dayNumberFromParts(y, 4, day);
}
