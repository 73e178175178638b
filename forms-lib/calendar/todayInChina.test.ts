import { describe, expect, it } from 'vitest';
import { todayInChina } from './todayInChina.ts';

describe('todayInChina', () => {
  it.each([
    ['2026-12-03T15:59:59Z', '2026-12-03'],
    ['2026-12-03T16:00:00Z', '2026-12-04'],
    ['2026-12-31T16:30:00Z', '2027-01-01'],
  ])('%s is %s in Beijing', (utc, day) => {
    expect(todayInChina(new Date(utc))).toBe(day);
  });
});
