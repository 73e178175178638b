import { describe, expect, it } from 'vitest';
import { MAX_STRETCH_EM, fitToBox, keepWithPrevious, layoutBalanced, layoutParagraphs, linesThatFit, paginate, splitParagraphs } from '../flow.ts';
import type { Unit } from '../linebreak.ts';

const monoAt = (size: number) => (u: Unit): number => (u.kind === 'char' ? size : [...u.text].length * size * 0.5);

describe('layoutParagraphs', () => {
  it('splits paragraphs at newlines, indents each first line by 2 characters, keeps empty paragraphs', () => {
    const lines = layoutParagraphs('一二三四五六\r\n\n　　七八', 4, { size: 1, lineHeight: 1 }, monoAt(1));
    expect(lines.map((l) => [l.paragraph, l.text, l.indent])).toEqual([
      [0, '一二', 2],
      [0, '三四五六', 0],
      [1, '', 2],
      [2, '七八', 2],
    ]);
  });

  it('puts full-width characters on the grid pitch, words at their own width', () => {
    const [line] = layoutParagraphs('公文2026年', 100, { size: 16, lineHeight: 29, indentChars: 0, charPitch: 15.79 }, monoAt(16));
    expect(line.items.map((i) => [i.text, i.width])).toEqual([
      ['公', 15.79],
      ['文', 15.79],
      ['2026', 32],
      ['年', 15.79],
    ]);
  });

  it('fills a GB/T 9704 line with exactly 28 hanzi', () => {
    const pitch = (156 / 28) * (72 / 25.4);
    const width = 156 * (72 / 25.4);
    const lines = layoutParagraphs('字'.repeat(28 * 3 - 2), width, { size: 16, lineHeight: 29, charPitch: pitch }, monoAt(16));
    expect(lines.map((l) => [...l.text].length)).toEqual([26, 28, 28]);
  });

  it('strips leading ideographic spaces (the indent is ours)', () => {
    expect(splitParagraphs('　　正文\n  second ')).toEqual(['正文', 'second']);
  });
});

describe('paginate', () => {
  it('fills the first box, then whole pages, losing nothing', () => {
    const pages = paginate([...'abcdefghij'], 3, 4);
    expect(pages.map((p) => p.join(''))).toEqual(['abc', 'defg', 'hij']);
  });
  it('a first box with no room yields an empty first chunk', () => {
    expect(paginate([1, 2], 0, 5)).toEqual([[], [1, 2]]);
  });
  it('counts whole lines only', () => {
    expect(linesThatFit(225, 225 / 22)).toBe(22);
    expect(linesThatFit(10, 3)).toBe(3);
  });
});

describe('fitToBox', () => {
  it('finds the largest size by binary search (two lines at 8)', () => {
    const r = fitToBox('一二三四五六七八九十', { width: 50, height: 20 }, { maxSize: 20, minSize: 4 }, monoAt);
    expect(r.fits).toBe(true);
    expect(r.size).toBeGreaterThan(7.85);
    expect(r.size).toBeLessThanOrEqual(8);
    expect(r.lines.map((l) => l.text)).toEqual(['一二三四五六', '七八九十']);
  });
  it('returns maxSize when it fits', () => {
    const r = fitToBox('一二三', { width: 100, height: 30 }, { maxSize: 12, minSize: 4 }, monoAt);
    expect(r).toMatchObject({ fits: true, size: 12 });
  });
  it('is limited by height for a single line', () => {
    const r = fitToBox('一二三', { width: 100, height: 15 }, { maxSize: 20, minSize: 4 }, monoAt);
    expect(r.size).toBeGreaterThan(11.85);
    expect(r.size).toBeLessThanOrEqual(12);
  });
  it('reports fits=false at minSize when nothing fits', () => {
    const r = fitToBox('一二三四五六七八九十'.repeat(10), { width: 20, height: 10 }, { maxSize: 12, minSize: 6 }, monoAt);
    expect(r).toMatchObject({ fits: false, size: 6 });
    expect(r.lines.map((l) => l.text).join('')).toBe('一二三四五六七八九十'.repeat(10));
  });
});

describe('fitToBox: words whole, balanced labels', () => {
  it('takes a smaller size rather than split a word (a 登记编号) when one keeps it whole', () => {
    // CXSW-2026-001: 13 characters, 6.5 wide at size 1; the box is 30 wide and 3 lines high
    const r = fitToBox('CXSW-2026-001', { width: 30, height: 40 }, { maxSize: 12, minSize: 4 }, monoAt);
    expect(r.lines.map((l) => l.text)).toEqual(['CXSW-2026-001']);
    expect(r.size).toBeLessThanOrEqual(30 / 6.5);
    expect(r.size).toBeGreaterThan(30 / 6.5 - 0.1);
  });

  it('splits the word only when no size in the range keeps it whole', () => {
    const r = fitToBox('CXSW-2026-001', { width: 10, height: 40 }, { maxSize: 12, minSize: 4 }, monoAt);
    expect(r.fits).toBe(true);
    expect(r.lines.length).toBeGreaterThan(1);
    expect(r.lines.map((l) => l.text).join('')).toBe('CXSW-2026-001');
  });

  it('balances a label and leaves no single character alone on its last line', () => {
    // at 12: 6 characters a line (width 75), 2 lines high
    const plain = fitToBox('科室负责人意见', { width: 75, height: 30 }, { maxSize: 12, minSize: 7 }, monoAt);
    expect(plain.lines.map((l) => l.text)).toEqual(['科室负责人意', '见']);
    const r = fitToBox('科室负责人意见', { width: 75, height: 30 }, { maxSize: 12, minSize: 7, balance: true, hints: { good: [2, 5], avoid: [1, 3, 4, 6] } }, monoAt);
    expect(r.size).toBe(12);
    expect(r.lines.map((l) => l.text)).toEqual(['科室', '负责人意见']);
  });
});

describe('layoutBalanced', () => {
  it('shifts the hints to each paragraph (leading spaces dropped)', () => {
    const lines = layoutBalanced('甲乙\n　一二三四五六七八', 5, { size: 1, lineHeight: 1, hints: { good: [7] } }, monoAt(1));
    // 一二三四五六七八 at offset 4; good break at 7 - 4 = 3 (after 三)
    expect(lines.map((l) => [l.paragraph, l.text])).toEqual([
      [0, '甲乙'],
      [1, '一二三'],
      [1, '四五六七八'],
    ]);
  });
});

describe('layoutParagraphs: justification limit', () => {
  it('leaves ragged a line whose gaps would open wider than MAX_STRETCH_EM', () => {
    expect(MAX_STRETCH_EM).toBe(0.1);
    // 10 wide at size 1: 一…八 and a date of 3.5 that does not fit: 2 over 7 gaps
    const [ragged] = layoutParagraphs('一二三四五六七八2026年1月12日', 10, { size: 1, lineHeight: 1, indentChars: 0 }, monoAt(1));
    expect(ragged.text).toBe('一二三四五六七八');
    expect(ragged.justified).toBe(false);
    const [spaced] = layoutParagraphs('一二三四五六七八2026年1月12日', 10, { size: 1, lineHeight: 1, indentChars: 0, maxStretchEm: 0.3 }, monoAt(1));
    expect(spaced.justified).toBe(true);
  });
});

describe('keepWithPrevious', () => {
  const tail = (...paras: number[]) => paras.map((p, i) => ({ paragraph: p, first: i === 0 || paras[i - 1] !== p }));
  it('moves the last two body lines with the block', () => {
    // paragraph 1 has 3 lines here, paragraph 2 (特此告知。) one
    expect(keepWithPrevious(tail(1, 1, 1, 2), 4)).toBe(2);
  });
  it('moves one more rather than leave a paragraph’s first line alone (orphan)', () => {
    // a three-line paragraph moves whole
    expect(keepWithPrevious(tail(1, 1, 1), 5)).toBe(3);
    expect(keepWithPrevious(tail(0, 1, 1, 1), 5)).toBe(3);
    // its first line on the page before: two lines are enough
    const continued = [{ paragraph: 1, first: false }, { paragraph: 1, first: false }, { paragraph: 1, first: false }];
    expect(keepWithPrevious(continued, 6)).toBe(2);
    // the line left behind is the last of another paragraph
    expect(keepWithPrevious(tail(1, 2, 2), 5)).toBe(2);
  });
  it('moves what there is, never everything on the page, nothing when off', () => {
    expect(keepWithPrevious(tail(1), 3)).toBe(1);
    expect(keepWithPrevious([], 3)).toBe(0);
    expect(keepWithPrevious(tail(1, 1), 2)).toBe(1);
    expect(keepWithPrevious(tail(1, 1, 1), 5, 0)).toBe(0);
  });
});
