import { describe, expect, it } from 'vitest';
import { paneRows } from './StatsTab.ts';

describe('paneRows', () => {
  it('drops the title row and turns a one-month table on its side', () => {
    expect(paneRows([['月度统计（2026-11）'], ['月份', '新收申请', '办结'], ['2026-11', 3, 1]])).toEqual([
      ['月份', '2026-11'],
      ['新收申请', 3],
      ['办结', 1],
    ]);
  });

  it('keeps a long table as it is', () => {
    const rows = [['h', 'a'], ['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5]];
    expect(paneRows(rows)).toEqual(rows);
  });
});
