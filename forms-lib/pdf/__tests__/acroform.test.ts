import { PDFDocument, PDFName, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { mmToPt } from '../../layout/index.ts';
import { FormFieldNotFoundError, MissingGlyphError, TextDoesNotFitError } from '../errors.ts';
import { fillPdfForm, listFormFields, loadFonts } from '../index.ts';
import { SUBSET_FONT, darkPixels, fullFont, pdffonts, pdfinfo, pdftotext, renderGray, writePdf } from './poppler.ts';

const fonts = loadFonts({ primary: SUBSET_FONT });
const withFallback = loadFonts({ primary: SUBSET_FONT, fallbacks: [fullFont()] });
const strip = (s: string) => s.replace(/\s+/g, '');

/** Field rectangles in mm from the top-left of the page. */
const RECTS = {
  申请人: { x: 40, y: 50, width: 60, height: 9 },
  登记编号: { x: 120, y: 50, width: 60, height: 9 },
  所需信息: { x: 40, y: 70, width: 140, height: 30 },
  邮寄: { x: 40, y: 110, width: 5, height: 5 },
};

/** A fillable A4 form made with pdf-lib, as an office might supply it. */
async function makeFillablePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([mmToPt(210), mmToPt(297)]);
  const form = doc.getForm();
  const place = (r: { x: number; y: number; width: number; height: number }) => ({
    x: mmToPt(r.x),
    y: mmToPt(297 - r.y - r.height),
    width: mmToPt(r.width),
    height: mmToPt(r.height),
    borderColor: rgb(0, 0, 0),
    borderWidth: 1,
  });
  form.createTextField('申请人').addToPage(page, place(RECTS.申请人));
  form.createTextField('登记编号').addToPage(page, place(RECTS.登记编号));
  const need = form.createTextField('所需信息');
  need.enableMultiline();
  need.addToPage(page, place(RECTS.所需信息));
  const mail = form.createCheckBox('邮寄');
  mail.addToPage(page, place(RECTS.邮寄));
  mail.check();
  return doc.save();
}

describe('filling an AcroForm PDF', () => {
  it('lists the fields with their rectangles', async () => {
    const fields = await listFormFields(await makeFillablePdf());
    expect(fields.map((f) => f.name)).toEqual(['申请人', '登记编号', '所需信息', '邮寄']);
    const r = fields[0].widgets[0];
    expect(r.page).toBe(0);
    // pdf-lib widens the widget rectangle by half its 1 pt border
    expect(Math.abs(r.rect.x - 40)).toBeLessThan(0.2);
    expect(Math.abs(r.rect.y - 50)).toBeLessThan(0.2);
    expect(Math.abs(r.rect.width - 60)).toBeLessThan(0.4);
  });

  it('draws Chinese values into the field rectangles and removes every field', async () => {
    const base = await makeFillablePdf();
    const need = '2025年度本机关政府信息公开工作年度报告中涉及行政许可、行政处罚和行政强制的统计数据及其依据。';
    const out = await fillPdfForm(base, {
      fonts: withFallback,
      values: { 申请人: '张堃', 登记编号: '楚商公开〔2026〕12号', 所需信息: need },
      meta: { title: '政府信息公开申请表' },
    });
    const path = writePdf(out, 'filled');
    const text = strip(pdftotext(path));
    expect(text).toContain('张堃');
    expect(text).toContain('楚商公开〔2026〕12号');
    expect(text).toContain(strip(need));

    // no form left: no AcroForm, no fields, no widget annotations
    expect(pdfinfo(path).Form).toBe('none');
    const reread = await PDFDocument.load(out);
    expect(reread.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
    expect(reread.getForm().getFields()).toHaveLength(0);
    const annots = reread.getPage(0).node.Annots();
    expect(annots?.size() ?? 0).toBe(0);
    expect(reread.getTitle()).toBe('政府信息公开申请表');

    // only our embedded subset fonts (the primary and, for 堃, the fallback)
    const rows = pdffonts(path);
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r).toMatchObject({ emb: 'yes', sub: 'yes' });

    // ink inside each filled rectangle; the checked box keeps its check mark
    const img = renderGray(path, 1, 144);
    const inner = (r: { x: number; y: number; width: number; height: number }) => ({ x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2 });
    expect(darkPixels(img, inner(RECTS.申请人))).toBeGreaterThan(20);
    expect(darkPixels(img, inner(RECTS.登记编号))).toBeGreaterThan(20);
    expect(darkPixels(img, inner(RECTS.所需信息))).toBeGreaterThan(100);
    expect(darkPixels(img, inner(RECTS.邮寄))).toBeGreaterThan(3);
    // the frame of a filled field is still there (its border)
    expect(darkPixels(img, { x: RECTS.申请人.x, y: RECTS.申请人.y + 2, width: 0.5, height: 5 })).toBeGreaterThan(0);
  });

  it('a misnamed field is an error that lists the fields the PDF has', async () => {
    const base = await makeFillablePdf();
    let err: unknown;
    try {
      await fillPdfForm(base, { fonts, values: { 申请人姓名: '张三', 登记编号: 'X' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormFieldNotFoundError);
    const e = err as FormFieldNotFoundError;
    expect(e.missing).toEqual(['申请人姓名']);
    expect(e.available).toEqual(['申请人', '登记编号', '所需信息', '邮寄']);
    expect(e.message).toContain('PDF 表单中没有字段 「申请人姓名」');
    expect(e.message).toContain('「申请人」、「登记编号」、「所需信息」、「邮寄」');
    expect(e.message).toContain('Fields in this PDF: "申请人", "登记编号", "所需信息", "邮寄"');
  });

  it('a value with a character no font has names the field; one that cannot fit says so', async () => {
    const base = await makeFillablePdf();
    await expect(fillPdfForm(base, { fonts, values: { 申请人: '王喆' } })).rejects.toThrow(MissingGlyphError);
    await expect(fillPdfForm(base, { fonts, values: { 申请人: '王喆' } })).rejects.toThrow(/字段「申请人」中的字符「喆」\(U\+5586\)/);
    await expect(fillPdfForm(base, { fonts, values: { 登记编号: '很长'.repeat(200) } })).rejects.toThrow(TextDoesNotFitError);
  });
});
