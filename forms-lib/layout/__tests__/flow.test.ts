import { describe, expect, it } from 'vitest';
import { fitToBox, layoutParagraphs, linesThatFit, paginate, splitParagraphs } from '../flow.ts';
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
