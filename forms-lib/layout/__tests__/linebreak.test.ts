import { describe, expect, it } from 'vitest';
import { wordHints } from '../hints.ts';
import { breakBalanced, breakParagraph, canBreakBetween, segment, type Unit } from '../linebreak.ts';

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

describe('breakParagraph: dates and 文号 are never split', () => {
  it.each<[string, number, string[]]>([
    // a full line would end in 2026年1 and start the next with 月12日; the date goes down whole
    ['收到日期为2026年1月12日的申请', 8, ['收到日期为', '2026年1月12日的', '申请']],
    ['自2026年11月20日起', 7, ['自', '2026年11月20日', '起']],
    ['截至2026年1月', 5, ['截至', '2026年1月']],
    ['于3月5日前', 3, ['于', '3月5日', '前']],
    ['为2025年度', 3, ['为', '2025年', '度']],
    ['楚商公开〔2026〕12号文件', 9, ['楚商公开', '〔2026〕12号文件']],
    ['见国办函〔2020〕109号', 7, ['见国办函', '〔2020〕109号']],
  ])('%s at width %d', (text, width, expected) => {
    expect(lines(text, width)).toEqual(expected);
  });

  it('keeps every date of a paragraph on one line at every width that can hold it', () => {
    const text = '我局于2026年1月12日收到申请，于2026年11月20日答复，2027年10月22日（暂定）前办结，文号楚商公开〔2026〕12号。'.repeat(3);
    const dates = /\d{4}年\d{1,2}月\d{1,2}日|〔\d{4}〕\d+号/g;
    for (let width = 8; width <= 28; width++) {
      const ls = lines(text, width);
      expect(ls.join('')).toBe(text);
      const found = ls.flatMap((l) => l.match(dates) ?? []);
      expect(found, `width ${width}`).toEqual(text.match(dates));
    }
  });

  it('splits a date longer than the whole line after 年 or 月, not inside a number', () => {
    expect(lines('2026年11月16日收到', 5)).toEqual(['2026年11月', '16日收到']);
    expect(lines('于2026年11月16日', 4)).toEqual(['于', '2026年', '11月16日']);
  });

  it('marks the glued units', () => {
    expect(segment('于2026年1月12日前').map((u) => [u.text, !!u.glue])).toEqual([
      ['于', false],
      ['2026', true],
      ['年', true],
      ['1', true],
      ['月', true],
      ['12', true],
      ['日', false],
      ['前', false],
    ]);
  });
});

describe('breakParagraph: justification limit', () => {
  it('leaves a line ragged when its gaps would open wider than maxStretch', () => {
    // 一二三四五 and then 2026年1月12日 (3.5 wide) does not fit in 8: 3 left over for 4 gaps
    const [wide] = breakParagraph('一二三四五2026年1月12日', { width: 8, measure: mono, maxStretch: 0.5 });
    expect(wide.text).toBe('一二三四五');
    expect(wide.justified).toBe(false);
    expect(wide.items.map((i) => i.x)).toEqual([0, 1, 2, 3, 4]);
    // the same line is justified when the limit allows 0.75 a gap
    const [ok] = breakParagraph('一二三四五2026年1月12日', { width: 8, measure: mono, maxStretch: 0.75 });
    expect(ok.justified).toBe(true);
    expect(ok.items.map((i) => i.x)).toEqual([0, 1.75, 3.5, 5.25, 7]);
  });

  it('still justifies a line pushed by one character (避头尾), not one left short by a date', () => {
    const [pushed] = breakParagraph('一二三四五六七八九十，八', { width: 10, measure: mono, maxStretch: 0.2 });
    expect(pushed.text).toBe('一二三四五六七八九');
    expect(pushed.justified).toBe(true);
    // 2 left over for 7 gaps, 0.29 > 0.2: ragged; with 0.3 allowed it is justified
    const [short] = breakParagraph('一二三四五六七八2026年1月12日', { width: 10, measure: mono, maxStretch: 0.2 });
    expect(short.text).toBe('一二三四五六七八');
    expect(short.justified).toBe(false);
    expect(breakParagraph('一二三四五六七八2026年1月12日', { width: 10, measure: mono, maxStretch: 0.3 })[0].justified).toBe(true);
  });
});

describe('breakBalanced: titles and labels', () => {
  const words = ['政府信息公开', '申请', '答复书', '信息处理费', '收费', '通知书', '科室', '主动公开', '政府信息', '意见', '受理人', '受理时间', '承办人', '审查意见'];
  const balanced = (text: string, width: number, spans: { start: number; end: number }[] = [], shortLine = 2) =>
    breakBalanced(text, { width, measure: mono, hints: wordHints(text, words, spans), shortLine }).map((l) => l.text);

  it.each<[string, number, number, string[], string[]]>([
    // greedy leaves 书 alone; the break goes after the office name
    ['楚雄州商务局（示例）政府信息公开申请答复书', 20, 10, ['楚雄州商务局（示例）政府信息公开申请答复', '书'], ['楚雄州商务局（示例）', '政府信息公开申请答复书']],
    // greedy splits 通知书; the even break between two words wins over the office name (6 / 16)
    ['楚雄州商务局政府信息公开信息处理费收费通知书', 20, 6, ['楚雄州商务局政府信息公开信息处理费收费通', '知书'], ['楚雄州商务局政府信息公开', '信息处理费收费通知书']],
  ])('%s', (text, width, office, greedy, expected) => {
    expect(lines(text, width)).toEqual(greedy);
    expect(balanced(text, width, [{ start: 0, end: office }])).toEqual(expected);
  });

  it('without hints makes the lines even and never leaves one or two characters alone', () => {
    const text = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑';
    expect(lines(text, 20)).toEqual(['一二三四五六七八九十甲乙丙丁戊己庚辛壬癸', '子丑']);
    expect(breakBalanced(text, { width: 20, measure: mono }).map((l) => l.text)).toEqual(['一二三四五六七八九十甲', '乙丙丁戊己庚辛壬癸子丑']);
  });

  it.each<[string, number, string[], string[]]>([
    ['科室主动公开政府信息人意见', 6, ['科室主动公开', '政府信息人意', '见'], ['科室主动公开', '政府信息', '人意见']],
    ['受理人及受理时间', 6, ['受理人及受理', '时间'], ['受理人及', '受理时间']],
    ['科室承办人意见', 6, ['科室承办人意', '见'], ['科室', '承办人意见']],
  ])('label %s: words whole, no single character alone', (text, width, greedy, expected) => {
    expect(lines(text, width)).toEqual(greedy);
    expect(balanced(text, width, [], 1)).toEqual(expected);
  });

  it('uses more lines when the box allows them and they avoid splitting words', () => {
    const text = '所需信息内容描述（名称、文号或者其他特征性描述）';
    const hints = wordHints(text, ['所需信息', '内容描述', '名称', '文号', '或者', '其他', '特征性', '描述'], []);
    const five = breakBalanced(text, { width: 5, measure: mono, hints, shortLine: 1 }).map((l) => l.text);
    expect(five).toHaveLength(5);
    expect(breakBalanced(text, { width: 5, measure: mono, hints, shortLine: 1, maxLines: 8 }).map((l) => l.text)).toEqual([
      '所需信息',
      '内容描述',
      '（名称、',
      '文号或者',
      '其他特征性',
      '描述）',
    ]);
  });

  it('keeps one line when the text fits, and loses nothing', () => {
    expect(balanced('政府信息公开申请答复书', 20)).toEqual(['政府信息公开申请答复书']);
    const text = '依申请公开政府信息办理表'.repeat(4);
    for (const width of [5, 7, 11, 13, 20]) expect(breakBalanced(text, { width, measure: mono }).map((l) => l.text).join('')).toBe(text);
  });
});

describe('wordHints', () => {
  it('good breaks at word and span ends, avoided inside them', () => {
    expect(wordHints('楚雄州商务局政府信息公开申请', ['政府信息公开', '申请'], [{ start: 0, end: 6 }])).toEqual({
      good: [6, 12],
      avoid: [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 13],
    });
  });
});
