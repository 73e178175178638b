import { describe, expect, it } from 'vitest';
import { bracketImbalances } from '../citations.ts';
import { F_ARABIC_DI, F_ASCII_MARK, F_BOOK, F_BOX, F_DI, F_HAN, F_LATIN, F_LINE_BREAK, F_LIST, F_REF_BRACKET, F_SPACE, F_SYMBOL, F_UNBALANCED, F_YEAR_OPEN, textFeatures } from './features.ts';

/** Each bit and the pattern it stands for (the bit is set exactly when the pattern matches). */
const BITS: [string, number, (s: string) => boolean][] = [
  ['space', F_SPACE, (s) => /\s/.test(s)],
  ['han', F_HAN, (s) => /[\u4e00-\u9fff]/.test(s)],
  ['ascii mark', F_ASCII_MARK, (s) => /[,;:?!().]/.test(s)],
  ['latin', F_LATIN, (s) => /[A-Za-z][A-Za-z'’-]/.test(s)],
  ['year open', F_YEAR_OPEN, (s) => /[[［(（【〔]/.test(s)],
  ['book', F_BOOK, (s) => /[《〈]/.test(s)],
  ['di', F_DI, (s) => s.includes('第')],
  ['box', F_BOX, (s) => /[■□]/.test(s)],
  ['list', F_LIST, (s) => /\d\s*[.．、]/.test(s)],
  ['arabic di', F_ARABIC_DI, (s) => /第\s*\d/.test(s)],
  ['unbalanced', F_UNBALANCED, (s) => bracketImbalances(s).length > 0],
  ['line break', F_LINE_BREAK, (s) => /[\r\n\u2028\u2029]/.test(s)],
  ['symbol', F_SYMBOL, (s) => /[^\u4e00-\u9fff0-9A-Za-z]/.test(s)],
  ['ref bracket', F_REF_BRACKET, (s) => /[〔[]/.test(s)],
];

describe('textFeatures', () => {
  it.each([
    ['', []],
    ['政府信息公开', ['han']],
    ['5G网络', ['han']],
    ['《条例》第20条', ['han', 'book', 'di', 'arabic di', 'symbol']],
    ['国办发〔2017〕47号', ['han', 'year open', 'symbol', 'ref bracket']],
    ['1. 《A》；2、B', ['book', 'list', 'ascii mark', 'space', 'symbol']],
    ['流程 and 标准', ['han', 'space', 'latin', 'symbol']],
    ["e'", ['latin', 'symbol']],
    ['a’', ['latin', 'symbol']],
    ['A-', ['latin', 'symbol']],
    ['a b', ['space', 'symbol']],
    ['（未闭合', ['han', 'year open', 'unbalanced', 'symbol']],
    ['■政府网站 □政府公报', ['han', 'box', 'space', 'symbol']],
    ['行\n内', ['han', 'space', 'line break', 'symbol']],
    ['\u3000\u00a0\ufeff\u2029', ['space', 'line break', 'symbol']],
  ])('%j', (text, names) => {
    const f = textFeatures(text);
    expect(BITS.filter(([, bit]) => f & bit).map(([n]) => n).sort()).toEqual([...names].sort());
  });

  it('agrees with each pattern on random text', () => {
    const alphabet = [...'政府第条号《》〈〉（）()【】〔〕[]［］■□．、.,;:?!aZe\'’-09 \t\n\r\u3000\u00a0\ufeff\u2028\u2000\u200b\u0085x好'];
    // a small deterministic generator (LCG)
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = Math.floor(rand() * 8);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const f = textFeatures(s);
      for (const [name, bit, test] of BITS) if (!!(f & bit) !== test(s)) throw new Error(`${name} wrong for ${JSON.stringify(s)}`);
    }
  });
});
