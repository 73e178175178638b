import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseRegisterDate } from './dates.ts';

describe('parseRegisterDate', () => {
  it.each<[string | number | boolean | null, string]>([
    ['2026-09-28', '2026-09-28'],
    ['2026/9/28', '2026-09-28'],
    ['2026/09/28', '2026-09-28'],
    ['2026.9.28', '2026-09-28'],
    ['2026年9月28日', '2026-09-28'],
    ['2026 年 9 月 28 日', '2026-09-28'],
    ['2026年9月28号', '2026-09-28'],
    ['二〇二六年九月二十八日', '2026-09-28'],
    ['二〇二六年十月一日', '2026-10-01'],
    ['二〇二六年十二月三十一日', '2026-12-31'],
    ['20260928', '2026-09-28'],
    ['２０２６－０９－２８', '2026-09-28'],
    ['２０２６年９月２８日', '2026-09-28'],
    ['2026-09-28 00:00:00', '2026-09-28'],
    ['2026/9/28 17:45', '2026-09-28'],
    // A timestamp with a zone is read in China Standard Time: midnight in Beijing is 16:00Z the day before.
    ['2026-09-27T16:00:00.000Z', '2026-09-28'],
    ['2026-09-28T00:00:00+08:00', '2026-09-28'],
    ['2026-09-28T23:59:00+08:00', '2026-09-28'],
    ['2026-09-28T18:00:00Z', '2026-09-29'],
    // Numbers: Excel serials (1900 system) and yyyymmdd.
    [46293, '2026-09-28'],
    [46293.75, '2026-09-28'],
    [20260928, '2026-09-28'],
    [46023, '2026-01-01'],
    [32874, '1990-01-01'],
  ])('%j → %s', (value, iso) => {
    expect(parseRegisterDate(value)).toEqual({ ok: true, date: iso });
  });

  it.each<[string | number | boolean | null, 'format' | 'impossible' | 'range']>([
    ['2026-02-29', 'impossible'],
    ['2026-09-31', 'impossible'],
    ['2026年13月1日', 'impossible'],
    ['20260230', 'impossible'],
    ['二〇二六年二月三十日', 'impossible'],
    ['1899-12-31', 'range'],
    ['9/28/2026', 'format'],
    ['28.09.2026', 'format'],
    ['九月二十八日', 'format'],
    ['明天', 'format'],
    [true, 'format'],
    [null, 'format'],
    [12, 'range'],
    [-5, 'range'],
    [99999, 'range'],
  ])('%j is refused (%s)', (value, reason) => {
    expect(parseRegisterDate(value)).toEqual({ ok: false, reason });
  });

  it('takes the adapter iso of a date-formatted cell over its displayed text', () => {
    expect(parseRegisterDate('9/28/26', '2026-09-28')).toEqual({ ok: true, date: '2026-09-28' });
    expect(parseRegisterDate('2026年9月28日', '2026-09-28')).toEqual({ ok: true, date: '2026-09-28' });
  });

  it('reads serials of a 1904-system workbook', () => {
    expect(parseRegisterDate(44831, undefined, true)).toEqual({ ok: true, date: '2026-09-28' });
  });
});

describe('excelSerialToIso', () => {
  it.each<[number, boolean, string | undefined]>([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, undefined],
    [61, false, '1900-03-01'],
    [46293, false, '2026-09-28'],
    [0, true, undefined],
    [44831, true, '2026-09-28'],
  ])('%d (1904: %s) → %s', (serial, d1904, iso) => {
    expect(excelSerialToIso(serial, d1904)).toBe(iso);
  });
});
