import { describe, expect, it } from 'vitest';
import { breakParagraph, canBreakBetween, segment, type Unit } from '../linebreak.ts';

/** Test measure: a hanzi or mark is 1 wide, a Latin letter/digit or a space ½. */
const mono = (u: Unit): number => (u.kind === 'char' ? 1 : [...u.text].length * 0.5);
const lines = (text: string, width: number, indent = 0): string[] =>
  breakParagraph(text, { width, measure: mono, indent }).map((l) => l.text);

describe('segment', () => {
  it.each([
    ['楚商公开〔2026〕12号', ['楚', '商', '公', '开', '〔', '2026', '〕', '12', '号']],
    ['增长3.14%以上', ['增', '长', '3.14%', '以', '上']],
    ['见 e-mail: a@b.cn。', ['见', ' ', 'e-mail', ':', ' ', 'a@b.cn', '。']],
    ['第1,000,000元', ['第', '1,000,000', '元']],
    ['Office 2016.', ['Office', ' ', '2016', '.']],
    ['他说——好……', ['他', '说', '—', '—', '好', '…', '…']],
  ])('%s', (text, expected) => {
    expect(segment(text).map((u) => u.text)).toEqual(expected);
  });
});

describe('canBreakBetween', () => {
  const c = (text: string): Unit => ({ text, kind: 'char' });
  it.each([
    ['中', '文', true],
    ['中', '，', false],
    ['中', '」', false],
    ['中', '〕', false],
    ['中', '…', false],
    ['（', '中', false],
    ['〔', '中', false],
    ['“', '中', false],
    ['—', '—', false],
    ['中', '（', true],
    ['。', '中', true],
  ])('%s|%s → %s', (a, b, ok) => {
    expect(canBreakBetween(c(a), c(b))).toBe(ok);
  });
});

describe('breakParagraph: exact lines', () => {
  it.each<[string, string, number, number, string[]]>([
    ['plain hanzi', '一二三四五六七八九十', 4, 0, ['一二三四', '五六七八', '九十']],
    ['exact fit', '一二三四五六七八', 4, 0, ['一二三四', '五六七八']],
    ['first-line indent of 2', '一二三四五六七八', 4, 2, ['一二', '三四五六', '七八']],
    ['，may not start a line: 四 goes down with it', '一二三四，五六', 4, 0, ['一二三', '四，五六']],
    ['。 at the very end goes down with its hanzi', '一二三四。', 4, 0, ['一二三', '四。']],
    ['closing chain 」。 goes down with 四', '一二三四」。五', 4, 0, ['一二三', '四」。五']],
    ['）may not start a line', '甲乙丙（丁）戊', 5, 0, ['甲乙丙', '（丁）戊']],
    ['《 may not end a line', '一二三《四五》', 4, 0, ['一二三', '《四五》']],
    ['“ may not end a line', '他说：“好的”', 4, 0, ['他说：', '“好的”']],
    ['〔 may not end a line', '楚商公开〔2026〕12号', 6, 0, ['楚商公开', '〔2026〕12号']],
    ['〕 may not start a line, 2026 not split', '楚商公开〔2026〕12号', 7, 0, ['楚商公开', '〔2026〕12号']],
    ['digit run kept whole', '第2026号文件', 2, 0, ['第', '2026', '号文', '件']],
    ['digit run breaks around, not inside', '第2026号文件', 3, 0, ['第2026', '号文件']],
    ['—— is not split', '一二三——四', 4, 0, ['一二三', '——四']],
    ['…… is not split and not at line start', '一二三四……', 4, 0, ['一二三', '四……']],
    ['Latin words break at spaces', 'Hello world foo', 6, 0, ['Hello world', 'foo']],
    ['a word longer than the line is split, nothing lost', 'abcdefgh', 2, 0, ['abcd', 'efgh']],
    ['mixed: words stay whole next to hanzi', '使用Excel表格', 3, 0, ['使用', 'Excel', '表格']],
    ['spaces vanish at line edges', '一二 三四 五六', 2.5, 0, ['一二', '三四', '五六']],
    ['empty paragraph gives one empty line', '', 4, 0, ['']],
  ])('%s', (_name, text, width, indent, expected) => {
    expect(lines(text, width, indent)).toEqual(expected);
  });

  it('never loses or reorders a character', () => {
    const text = '根据《中华人民共和国政府信息公开条例》第三十条，请于2026年3月5日前补正（逾期视为放弃）。'.repeat(7);
    for (const width of [1, 2, 3, 5, 8, 13, 28]) {
      const got = lines(text, width).join('');
      expect(got).toBe(text);
    }
  });

  it('no line starts with a closing mark or ends with an opening mark when a legal break exists', () => {
    const text = '（一）申请人应当提供：“身份证明”、《申请表》及【附件】。'.repeat(5);
    for (const width of [4, 5, 6, 7, 9, 11]) {
      const ls = lines(text, width);
      for (const l of ls.slice(1)) expect('，。、；：？！）》」』】〕”’…').not.toContain([...l][0]);
      for (const l of ls.slice(0, -1)) expect('（《「『【〔“‘').not.toContain([...l].at(-1));
    }
  });
});

describe('breakParagraph: justification', () => {
  it('spreads the leftover width over the gaps of a full line; the last line stays left-aligned', () => {
    const [first, second] = breakParagraph('一二三四，五', { width: 4, measure: mono });
    expect(first.text).toBe('一二三');
    expect(first.justified).toBe(true);
    expect(first.items.map((i) => i.x)).toEqual([0, 1.5, 3]);
    expect(second.last).toBe(true);
    expect(second.justified).toBe(false);
    expect(second.items.map((i) => i.x)).toEqual([0, 1, 2]);
  });

  it('does not open a gap inside ——', () => {
    const [first] = breakParagraph('一二——三四五', { width: 4, measure: mono });
    expect(first.text).toBe('一二——');
    expect(first.justified).toBe(false);
    const [a] = breakParagraph('一——二三，', { width: 5, measure: mono });
    expect(a.text).toBe('一——二');
    // natural 4 of 5: 1 unit over 2 gaps (一|——|二), none between the dashes
    expect(a.items.map((i) => i.x)).toEqual([0, 1.5, 2.5, 4]);
  });

  it('indents the first line and justifies within the remaining width', () => {
    const [first] = breakParagraph('一二三四五六七', { width: 5, measure: mono, indent: 2 });
    expect(first.text).toBe('一二三');
    expect(first.items[0].x).toBe(2);
    expect(first.available).toBe(3);
  });
});
