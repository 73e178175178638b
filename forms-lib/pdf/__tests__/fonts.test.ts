import { describe, expect, it } from 'vitest';
import { gb2312Hanzi, subsetCharacters, REQUIRED_PUNCTUATION } from '../charset.ts';
import { FontLoadError, MissingGlyphError } from '../errors.ts';
import { loadFonts } from '../fonts.ts';
import { fontkitForPdfLib } from '../fontkit-adapter.ts';
import { SUBSET_FONT, fullFont } from './poppler.ts';

const RARE = ['堃', '喆', '镕'];

describe('the committed GB 2312 subset', () => {
  const fonts = loadFonts({ primary: SUBSET_FONT });

  it('is a few MB of TrueType', () => {
    expect(SUBSET_FONT.length).toBeLessThan(4 * 1024 * 1024);
    expect([...SUBSET_FONT.subarray(0, 4)]).toEqual([0, 1, 0, 0]); // sfnt version 1.0 = TrueType outlines
  });

  it('has all 6,763 GB 2312 hanzi, ASCII and the required punctuation', () => {
    const hanzi = gb2312Hanzi();
    expect(hanzi).toHaveLength(6763);
    const cp = (ch: string) => ch.codePointAt(0) ?? 0;
    expect(hanzi.filter((ch) => !fonts.primary.has(cp(ch)))).toEqual([]);
    expect([...REQUIRED_PUNCTUATION, '〔', '〕', '—', '…', '·'].filter((ch) => !fonts.primary.has(cp(ch)))).toEqual([]);
    for (let c = 0x20; c <= 0x7e; c++) expect(fonts.primary.has(c)).toBe(true);
    expect(subsetCharacters().length).toBeGreaterThan(7500);
  });

  it('the test names 堃 喆 镕 are outside GB 2312 and outside the subset', () => {
    const hanzi = new Set(gb2312Hanzi());
    for (const ch of RARE) {
      expect(hanzi.has(ch)).toBe(false);
      expect(fonts.faceFor(ch)).toBe(-1);
    }
  });
});

describe('loadFonts', () => {
  it('parses once: pdf-lib gets the already-parsed font object back', () => {
    const fonts = loadFonts({ primary: SUBSET_FONT });
    const adapter = fontkitForPdfLib(fonts.faces);
    expect(adapter.create(fonts.faces[0].bytes)).toBe(fonts.faces[0].font);
    expect(adapter.create(fonts.faces[0].bytes)).toBe(fonts.faces[0].font);
  });

  it('coverage check names the character, its U+ code and the field, in Chinese and English', () => {
    const fonts = loadFonts({ primary: SUBSET_FONT });
    let err: unknown;
    try {
      fonts.check('张堃', '申请人');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MissingGlyphError);
    const e = err as MissingGlyphError;
    expect(e).toMatchObject({ name: 'MissingGlyphError', character: '堃', codePoint: 'U+5803', field: '申请人' });
    expect(e.message).toContain('字段「申请人」中的字符「堃」(U+5803)');
    expect(e.message).toContain('Field "申请人": character "堃" (U+5803)');
  });

  it('takes characters the primary lacks from a fallback font', () => {
    const fonts = loadFonts({ primary: SUBSET_FONT, fallbacks: [fullFont()] });
    for (const ch of RARE) expect(fonts.faceFor(ch)).toBe(1);
    expect(fonts.faceFor('张')).toBe(0);
    expect(() => fonts.check('张堃 王喆 朱镕基', '申请人')).not.toThrow();
    expect(fonts.runs('张堃王')).toEqual([
      { face: 0, text: '张' },
      { face: 1, text: '堃' },
      { face: 0, text: '王' },
    ]);
    // a character in no font at all still fails (U+10FFFD, private use)
    expect(() => fonts.check('\u{10FFFD}', '备注')).toThrow(MissingGlyphError);
  });

  it('measures: a hanzi is 1 em, digits are proportional', () => {
    const fonts = loadFonts({ primary: SUBSET_FONT });
    expect(fonts.width('中文', 16)).toBeCloseTo(32, 6);
    expect(fonts.width('2026', 16)).toBeLessThan(40);
  });

  it('rejects bytes that are not a font', () => {
    expect(() => loadFonts({ primary: new Uint8Array(100) })).toThrow(FontLoadError);
  });
});
