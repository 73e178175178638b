/**
 * Our side of the pdf-* benchmarks: the 答复书 of bench/lib/pdf-dafushu.ts through the public
 * API of forms-lib/pdf. One record = one page; several records = one PDF, one section each
 * (page numbers restart, one font subset for all).
 */
import { GBT9704 } from '../../forms-lib/layout/index.ts';
import { createDocument, type FormDocument, type LoadedFonts } from '../../forms-lib/pdf/index.ts';
import { BODY_LINE_MM, BODY_SIZE, type DafushuRecord } from './pdf-dafushu.ts';

const BLOCK = GBT9704.textBlock;

export function drawDafushu(doc: FormDocument, r: DafushuRecord): void {
  doc.drawTitle(r.title, { field: '标题', spaceAfter: 2 });
  doc.drawText(BLOCK.x + BLOCK.width, doc.cursor.y, r.docNumber, { align: 'right', size: 14, field: '文号' });
  doc.moveTo(doc.cursor.y + 8);
  doc.drawParagraphs(r.salutation, { indent: 0, size: BODY_SIZE, lineHeight: BODY_LINE_MM, field: '称谓' });
  doc.drawParagraphs(r.body, { size: BODY_SIZE, lineHeight: BODY_LINE_MM, field: '正文' });
  doc.drawDateWithSeal({ date: r.date, issuer: r.issuer });
}

/** One PDF with one section per record. */
export async function oursDafushu(fonts: LoadedFonts, records: readonly DafushuRecord[]): Promise<Uint8Array> {
  const doc = await createDocument({ fonts, meta: { title: records[0].title, author: records[0].issuer } });
  for (const r of records) {
    doc.section();
    drawDafushu(doc, r);
  }
  return doc.finish();
}
