import { describe, expect, it } from 'vitest';
import { InvalidDateError } from './errors.ts';
import { fromDayNumber, isIsoDate, toDayNumber, weekdayOf } from './isoDate.ts';

describe('toDayNumber / fromDayNumber', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['1969-12-31', -1, 3],
    ['2000-02-29', 11016, 2],
    ['2000-03-01', 11017, 3],
    ['2025-01-01', 20089, 3],
    ['2026-09-28', 20724, 1],
    ['2026-10-10', 20736, 6],
    ['2100-03-01', 47541, 1],
  ])('%s → day %i, weekday %i', (iso, dn, wd) => {
    expect(toDayNumber(iso)).toBe(dn);
    expect(fromDayNumber(dn)).toBe(iso);
    expect(weekdayOf(dn)).toBe(wd);
  });

  it('agrees with Date.UTC for every day 1900–2100 (round trip and weekday)', () => {
    const start = toDayNumber('1900-01-01');
    const end = toDayNumber('2100-12-31');
    for (let dn = start; dn <= end; dn++) {
      const d = new Date(dn * 86_400_000);
      const iso = d.toISOString().slice(0, 10);
      if (fromDayNumber(dn) !== iso || toDayNumber(iso) !== dn || weekdayOf(dn) !== d.getUTCDay()) {
        throw new Error(`mismatch at ${iso}`);
      }
    }
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-2-3', false],
    [' 2026-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    [20260101, false],
    [null, false],
  ])('%j → %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('toDayNumber throws InvalidDateError naming the path', () => {
    expect(() => toDayNumber('2026-02-30', 'receivedOn')).toThrow(InvalidDateError);
    expect(() => toDayNumber('2026-02-30', 'receivedOn')).toThrow(/^receivedOn: "2026-02-30"/);
  });
});
