import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './addWorkingDays.ts';
import { createCalendar } from './createCalendar.ts';
import { ScheduleUnavailableError } from './errors.ts';

describe('addWorkingDays (start day never counted)', () => {
  it.each([
    // [start, n, result, provisional]
    ['2026-09-28', 20, '2026-10-30', false], // required example: 2026 国庆 with 10/10 上班
    ['2025-01-24', 20, '2025-02-27', false], // 2025 春节: 1/26 and 2/8 count
    ['2025-04-25', 20, '2025-05-27', false], // 2025 劳动节: 4/27 counts
    ['2025-09-26', 20, '2025-10-30', false], // 2025 国庆+中秋: 9/28 and 10/11 count
    ['2026-02-13', 20, '2026-03-19', false], // 2026 春节: 2/14 and 2/28 count
    ['2026-04-30', 20, '2026-06-01', false], // 2026 劳动节: 5/9 counts
    ['2026-03-06', 20, '2026-04-03', false], // Friday
    ['2026-03-07', 20, '2026-04-03', false], // Saturday: day 1 is Monday 3/9
    ['2026-03-08', 20, '2026-04-03', false], // Sunday
    ['2026-03-09', 20, '2026-04-07', false], // Monday: 4/6 清明 is skipped
    ['2026-09-19', 20, '2026-10-22', false], // Saturday before a 调休 Sunday: day 1 is Sunday 9/20
    ['2026-09-20', 20, '2026-10-23', false], // on the 调休 Sunday itself: not counted, day 1 is 9/21
    ['2026-12-03', 20, '2026-12-31', false], // ends on the last published day
    ['2026-12-04', 20, '2027-01-04', true], // crosses into unpublished 2027
    ['2026-12-15', 20, '2027-01-13', true],
    ['2026-10-10', 0, '2026-10-10', false],
    ['2026-10-08', 1, '2026-10-09', false],
    ['2026-10-09', 1, '2026-10-10', false],
    ['2026-10-12', -1, '2026-10-10', false],
    ['2026-10-08', -1, '2026-09-30', false],
    ['2026-10-30', -20, '2026-09-28', false],
    ['2027-01-04', -1, '2026-12-31', true],
  ])('%s + %i → %s (provisional %s)', (start, n, date, provisional) => {
    expect(addWorkingDays(start, n)).toEqual({ date, provisional });
  });

  it('an office holiday shifts the date; an office working Saturday pulls it back', () => {
    const eid = createCalendar({ overrides: { holidays: [{ date: '2026-05-27', name: '古尔邦节' }] } });
    expect(addWorkingDays('2026-04-30', 20, eid).date).toBe('2026-06-02');
    const saturday = createCalendar({ overrides: { workdays: ['2026-05-16'] } });
    expect(addWorkingDays('2026-04-30', 20, saturday).date).toBe('2026-05-29');
  });

  it('a typed-in 2027 schedule removes the provisional flag', () => {
    const cal = createCalendar({
      schedules: { 2027: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'] } }, // hypothetical
    });
    expect(addWorkingDays('2026-12-15', 20, cal)).toEqual({ date: '2027-01-12', provisional: false });
  });

  it('a strict calendar throws when the walk reaches an unpublished year', () => {
    const strict = createCalendar({ unpublishedYears: 'error' });
    expect(addWorkingDays('2026-12-03', 20, strict).date).toBe('2026-12-31');
    expect(() => addWorkingDays('2026-12-04', 20, strict)).toThrow(ScheduleUnavailableError);
  });

  it.each([[1.5], [NaN], [2001]])('rejects n = %s', (n) => {
    expect(() => addWorkingDays('2026-01-05', n)).toThrow(RangeError);
  });
});
