import { InvalidDateError } from './errors.ts';

/**
 * A calendar day written 'YYYY-MM-DD' (no time, no zone). All arithmetic is done on
 * day numbers (days since 1970-01-01) with integer civil-calendar formulas, never with a
 * local-time JS Date, so no result depends on the machine's time zone.
 */
export type IsoDate = string;

/** Days since 1970-01-01 (that day is 0; it was a Thursday). */
export type DayNumber = number;

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of a day number (H. Hinnant's civil_from_days). */
export function partsFromDayNumber(dn: DayNumber): { year: number; month: number; day: number } {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True for a string that is an existing day written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses 'YYYY-MM-DD' to a day number; throws InvalidDateError naming `path` otherwise. */
export function toDayNumber(value: IsoDate, path = 'date'): DayNumber {
  if (!isIsoDate(value)) throw new InvalidDateError(value, path);
  return dayNumberFromParts(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

export function fromDayNumber(dn: DayNumber): IsoDate {
  const { year, month, day } = partsFromDayNumber(dn);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function weekdayOf(dn: DayNumber): Weekday {
  return (((dn % 7) + 7 + 4) % 7) as Weekday;
}

export function isWeekend(dn: DayNumber): boolean {
  const w = weekdayOf(dn);
  return w === 0 || w === 6;
}

export function yearOf(dn: DayNumber): number {
  return partsFromDayNumber(dn).year;
}
