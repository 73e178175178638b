import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './addWorkingDays.ts';
import { workingDaysBetween } from './workingDaysBetween.ts';

describe('workingDaysBetween (from excluded, to included)', () => {
  it.each([
    ['2026-09-28', '2026-10-30', 20, false],
    ['2026-09-30', '2026-10-08', 1, false], // 10/1–10/7 off
    ['2026-10-09', '2026-10-10', 1, false], // Saturday 调休上班
    ['2026-10-10', '2026-10-11', 0, false],
    ['2026-03-06', '2026-03-09', 1, false], // Fri → Mon
    ['2026-03-07', '2026-03-09', 1, false], // Sat → Mon
    ['2026-03-09', '2026-03-09', 0, false],
    ['2026-10-30', '2026-09-28', -20, false],
    ['2026-03-09', '2026-03-07', -1, false],
    ['2026-12-30', '2026-12-31', 1, false],
    ['2026-12-31', '2027-01-04', 1, true],
    ['2024-12-31', '2025-12-31', 248, false],
  ])('%s → %s: %i (provisional %s)', (from, to, days, provisional) => {
    expect(workingDaysBetween(from, to)).toEqual({ days, provisional });
  });

  it('inverts addWorkingDays for n ≥ 0, from any start', () => {
    for (const start of ['2025-01-24', '2025-09-27', '2026-02-14', '2026-09-19', '2026-09-20', '2026-12-20']) {
      for (const n of [0, 1, 7, 15, 20, 40]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n).date).days).toBe(n);
      }
    }
  });
});
