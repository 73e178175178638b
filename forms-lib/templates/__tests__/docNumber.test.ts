import { describe, expect, it } from 'vitest';
import { DocNumberPatternError, allocateDocNumber, findIssued, formatDocNumber, parseDocNumberPattern, readDocNumber } from '../index.ts';

const P = '楚商公开〔{year}〕{n}号';

describe('文号', () => {
  it('formats and reads back', () => {
    expect(formatDocNumber(P, 2026, 12)).toBe('楚商公开〔2026〕12号');
    expect(formatDocNumber('XX公复〔{year}〕第{n:3}号', 2026, 7)).toBe('XX公复〔2026〕第007号');
    expect(readDocNumber(P, '楚商公开〔2026〕12号')).toEqual({ year: 2026, n: 12 });
    expect(readDocNumber(P, '楚商公开受〔2026〕12号')).toBeUndefined();
  });

  it('runs per year: the first of a year is 1', () => {
    expect(allocateDocNumber(P, { type: 'reply-disclose', year: 2027, used: ['楚商公开〔2026〕40号'] })).toEqual({ docNumber: '楚商公开〔2027〕1号', n: 1 });
  });

  it('continues after the highest issued number, never refilling a gap', () => {
    const used = ['楚商公开〔2026〕1号', '楚商公开〔2026〕5号', '楚商公开〔2026〕3号'];
    expect(allocateDocNumber(P, { type: 'reply-refuse', year: 2026, used }).docNumber).toBe('楚商公开〔2026〕6号');
  });

  it('runs per pattern: types that share a pattern share one counter, whatever types the log carries', () => {
    // 收到 as { type, docNumber } from the log: a receipt and a 答复书 both numbered under the default pattern
    const used = [{ type: 'receipt', docNumber: '楚商公开〔2026〕9号' }, { type: 'reply-refuse', docNumber: '楚商公开〔2026〕2号' }];
    expect(allocateDocNumber(P, { type: 'reply-refuse', year: 2026, used }).docNumber).toBe('楚商公开〔2026〕10号');
    expect(allocateDocNumber(P, { type: 'receipt', year: 2026, used }).docNumber).toBe('楚商公开〔2026〕10号');
    expect(allocateDocNumber(P, { year: 2026, used }).docNumber).toBe('楚商公开〔2026〕10号');
  });

  it('a type with its own pattern keeps its own counter', () => {
    const used = [{ type: 'reply-refuse', docNumber: '楚商公开〔2026〕12号' }, { type: 'receipt', docNumber: '楚商公开受〔2026〕3号' }];
    expect(allocateDocNumber('楚商公开受〔{year}〕{n}号', { type: 'receipt', year: 2026, used }).docNumber).toBe('楚商公开受〔2026〕4号');
    expect(allocateDocNumber(P, { type: 'reply-disclose', year: 2026, used }).docNumber).toBe('楚商公开〔2026〕13号');
  });

  it('patterns differing only in zero padding render the same 文号 and share the counter', () => {
    const used = ['楚商公开〔2026〕007号'];
    expect(allocateDocNumber(P, { year: 2026, used }).docNumber).toBe('楚商公开〔2026〕8号');
    expect(allocateDocNumber('楚商公开〔{year}〕{n:3}号', { year: 2026, used: ['楚商公开〔2026〕8号'] }).docNumber).toBe('楚商公开〔2026〕009号');
  });

  it('findIssued finds a 文号 carried by any entry, in any padding, and nothing else', () => {
    const used = [{ type: 'receipt', docNumber: '楚商公开〔2026〕9号' }, '楚商公开〔2025〕3号'];
    expect(findIssued('楚商公开〔2026〕9号', used)).toEqual({ type: 'receipt', docNumber: '楚商公开〔2026〕9号' });
    expect(findIssued(' 楚商公开〔2026〕009号', used, '楚商公开〔{year}〕{n:3}号')).toEqual({ type: 'receipt', docNumber: '楚商公开〔2026〕9号' });
    expect(findIssued('楚商公开〔2026〕3号', used, P)).toBeUndefined();
    expect(findIssued('楚商公开〔2026〕10号', used, P)).toBeUndefined();
  });

  it('skips a number already issued in another spelling of the padding', () => {
    const p = '公复〔{year}〕{n:2}号';
    expect(allocateDocNumber(p, { type: 'x', year: 2026, used: ['公复〔2026〕09号'] }).docNumber).toBe('公复〔2026〕10号');
  });

  it.each([
    ['', '不能为空'],
    ['楚商公开〔2026〕{n}号', '须恰好含一个年份占位符 {year}'],
    ['楚商公开〔{year}〕号', '须恰好含一个序号占位符 {n}'],
    ['楚商〔{year}〕{n}{n}号', '须恰好含一个序号占位符 {n}'],
    ['楚商{year}{n}号', '{year} 与 {n} 之间须有分隔文字'],
    ['楚商〔{yr}〕{n}号', '含未知占位符'],
  ])('rejects the pattern %j (%s)', (pattern, zh) => {
    expect(() => parseDocNumberPattern(pattern)).toThrow(DocNumberPatternError);
    expect(() => parseDocNumberPattern(pattern)).toThrow(zh);
  });
});
