import { PDFDocument, PDFName, PDFString, PDFHexString, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { GBT9704, mmToPt, ptToMm } from '../../layout/index.ts';
import { gb2312Hanzi } from '../charset.ts';
import { MissingGlyphError, TextDoesNotFitError, BasePdfError, InvalidArgumentError } from '../errors.ts';
import { createDocument, loadFonts } from '../index.ts';
import { SUBSET_FONT, coldProcess, darkPixels, fullFont, pdffonts, pdfinfo, pdftotext, renderGray, writePdf } from './poppler.ts';

const fonts = loadFonts({ primary: SUBSET_FONT });
const withFallback = loadFonts({ primary: SUBSET_FONT, fallbacks: [fullFont()] });
const strip = (s: string) => s.replace(/\s+/g, '');
const BLOCK = GBT9704.textBlock;

describe('a generated PDF', () => {
  it('embeds only subset fonts, carries the text and the metadata (title, author, zh-CN)', async () => {
    const doc = await createDocument({ fonts, meta: { title: '政府信息公开申请补正通知书', author: '楚商市人民政府办公室' } });
    doc.drawTitle('补正通知书');
    doc.drawParagraphs('张三：\n你于2026年3月5日提出的政府信息公开申请（楚商公开〔2026〕12号）收悉。');
    const path = writePdf(await doc.finish(), 'meta');
    const rows = pdffonts(path);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toMatchObject({ type: 'CID TrueType', emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(r.name).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    }
    const text = strip(pdftotext(path));
    expect(text).toContain('补正通知书');
    expect(text).toContain('楚商公开〔2026〕12号');
    const info = pdfinfo(path);
    expect(info.Title).toBe('政府信息公开申请补正通知书');
    expect(info.Author).toBe('楚商市人民政府办公室');
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.89 pts \(A4\)/);
    const reread = await PDFDocument.load(await doc.finish());
    const lang = reread.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined).toBe('zh-CN');
  });

  it('short strings leave ink: a 2-character title and a 4-character string', async () => {
    const doc = await createDocument({ fonts, meta: { title: 'ink' }, pageNumbers: 'none' });
    const title = doc.drawTitle('通知', { y: 40 });
    expect(title.lines).toEqual(['通知']);
    doc.drawText(40, 120, '政府信息', { size: 16 });
    const img = renderGray(writePdf(await doc.finish(), 'ink'));
    const em22 = ptToMm(22);
    const titleBox = { x: BLOCK.x + BLOCK.width / 2 - em22, y: 40, width: 2 * em22, height: ptToMm(22 * 1.35) };
    const em16 = ptToMm(16);
    const fourBox = { x: 40, y: 120, width: 4 * em16, height: em16 };
    expect(darkPixels(img, titleBox)).toBeGreaterThan(20);
    expect(darkPixels(img, fourBox)).toBeGreaterThan(20);
    // each of the four characters on its own
    for (let i = 0; i < 4; i++) expect(darkPixels(img, { ...fourBox, x: 40 + i * em16, width: em16 })).toBeGreaterThan(5);
    // and the counter is not fooled: empty paper has none
    expect(darkPixels(img, { x: 40, y: 200, width: 60, height: 20 })).toBe(0);
  });

  it('5,000 hanzi flow onto following pages with every character present, in order', async () => {
    const pool = gb2312Hanzi();
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let text = '';
    for (let i = 0; i < 5000; i++) {
      text += pool[Math.floor(rnd() * pool.length)];
      if (i % 97 === 96) text += '，';
      if (i % 331 === 330) text += '。\n';
      if (i % 211 === 210) text += '2026';
    }
    const doc = await createDocument({ fonts, meta: { title: 'flow' } });
    doc.drawTitle('长文');
    const r = doc.drawParagraphs(text, { field: '正文' });
    expect(r.pages.length).toBeGreaterThan(1);
    const bytes = await doc.finish();
    const path = writePdf(bytes, 'flow');
    const pages = Number(pdfinfo(path).Pages);
    expect(pages).toBe(r.pages.length);
    let all = '';
    for (let p = 1; p <= pages; p++) {
      const pageText = strip(pdftotext(path, { page: p })).replace(new RegExp(`—${p}—$`), '');
      // every page is full (22 lines of the grid) except the last
      all += pageText;
    }
    expect(all).toBe('长文' + strip(text));
    // 22 lines a page: page 2 starts where page 1's 22nd line ended
    const page2Lines = pdftotext(path, { page: 2, layout: true }).split('\n').filter((l) => /\p{Script=Han}/u.test(l));
    expect(page2Lines.length).toBe(GBT9704.body.linesPerPage);
  });

  it('puts 28 characters on a full body line, starting at the 订口 and ending at the text block edge', async () => {
    const doc = await createDocument({ fonts, meta: { title: 'grid' }, pageNumbers: 'none' });
    doc.drawParagraphs('国'.repeat(26 + 28 + 5));
    const path = writePdf(await doc.finish(), 'grid');
    const lines = pdftotext(path, { layout: true }).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.map((l) => [...l].length)).toEqual([26, 28, 5]);
    const img = renderGray(path, 1, 144);
    const lineTop = BLOCK.y + GBT9704.body.linePitch; // second line's box
    const lh = GBT9704.body.linePitch;
    // ink right after the left margin and right before the right edge of the text block, none beyond
    expect(darkPixels(img, { x: BLOCK.x, y: lineTop, width: 3, height: lh })).toBeGreaterThan(0);
    expect(darkPixels(img, { x: BLOCK.x + BLOCK.width - 3, y: lineTop, width: 3, height: lh })).toBeGreaterThan(0);
    expect(darkPixels(img, { x: BLOCK.x + BLOCK.width + 0.3, y: lineTop, width: 10, height: lh })).toBe(0);
    expect(darkPixels(img, { x: BLOCK.x - 10, y: lineTop, width: 9.9, height: lh })).toBe(0);
  });

  it('堃 喆 镕 are drawn from the fallback font (ink), both fonts embedded as subsets', async () => {
    const doc = await createDocument({ fonts: withFallback, meta: { title: 'fallback' }, pageNumbers: 'none' });
    doc.drawText(30, 50, '张堃', { field: '申请人' });
    doc.drawText(30, 70, '王喆', { field: '申请人' });
    doc.drawText(30, 90, '朱镕基', { field: '申请人' });
    const path = writePdf(await doc.finish(), 'fallback');
    const rows = pdffonts(path);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ emb: 'yes', sub: 'yes' });
    expect(new Set(rows.map((r) => r.name)).size).toBe(2);
    const text = strip(pdftotext(path));
    for (const s of ['张堃', '王喆', '朱镕基']) expect(text).toContain(s);
    const img = renderGray(path);
    const em = ptToMm(16);
    expect(darkPixels(img, { x: 30 + em, y: 50, width: em, height: em })).toBeGreaterThan(5); // 堃
    expect(darkPixels(img, { x: 30 + em, y: 70, width: em, height: em })).toBeGreaterThan(5); // 喆
    expect(darkPixels(img, { x: 30 + em, y: 90, width: em, height: em })).toBeGreaterThan(5); // 镕
  });

  it('without a fallback, 堃 raises MissingGlyphError naming the field, before anything is drawn', async () => {
    const doc = await createDocument({ fonts, meta: { title: 'missing' } });
    expect(() => doc.drawText(30, 50, '张堃', { field: '申请人' })).toThrow(MissingGlyphError);
    expect(() => doc.drawParagraphs('朱镕基同志', { field: '正文' })).toThrow(/字段「正文」中的字符「镕」\(U\+9555\)/);
    expect(() => doc.drawTitle('关于王喆的答复', { field: '标题' })).toThrow(/Field "标题": character "喆" \(U\+5586\)/);
  });

  it('page numbers — n —: odd pages right, even pages left, one character in from the text block', async () => {
    const doc = await createDocument({ fonts, meta: { title: 'numbers' } });
    doc.drawParagraphs('字'.repeat(28 * 22 * 2));
    const path = writePdf(await doc.finish(), 'numbers');
    expect(Number(pdfinfo(path).Pages)).toBe(3);
    expect(strip(pdftotext(path, { page: 2 }))).toMatch(/—2—$/);
    const one = ptToMm(14);
    const y = BLOCK.y + BLOCK.height + 7 - 4;
    const right = { x: BLOCK.x + BLOCK.width - one - 25, y, width: 25, height: 8 };
    const left = { x: BLOCK.x + one, y, width: 25, height: 8 };
    const p1 = renderGray(path, 1);
    const p2 = renderGray(path, 2);
    expect(darkPixels(p1, right)).toBeGreaterThan(5);
    expect(darkPixels(p1, left)).toBe(0);
    expect(darkPixels(p2, left)).toBeGreaterThan(5);
    expect(darkPixels(p2, right)).toBe(0);
    // nothing in the outer one-character space
    expect(darkPixels(p1, { x: BLOCK.x + BLOCK.width - one + 0.3, y, width: one - 0.3, height: 8 })).toBe(0);
  });

  it('成文日期 右空四字 with the issuer centred over it and a seal box around both', async () => {
    const doc = await createDocument({ fonts, meta: { title: 'date' }, pageNumbers: 'none' });
    doc.drawParagraphs('特此告知。');
    const r = doc.drawDateWithSeal({ date: { year: 2026, month: 3, day: 5 }, issuer: '楚商市人民政府办公室', seal: { outline: true } });
    expect(r.dateText).toBe('2026年3月5日');
    const right = BLOCK.x + BLOCK.width - 4 * GBT9704.body.charPitch;
    expect(r.dateBox.x + r.dateBox.width).toBeCloseTo(right, 6);
    expect(r.issuerBox!.x + r.issuerBox!.width / 2).toBeCloseTo(r.dateBox.x + r.dateBox.width / 2, 6);
    expect(r.sealBox.x + r.sealBox.width / 2).toBeCloseTo(r.dateBox.x + r.dateBox.width / 2, 6);
    // both lines inside the seal, a little below its centre
    const sealMid = r.sealBox.y + r.sealBox.height / 2;
    expect(r.issuerBox!.y).toBeGreaterThan(r.sealBox.y);
    expect(r.dateBox.y + r.dateBox.height).toBeLessThan(r.sealBox.y + r.sealBox.height);
    expect((r.issuerBox!.y + r.dateBox.y + r.dateBox.height) / 2).toBeGreaterThan(sealMid);
    // the seal's top is within one line of the text above
    expect(r.sealBox.y - (BLOCK.y + GBT9704.body.linePitch)).toBeLessThan(GBT9704.body.linePitch);
    const path = writePdf(await doc.finish(), 'date');
    const text = strip(pdftotext(path));
    expect(text).toContain('楚商市人民政府办公室2026年3月5日');
    const img = renderGray(path);
    expect(darkPixels(img, { ...r.dateBox, x: r.dateBox.x + r.dateBox.width - 6, width: 6 })).toBeGreaterThan(5);
    expect(darkPixels(img, { x: right + 0.5, y: r.dateBox.y, width: 4 * GBT9704.body.charPitch - 1, height: r.dateBox.height * 0.6 })).toBeLessThan(8);
  });

  it('drawTextInBox shrinks a long text to fit, and says when it cannot', async () => {
    const doc = await createDocument({ fonts, meta: { title: 'box' }, pageNumbers: 'none' });
    const box = { x: 30, y: 60, width: 60, height: 12 };
    const plan = doc.fitToBox('湖北省楚商市江汉区解放大道一千二百三十四号', box, { maxSize: 16, minSize: 6 });
    expect(plan.fits).toBe(true);
    expect(plan.lines.join('')).toBe('湖北省楚商市江汉区解放大道一千二百三十四号');
    expect(plan.height).toBeLessThanOrEqual(12 - 1);
    expect(doc.fitToBox('很长的内容'.repeat(100), { x: 0, y: 0, width: 20, height: 5 }).fits).toBe(false);
    const r = doc.drawTextInBox('湖北省楚商市江汉区解放大道一千二百三十四号', box, { maxSize: 16, minSize: 6, field: '通信地址' });
    expect(r.fits).toBe(true);
    expect(r.size).toBeLessThan(16);
    expect(r.size).toBeCloseTo(plan.size, 6);
    expect(r.size).toBeGreaterThanOrEqual(6);
    doc.drawBox(box);
    const path = writePdf(await doc.finish(), 'box');
    expect(strip(pdftotext(path))).toContain('湖北省楚商市江汉区解放大道一千二百三十四号');
    expect(() => doc.drawTextInBox('很长的内容'.repeat(100), { x: 30, y: 100, width: 20, height: 5 }, { minSize: 6, field: '所需信息' })).toThrow(TextDoesNotFitError);
    expect(() => doc.drawTextInBox('x', { x: 0, y: 0, width: -1, height: 5 })).toThrow(InvalidArgumentError);
  });

  it('uses the first page of an office letterhead PDF as the background of page 1', async () => {
    const head = await PDFDocument.create();
    const p = head.addPage([mmToPt(210), mmToPt(297)]);
    p.drawRectangle({ x: mmToPt(28), y: mmToPt(297 - 30), width: mmToPt(156), height: mmToPt(2), color: rgb(0.8, 0, 0) });
    const letterhead = await head.save();
    const doc = await createDocument({ fonts, meta: { title: 'letterhead' }, letterhead });
    doc.drawParagraphs('正文'.repeat(28 * 22));
    const path = writePdf(await doc.finish(), 'letterhead');
    const band = { x: 40, y: 28, width: 100, height: 2 };
    expect(darkPixels(renderGray(path, 1), band, 200)).toBeGreaterThan(50);
    expect(darkPixels(renderGray(path, 2), band, 200)).toBe(0);
    await expect(createDocument({ fonts, meta: { title: 'x' }, letterhead: new Uint8Array([1, 2, 3]) })).rejects.toThrow(BasePdfError);
  });
});

describe('timing (printed, not asserted)', () => {
  it('one page of 600 hanzi: cold (load fonts + first document) and warm', async () => {
    const pool = gb2312Hanzi();
    const text = Array.from({ length: 600 }, (_, i) => pool[(i * 37) % pool.length]).join('');
    const make = async (f: ReturnType<typeof loadFonts>) => {
      const doc = await createDocument({ fonts: f, meta: { title: '计时' } });
      doc.drawParagraphs(text); // 600 + 2 indent cells of the 28 × 22 = 616 on a page
      return doc.finish();
    };
    const t0 = performance.now();
    const cold = loadFonts({ primary: SUBSET_FONT });
    const first = await make(cold);
    const coldMs = performance.now() - t0;
    const warm: number[] = [];
    let last = first;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      last = await make(cold);
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    const path = writePdf(last, 'timing');
    expect(Number(pdfinfo(path).Pages)).toBe(1);
    const fresh = coldProcess();
    console.log(
      `[forms-lib/pdf timing] one page, 600 hanzi. Fresh Node process: module import ${fresh.import.toFixed(0)} ms, ` +
        `loadFonts ${fresh.loadFonts.toFixed(0)} ms, first document ${fresh.firstDoc.toFixed(0)} ms. ` +
        `In this worker: cold ${coldMs.toFixed(0)} ms (loadFonts + first document), ` +
        `warm median ${warm[2].toFixed(0)} ms (min ${warm[0].toFixed(0)}, max ${warm[4].toFixed(0)}), PDF ${(last.length / 1024).toFixed(1)} KiB`,
    );
  });
});
