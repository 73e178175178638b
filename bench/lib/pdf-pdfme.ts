/**
 * The pdfme side of the pdf-* benchmarks: the same 答复书 (bench/lib/pdf-dafushu.ts) as a pdfme
 * template of text schemas (@pdfme/generator `generate`, @pdfme/schemas `text`), the same TTF,
 * the same page geometry (GB/T 9704 text block, 二号 title, 文号 四号 right, 小四 body with the
 * same line pitch, issuer and date in 三号, page number). pdfme has no first-line indent, so
 * each paragraph starts with two ideographic spaces; nothing else differs in content.
 * One record = one page; several records = inputs of one generate call = one PDF.
 */
import { BLANK_A4_PDF, type Font, type Template } from '@pdfme/common';
import { generate } from '@pdfme/generator';
import { text } from '@pdfme/schemas';
import { BODY_LINE_MM, BODY_SIZE, type DafushuRecord } from './pdf-dafushu.ts';

const X = 28; // 订口
const W = 156; // 版心 width
const PT = 25.4 / 72;

const field = (name: string, x: number, y: number, width: number, height: number, fontSize: number, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'text',
  position: { x, y },
  width,
  height,
  fontSize,
  fontName: 'NotoSerifSC',
  alignment: 'left',
  verticalAlignment: 'top',
  lineHeight: 1,
  characterSpacing: 0,
  fontColor: '#000000',
  backgroundColor: '',
  ...extra,
});

/** The template: one page of text fields in the places our layout puts the same text. */
export function dafushuTemplate(): Template {
  const titleH = 22 * 1.35 * PT;
  const bodyTop = 37 + titleH + 2 + 8;
  return {
    basePdf: BLANK_A4_PDF,
    schemas: [
      [
        field('title', X, 37, W, titleH, 22, { alignment: 'center', lineHeight: 1.35 }),
        field('docNumber', X, 37 + titleH + 2, W, 7, 14, { alignment: 'right' }),
        field('salutation', X, bodyTop, W, BODY_LINE_MM, BODY_SIZE, { lineHeight: BODY_LINE_MM / (BODY_SIZE * PT) }),
        field('body', X, bodyTop + BODY_LINE_MM, W, 150, BODY_SIZE, { alignment: 'justify', lineHeight: BODY_LINE_MM / (BODY_SIZE * PT) }),
        field('issuer', 100, 228, 70, 8, 16, { alignment: 'center' }),
        field('date', 100, 238.5, 70, 8, 16, { alignment: 'center' }),
        field('pageNumber', 150, 268, 28, 7, 14, { alignment: 'right' }),
      ],
    ] as Template['schemas'],
  };
}

/** The body with each paragraph indented by two ideographic spaces (pdfme has no indent). */
export const indentParagraphs = (body: string): string =>
  body
    .split('\n')
    .map((p) => `\u3000\u3000${p}`)
    .join('\n');

export function dafushuInput(r: DafushuRecord): Record<string, string> {
  return { title: r.title, docNumber: r.docNumber, salutation: r.salutation, body: indentParagraphs(r.body), issuer: r.issuer, date: r.dateText, pageNumber: '— 1 —' };
}

/** pdfme's font option for the TTF (subset on embedding, as pdfme does by default). */
export function pdfmeFont(ttf: Uint8Array): Font {
  return { NotoSerifSC: { data: ttf as Uint8Array<ArrayBuffer>, fallback: true, subset: true } };
}

/** One PDF, one page per record. */
export function pdfmeDafushu(template: Template, font: Font, records: readonly DafushuRecord[]): Promise<Uint8Array> {
  return generate({ template, inputs: records.map(dafushuInput), plugins: { text }, options: { font, title: records[0].title, author: records[0].issuer, lang: 'zh' } });
}
