import { describe, expect, it } from 'vitest';
import { createCalendar } from './createCalendar.ts';
import { getDayInfo, isWorkingDay } from './isWorkingDay.ts';

describe('isWorkingDay on the official 2025 and 2026 schedules', () => {
  it.each([
    // 2025 春节 1/28–2/4, 上班 1/26 (Sun) and 2/8 (Sat)
    ['2025-01-26', true],
    ['2025-01-27', true],
    ['2025-01-28', false],
    ['2025-02-04', false],
    ['2025-02-05', true],
    ['2025-02-08', true],
    ['2025-02-09', false],
    // 2025 劳动节 5/1–5/5, 上班 4/27 (Sun)
    ['2025-04-27', true],
    ['2025-05-05', false],
    ['2025-05-06', true],
    // 2025 国庆+中秋 10/1–10/8, 上班 9/28 (Sun) and 10/11 (Sat)
    ['2025-09-28', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2025-10-12', false],
    // 2026 春节 2/15–2/23, 上班 2/14 and 2/28 (Sat)
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
    // 2026 劳动节 5/1–5/5, 上班 5/9 (Sat)
    ['2026-05-05', false],
    ['2026-05-09', true],
    // 2026 国庆 10/1–10/7, 上班 9/20 (Sun) and 10/10 (Sat); 中秋 9/25–9/27
    ['2026-09-20', true],
    ['2026-09-25', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    // ordinary days
    ['2026-03-07', false],
    ['2026-03-09', true],
  ])('%s → %s', (iso, working) => {
    expect(isWorkingDay(iso)).toBe(working);
  });

  it('an office override decides', () => {
    const cal = createCalendar({ overrides: { holidays: ['2026-03-09'], workdays: ['2026-03-07'] } });
    expect([isWorkingDay('2026-03-09', cal), isWorkingDay('2026-03-07', cal)]).toEqual([false, true]);
  });

  it('getDayInfo carries the provisional flag', () => {
    expect(getDayInfo('2026-12-31').provisional).toBe(false);
    expect(getDayInfo('2027-01-04')).toMatchObject({ working: true, provisional: true });
  });
});
