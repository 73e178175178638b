import { describe, expect, it } from 'vitest';
import { GBT9704, GBT9704_PT, formatPageNumber, pageNumberPosition } from '../gbt9704.ts';
import { formatChineseDate } from '../date.ts';
import { ZIHAO, mmToPt, ptToMm } from '../units.ts';

describe('GB/T 9704-2012 geometry', () => {
  it('A4 with 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm', () => {
    expect(GBT9704.page).toEqual({ width: 210, height: 297 });
    expect(GBT9704.textBlock).toEqual({ x: 28, y: 37, width: 156, height: 225 });
    expect(GBT9704.margins).toEqual({ top: 37, left: 28, right: 26, bottom: 35 });
  });
  it('body 三号 (16 pt) on 28 characters × 22 lines', () => {
    expect(GBT9704.body.sizePt).toBe(ZIHAO.三号);
    expect(GBT9704.title.sizePt).toBe(ZIHAO.二号);
    expect(GBT9704.pageNumber.sizePt).toBe(ZIHAO.四号);
    expect(GBT9704.body.charPitch * 28).toBeCloseTo(156, 10);
    expect(GBT9704.body.linePitch * 22).toBeCloseTo(225, 10);
    expect(GBT9704.body.charPitch).toBeCloseTo(5.5714, 4);
    expect(GBT9704.body.linePitch).toBeCloseTo(10.2273, 4);
    expect(GBT9704_PT.charPitch).toBeCloseTo(15.793, 3);
    expect(GBT9704_PT.linePitch).toBeCloseTo(28.99, 2);
    // 28 characters of a full 16 pt em would not fit: the grid is slightly tighter than 1 em
    expect(ptToMm(16) * 28).toBeGreaterThan(156);
  });
  it('unit conversions', () => {
    expect(mmToPt(25.4)).toBe(72);
    expect(mmToPt(210)).toBeCloseTo(595.28, 2);
    expect(mmToPt(297)).toBeCloseTo(841.89, 2);
  });
  it('page numbers: — n —, odd pages right and even pages left with one 四号 character of space', () => {
    expect(formatPageNumber(3)).toBe('— 3 —');
    const oneChar = ptToMm(14);
    const odd = pageNumberPosition(1, 10);
    expect(odd.x + 10).toBeCloseTo(28 + 156 - oneChar, 10);
    expect(odd.dashY).toBe(37 + 225 + 7);
    expect(pageNumberPosition(2, 10).x).toBeCloseTo(28 + oneChar, 10);
    expect(pageNumberPosition(2, 10, 'center').x).toBeCloseTo(28 + 73, 10);
  });
  it('成文日期 in Arabic numerals, month and day unpadded', () => {
    expect(formatChineseDate({ year: 2026, month: 3, day: 5 })).toBe('2026年3月5日');
    expect(formatChineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(() => formatChineseDate('2026-02-30')).toThrow(/invalid date/);
  });
});
