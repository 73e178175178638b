import chineseDays from 'chinese-days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScheduleUnavailableError } from './errors.ts';
import { fromDayNumber } from './isoDate.ts';
import { chuxi, duanwu, qingming, zhongqiu } from './lunar.ts';

// Golden table [year, 除夕, 清明, 端午, 中秋], taken from chinese-days' own helpers run in
// Asia/Shanghai; 2020–2026 also agree with the published schedules (see officialSchedule.test.ts).
const TABLE: ReadonlyArray<readonly [number, string, string, string, string]> = [
  [2020, '2020-01-24', '2020-04-04', '2020-06-25', '2020-10-01'],
  [2021, '2021-02-11', '2021-04-04', '2021-06-14', '2021-09-21'],
  [2022, '2022-01-31', '2022-04-05', '2022-06-03', '2022-09-10'],
  [2023, '2023-01-21', '2023-04-05', '2023-06-22', '2023-09-29'],
  [2024, '2024-02-09', '2024-04-04', '2024-06-10', '2024-09-17'],
  [2025, '2025-01-28', '2025-04-04', '2025-05-31', '2025-10-06'],
  [2026, '2026-02-16', '2026-04-05', '2026-06-19', '2026-09-25'],
  [2027, '2027-02-05', '2027-04-05', '2027-06-09', '2027-09-15'],
  [2028, '2028-01-25', '2028-04-04', '2028-05-28', '2028-10-03'],
  [2029, '2029-02-12', '2029-04-04', '2029-06-16', '2029-09-22'],
  [2030, '2030-02-02', '2030-04-05', '2030-06-05', '2030-09-12'],
  [2031, '2031-01-22', '2031-04-05', '2031-06-24', '2031-10-01'],
  [2032, '2032-02-10', '2032-04-04', '2032-06-12', '2032-09-19'],
  [2033, '2033-01-30', '2033-04-04', '2033-06-01', '2033-09-08'],
  [2034, '2034-02-18', '2034-04-05', '2034-06-20', '2034-09-27'],
  [2035, '2035-02-07', '2035-04-05', '2035-06-10', '2035-09-16'],
  [2036, '2036-01-27', '2036-04-04', '2036-05-30', '2036-10-04'],
  [2037, '2037-02-14', '2037-04-04', '2037-06-18', '2037-09-24'],
  [2038, '2038-02-03', '2038-04-05', '2038-06-07', '2038-09-13'],
  [2039, '2039-01-23', '2039-04-05', '2039-05-27', '2039-10-02'],
  [2040, '2040-02-11', '2040-04-04', '2040-06-14', '2040-09-20'],
];

function all(y: number): [string, string, string, string] {
  return [chuxi(y), qingming(y), duanwu(y), zhongqiu(y)].map(fromDayNumber) as [string, string, string, string];
}

describe('lunar festival dates', () => {
  it.each(TABLE)('%i: 除夕 %s, 清明 %s, 端午 %s, 中秋 %s', (y, cx, qm, dw, zq) => {
    expect(all(y)).toEqual([cx, qm, dw, zq]);
  });

  it('do not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        for (const [y, ...rest] of TABLE) expect(all(y)).toEqual(rest);
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it.each([[1999], [2100], [2025.5]])('清明 outside 2000–2099 (%s) throws ScheduleUnavailableError', (y) => {
    expect(() => qingming(y)).toThrow(ScheduleUnavailableError);
  });
});

// chinese-days' date-returning helpers are right only east of UTC (they parse as UTC and
// format in local time), so compare with them in China's zone.
describe('agreement with chinese-days helpers (run in Asia/Shanghai), 2000–2099', () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it('正月初一 (除夕 + 1), 清明, 端午 and 中秋 of every year', () => {
    const mismatches: string[] = [];
    for (let y = 2000; y <= 2099; y++) {
      const expected = [
        chineseDays.getSolarDateFromLunar(`${y}-01-01`).date,
        chineseDays.getSolarTermDate(y, 4, 'pure_brightness'),
        chineseDays.getSolarDateFromLunar(`${y}-05-05`).date,
        chineseDays.getSolarDateFromLunar(`${y}-08-15`).date,
      ];
      const actual = [chuxi(y) + 1, qingming(y), duanwu(y), zhongqiu(y)].map(fromDayNumber);
      if (expected.join() !== actual.join()) mismatches.push(`${y}: chinese-days ${expected.join(' ')}, ours ${actual.join(' ')}`);
    }
    expect(mismatches).toEqual([]);
  });
});
