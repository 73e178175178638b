import { describe, expect, it } from 'vitest';
import { ScheduleUnavailableError } from './errors.ts';
import { dayNumberFromParts, isWeekend } from './isoDate.ts';
import { OFFICIAL_DAYS } from './officialSchedule.ts';
import { provisionalDaysOff, provisionalSchedule, statutoryHolidays } from './provisionalSchedule.ts';

const dates = (year: number, compensate = true): string[] =>
  provisionalSchedule(year, { compensate }).holidays.map((h) => `${h.date.slice(5)} ${h.name}`);

describe('statutoryHolidays (放假办法 第二条, 2024 revision)', () => {
  it('2027: 13 days', () => {
    expect(statutoryHolidays(2027).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it.each([[2024], [2100], [2030.5]])('refuses %s (other text, or beyond the 清明 formula)', (y) => {
    expect(() => statutoryHolidays(y)).toThrow(ScheduleUnavailableError);
  });
});

describe('provisionalSchedule', () => {
  it('2027: weekend holiday days are made up on the next free weekday (第六条 补假)', () => {
    expect(dates(2027)).toEqual([
      '01-01 元旦',
      '02-05 春节',
      '02-06 春节', // Sat
      '02-07 春节', // Sun
      '02-08 春节',
      '02-09 春节（补假）',
      '02-10 春节（补假）',
      '04-05 清明节',
      '05-01 劳动节', // Sat
      '05-02 劳动节', // Sun
      '05-03 劳动节（补假）',
      '05-04 劳动节（补假）',
      '06-09 端午节',
      '09-15 中秋节',
      '10-01 国庆节',
      '10-02 国庆节', // Sat
      '10-03 国庆节', // Sun
      '10-04 国庆节（补假）',
      '10-05 国庆节（补假）',
    ]);
    expect(provisionalSchedule(2027).workdays).toEqual([]);
  });

  it('2031: 中秋 on 10月1日 is one more day to make up', () => {
    expect(dates(2031).filter((d) => d.startsWith('10-'))).toEqual([
      '10-01 国庆节、中秋节',
      '10-02 国庆节',
      '10-03 国庆节',
      '10-06 中秋节（补假）',
    ]);
  });

  it('compensate: false gives the 13 statutory dates only', () => {
    expect(dates(2027, false)).toHaveLength(13);
  });

  // 调休 only moves days within a block, so a year's number of working days must come out the
  // same from the published schedule and from the provisional computation.
  it.each([
    [2025, 248],
    [2026, 248],
  ])('%i: provisional computation gives the published number of working days (%i)', (year, expected) => {
    const off = provisionalDaysOff(year);
    let provisional = 0;
    let official = 0;
    for (let dn = dayNumberFromParts(year, 1, 1); dn <= dayNumberFromParts(year, 12, 31); dn++) {
      if (!isWeekend(dn) && !off.has(dn)) provisional++;
      const listed = OFFICIAL_DAYS.get(dn);
      if (listed ? listed.working : !isWeekend(dn)) official++;
    }
    expect([provisional, official]).toEqual([expected, expected]);
  });

  it.each([2025, 2026])('%i: every statutory day is an official holiday', (year) => {
    for (const h of statutoryHolidays(year)) {
      const dn = dayNumberFromParts(year, Number(h.date.slice(5, 7)), Number(h.date.slice(8)));
      expect(`${h.date} ${OFFICIAL_DAYS.get(dn)?.working}`).toBe(`${h.date} false`);
    }
  });
});
