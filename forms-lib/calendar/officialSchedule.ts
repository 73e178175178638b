/**
 * The official 放假调休 schedules (国务院办公厅 notices) as shipped by chinese-days in its
 * documented data file dist/chinese-days.json: `holidays` (days off, including the weekend days
 * inside a holiday block) and `workdays` (weekend days made working days by 调休), keyed by
 * 'YYYY-MM-DD' with values like "National Day,国庆节,3". Plain strings: no time zone involved.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { type DayNumber, toDayNumber, yearOf } from './isoDate.ts';

export interface OfficialDay {
  readonly working: boolean;
  /** Chinese name of the holiday the entry belongs to, e.g. '国庆节'. */
  readonly name: string;
}

function chineseName(value: string): string {
  // "Spring Festival,春节,4" → "春节"
  return value.split(',')[1] ?? value;
}

function build(): { days: Map<DayNumber, OfficialDay>; firstYear: number; lastYear: number } {
  const days = new Map<DayNumber, OfficialDay>();
  const holidays = data.holidays as Record<string, string>;
  const workdays = data.workdays as Record<string, string>;
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const [iso, value] of Object.entries(holidays)) {
    const dn = toDayNumber(iso, 'chinese-days holidays');
    days.set(dn, { working: false, name: chineseName(value) });
    firstYear = Math.min(firstYear, yearOf(dn));
    lastYear = Math.max(lastYear, yearOf(dn));
  }
  for (const [iso, value] of Object.entries(workdays)) {
    days.set(toDayNumber(iso, 'chinese-days workdays'), { working: true, name: chineseName(value) });
  }
  return { days, firstYear, lastYear };
}

const built = build();

/** Listed official days (holidays and 调休 make-up workdays) by day number. */
export const OFFICIAL_DAYS: ReadonlyMap<DayNumber, OfficialDay> = built.days;

/**
 * Years whose schedule chinese-days publishes: every year from the first to the last year in
 * which it lists a holiday (2004–2026 in chinese-days 1.5.7). Upgrade chinese-days (usually
 * after the State Council's notice each November) to extend it.
 */
export const OFFICIAL_YEARS: { readonly first: number; readonly last: number } = {
  first: built.firstYear,
  last: built.lastYear,
};

export function isOfficialYear(year: number): boolean {
  return year >= OFFICIAL_YEARS.first && year <= OFFICIAL_YEARS.last;
}
