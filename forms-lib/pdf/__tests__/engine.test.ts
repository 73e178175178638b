import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { unzlibSync } from 'fflate';
import type { PDFRef } from 'pdf-lib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { GBT9704, ptToMm } from '../../layout/index.ts';
import { subsetCharacters } from '../charset.ts';
import { createDocument, fflateDeflate, loadFonts, setDeflate } from '../index.ts';
import { TrueTypeSource, writeSfnt } from '../truetype-subset.ts';
import { SUBSET_FONT, darkPixels, pdffonts, pdfinfo, pdftotext, renderGray, writePdf } from './poppler.ts';

const fonts = loadFonts({ primary: SUBSET_FONT });
const strip = (s: string) => s.replace(/\s+/g, '');
const BLOCK = GBT9704.textBlock;

/** The decoded content streams of page `index`, joined. */
async function pageContent(pdf: Uint8Array, index = 0): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(index);
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs
    .map((ref) => {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) throw new Error('content stream is not a raw stream');
      return new TextDecoder('latin1').decode(unzlibSync(stream.contents));
    })
    .join('\n');
}

describe('shaping', () => {
  it('gives fontkit layout’s glyphs and advances for every character of the subset (fast path included)', () => {
    const face = fonts.primary;
    const mismatched: string[] = [];
    for (const ch of subsetCharacters()) {
      const ours = face.shape(ch);
      const theirs = face.font.layout(ch).glyphs;
      if (theirs.length !== ours.glyphs.length || theirs.some((g, i) => g.id !== ours.glyphs[i] || g.advanceWidth !== ours.advances[i])) mismatched.push(ch);
    }
    expect(mismatched).toEqual([]);
    for (const s of ['2026年3月5日', 'office', '— 1 —', '楚商公复〔2026〕1号', 'ﬁ']) {
      const ours = fonts.primary.shape(s);
      expect(ours.glyphs).toEqual(fonts.primary.font.layout(s).glyphs.map((g) => g.id));
      expect(ours.codePoints.flat().map((c) => String.fromCodePoint(c)).join('')).toBe(s);
    }
  });
});

describe('TrueType subset', () => {
  const src = TrueTypeSource.from(SUBSET_FONT)!;
  const parsed = fontkit.create(SUBSET_FONT as Parameters<typeof fontkit.create>[0]) as fontkit.Font;
  const gidOf = (ch: string) => parsed.glyphForCodePoint(ch.codePointAt(0)!).id;

  it('copies the outlines and advances of the glyphs asked for, .notdef first', () => {
    const chars = ['中', '国', '〔', '，', 'A', '2'];
    const { font, oldIds } = src.subset(chars.map(gidOf));
    expect(oldIds).toEqual([0, ...chars.map(gidOf)]);
    const sub = fontkit.create(font as Parameters<typeof fontkit.create>[0]) as fontkit.Font;
    expect(sub.numGlyphs).toBe(chars.length + 1);
    chars.forEach((ch, i) => {
      const a = sub.getGlyph(i + 1);
      const b = parsed.getGlyph(gidOf(ch));
      expect(a.path.toSVG()).toBe(b.path.toSVG());
      expect(a.advanceWidth).toBe(b.advanceWidth);
    });
    expect(sub.getGlyph(0).path.toSVG()).toBe(parsed.getGlyph(0).path.toSVG());
  });

  it('brings the components of a composite glyph and remaps them', () => {
    // Noto Serif SC has no composite glyphs: make a font whose glyph 3 is 中 (glyph 1) over 国 (glyph 2).
    const base = TrueTypeSource.from(src.subset([gidOf('中'), gidOf('国')]).font)!;
    const record = (g: number) => base.glyph(g);
    const composite = new Uint8Array(10 + 2 * 8);
    const cv = new DataView(composite.buffer);
    cv.setInt16(0, -1);
    composite.set(record(1).subarray(2, 10), 2); // bounding box of 中 (good enough)
    // component: flags ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES (| MORE_COMPONENTS), glyph, dx, dy
    cv.setUint16(10, 0x0001 | 0x0002 | 0x0020);
    cv.setUint16(12, 1);
    cv.setInt16(14, 0);
    cv.setInt16(16, 0);
    cv.setUint16(18, 0x0001 | 0x0002);
    cv.setUint16(20, 2);
    cv.setInt16(22, 0);
    cv.setInt16(24, -500);
    const records = [record(0), record(1), record(2), composite.subarray(0, 26)];
    const offsets: number[] = [0];
    for (const r of records) offsets.push(offsets[offsets.length - 1] + ((r.length + 3) & ~3));
    const glyf = new Uint8Array(offsets[4]);
    records.forEach((r, i) => glyf.set(r, offsets[i]));
    const loca = new Uint8Array(4 * 5);
    offsets.forEach((o, i) => new DataView(loca.buffer).setUint32(4 * i, o));
    const hmtx = new Uint8Array(16);
    [0, 1, 2, 1].forEach((g, i) => {
      new DataView(hmtx.buffer).setUint16(4 * i, base.metrics(g).advance);
      new DataView(hmtx.buffer).setInt16(4 * i + 2, base.metrics(g).lsb);
    });
    const head = base.tableBytes('head')!;
    new DataView(head.buffer).setInt16(50, 1);
    const hhea = base.tableBytes('hhea')!;
    new DataView(hhea.buffer).setUint16(34, 4);
    const maxp = base.tableBytes('maxp')!;
    new DataView(maxp.buffer).setUint16(4, 4);
    const crafted = writeSfnt([
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
    ]);
    const csrc = TrueTypeSource.from(crafted)!;
    expect(csrc.componentIds(3)).toEqual([1, 2]);

    const { font, oldIds } = csrc.subset([3]);
    expect(oldIds).toEqual([0, 3, 1, 2]);
    const sub = TrueTypeSource.from(font)!;
    expect(sub.componentIds(1)).toEqual([2, 3]); // remapped to the new ids
    const parsedSub = fontkit.create(font as Parameters<typeof fontkit.create>[0]) as fontkit.Font;
    const parsedCrafted = fontkit.create(crafted as Parameters<typeof fontkit.create>[0]) as fontkit.Font;
    const svg = parsedSub.getGlyph(1).path.toSVG();
    expect(svg).toBe(parsedCrafted.getGlyph(3).path.toSVG());
    expect(svg.length).toBeGreaterThan(parsedSub.getGlyph(2).path.toSVG().length); // both parts are there
  });

  it('refuses what it cannot copy raw: CFF outlines', () => {
    expect(TrueTypeSource.from(new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
  });
});

describe('writing', () => {
  afterEach(() => setDeflate(undefined));

  it('leaves the caller’s font bytes untouched', async () => {
    const before = Uint8Array.from(SUBSET_FONT);
    const doc = await createDocument({ fonts, meta: { title: 'bytes' } });
    doc.drawParagraphs('政府信息公开申请答复书，2026年3月5日。');
    await doc.finish();
    expect(Buffer.compare(Buffer.from(before), SUBSET_FONT)).toBe(0);
  });

  it('one TJ per line (grid spacing as Tc), not one positioned string per character', async () => {
    const doc = await createDocument({ fonts, meta: { title: 'tj' }, pageNumbers: 'none' });
    const r = doc.drawParagraphs('政'.repeat(28 * 3 - 2)); // three full lines after the 2-character indent
    expect(r.lines).toBe(3);
    const content = await pageContent(await doc.finish());
    expect(content.match(/\] TJ/g)).toHaveLength(3);
    expect(content.match(/ Tm/g)).toHaveLength(3);
    expect(content).not.toMatch(/> Tj/);
    // full-width characters on the 28-per-line grid: pitch 156/28 mm at 16 pt
    const tc = Number(/(-?[\d.]+) Tc/.exec(content)?.[1]);
    expect(tc).toBeCloseTo((156 / 28) * (72 / 25.4) - 16, 2);
  });

  it('sections: page numbers restart at 1, one embedded subset for all records', async () => {
    const doc = await createDocument({ fonts, meta: { title: 'batch' } });
    for (const name of ['张三', '李四', '王五']) {
      doc.section();
      doc.drawTitle('政府信息公开申请答复书');
      doc.drawParagraphs(`${name}：\n你的申请已收悉。`);
    }
    expect([0, 1, 2].map((i) => doc.pageNumberOf(i))).toEqual([1, 1, 1]);
    const path = writePdf(await doc.finish(), 'sections');
    expect(Number(pdfinfo(path).Pages)).toBe(3);
    expect(pdffonts(path)).toHaveLength(1);
    for (const [p, name] of [[1, '张三'], [2, '李四'], [3, '王五']] as const) {
      const text = strip(pdftotext(path, { page: p }));
      expect(text).toContain(`${name}：你的申请已收悉。`);
      expect(text).toMatch(/—1—$/);
    }
    // page 2 of a section that runs over is numbered 2 (even: left); the letterhead starts each section
    const letterhead = await PDFDocument.create();
    letterhead.addPage([595.28, 841.89]).drawRectangle({ x: 40, y: 780, width: 300, height: 20 });
    const long = await createDocument({ fonts, meta: { title: 'batch2' }, letterhead: await letterhead.save() });
    long.section();
    long.drawParagraphs('字'.repeat(28 * 22 + 10));
    long.section();
    long.drawParagraphs('短');
    expect([0, 1, 2].map((i) => long.pageNumberOf(i))).toEqual([1, 2, 1]);
    const longPath = writePdf(await long.finish(), 'sections-letterhead');
    const band = { x: 20, y: 297 - 790 * (25.4 / 72), width: 80, height: 2 };
    expect([1, 2, 3].map((p) => darkPixels(renderGray(longPath, p), band) > 50)).toEqual([true, false, true]);
    expect(strip(pdftotext(longPath, { page: 2 }))).toMatch(/—2—$/);
  });

  it('the deflate hook compresses every stream; setDeflate sets the default', async () => {
    let calls = 0;
    const counting = (b: Uint8Array) => {
      calls++;
      return fflateDeflate(b);
    };
    const doc = await createDocument({ fonts, meta: { title: 'deflate' }, deflate: counting });
    doc.drawTitle('通知');
    const path = writePdf(await doc.finish(), 'deflate');
    expect(calls).toBe(3); // font file, ToUnicode, page content
    expect(strip(pdftotext(path))).toContain('通知');
    setDeflate(counting);
    const again = await createDocument({ fonts, meta: { title: 'deflate2' } });
    again.drawTitle('通知');
    await again.finish();
    expect(calls).toBe(6);
  });

  // bwip-js (installed with @pdfme/schemas, the benchmark peer) ships a CFF-outline OpenType font
  const otf = new URL('../../../node_modules/bwip-js/fonts/Inconsolata.otf', import.meta.url);
  it('a CFF (OpenType) face still goes through pdf-lib: embedded subset with ink, next to our TrueType path', async () => {
    const mixed = loadFonts({ primary: readFileSync(otf), fallbacks: [SUBSET_FONT] });
    const doc = await createDocument({ fonts: mixed, meta: { title: 'cff' }, pageNumbers: 'none' });
    doc.drawText(30, 50, 'Abc政府', { field: '混排' });
    const path = writePdf(await doc.finish(), 'cff');
    const rows = pdffonts(path);
    expect(rows.map((r) => r.type).sort()).toEqual(['CID TrueType', 'CID Type 0C']);
    for (const r of rows) expect(r).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    expect(strip(pdftotext(path))).toContain('Abc政府');
    const img = renderGray(path);
    const w = mixed.width('Abc', 16);
    expect(darkPixels(img, { x: 30, y: 50, width: ptToMm(w), height: ptToMm(16) })).toBeGreaterThan(10);
    expect(darkPixels(img, { x: 30 + ptToMm(w), y: 50, width: ptToMm(32), height: ptToMm(16) })).toBeGreaterThan(10);
    expect(darkPixels(img, { x: BLOCK.x, y: 150, width: 50, height: 20 })).toBe(0);
  });
});
