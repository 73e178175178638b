import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './isoDate.ts';
import { chuxi, duanwu, qingming, zhongqiu } from './lunar.ts';
import { OFFICIAL_DAYS, OFFICIAL_YEARS, isOfficialYear } from './officialSchedule.ts';

describe('chinese-days official data', () => {
  it('covers 2004–2026 (chinese-days 1.5.7)', () => {
    expect(OFFICIAL_YEARS).toEqual({ first: 2004, last: 2026 });
  });

  it.each([
    [2003, false],
    [2004, true],
    [2026, true],
    [2027, false],
  ])('isOfficialYear(%i) → %s', (year, covered) => {
    expect(isOfficialYear(year)).toBe(covered);
  });

  it.each([
    ['2026-10-01', false, '国庆节'],
    ['2026-10-10', true, '国庆节'],
    ['2026-09-20', true, '国庆节'],
    ['2026-02-14', true, '春节'],
    ['2025-10-06', false, '中秋'],
    ['2011-12-31', true, '元旦'], // a make-up day of the 2012 notice, listed in the year before
  ])('%s → working %s (%s)', (iso, working, name) => {
    expect(OFFICIAL_DAYS.get(toDayNumber(iso))).toEqual({ working, name });
  });
});

describe('computed lunar and solar-term dates fall on the published holidays', () => {
  const years = Array.from({ length: OFFICIAL_YEARS.last - 2008 + 1 }, (_, i) => 2008 + i);

  // 清明, 端午 and 中秋 have been public holidays since 2008.
  it.each(years)('%i: 正月初一, 清明, 端午 and 中秋 are official holidays', (y) => {
    const off = (dn: number): string => `${fromDayNumber(dn)} ${OFFICIAL_DAYS.get(dn)?.working === false ? 'off' : 'NOT off'}`;
    for (const dn of [chuxi(y) + 1, qingming(y), duanwu(y), zhongqiu(y)]) {
      expect(off(dn)).toMatch(/ off$/);
    }
  });

  it.each([2025, 2026])('%i: 除夕 is an official holiday (new since the 2024 revision)', (y) => {
    expect(OFFICIAL_DAYS.get(chuxi(y))?.working).toBe(false);
  });
});
