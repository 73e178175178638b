import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { generateBatch, generateForm } from '../index.ts';
import { APP, SETTINGS, darkPixels, input, longText, pdfinfo, pdftotext, renderGray, strip, words, writePdf } from './helpers.ts';

/** The page number printed on each page (— n —), read with pdftotext per page; null when none. */
function pageNumbers(path: string): (number | null)[] {
  const pages = Number(pdfinfo(path).Pages);
  return Array.from({ length: pages }, (_, i) => {
    const m = [...strip(pdftotext(path, { page: i + 1 })).matchAll(/—(\d+)—/g)];
    expect(m.length, `page ${i + 1}: at most one page number`).toBeLessThanOrEqual(1);
    return m.length ? Number(m[0]![1]) : null;
  });
}

async function letterhead(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawRectangle({ x: 50, y: 760, width: 495, height: 40, color: { type: 'RGB', red: 0.8, green: 0, blue: 0 } as never });
  return doc.save();
}

describe('generateBatch: page numbers per record', () => {
  it('numbers each record\'s pages from — 1 —, as its own document would', async () => {
    const long = longText(3000);
    const apps = [
      { ...APP, id: 'YSQ-2026-0101', applicant: '张三丰' },
      { ...APP, id: 'YSQ-2026-0102', applicant: '李四', request: long },
      { ...APP, id: 'YSQ-2026-0103', applicant: '王五' },
    ];
    const r = await generateBatch('reply-not-exist', apps.map((application) => input({ application, usedDocNumbers: ['楚商公开〔2026〕7号'] })));
    const single = await generateForm('reply-not-exist', input({ application: apps[1], docNumber: '楚商公开〔2026〕99号' }));
    expect(single.pages).toBeGreaterThanOrEqual(3);
    expect(r.records.map((x) => x.pages)).toEqual([1, single.pages, 1]);
    expect(r.records.map((x) => x.firstPage)).toEqual([0, 1, 1 + single.pages]);
    const path = writePdf(r.pdf, 'batch-numbers');
    const expected = [1, ...Array.from({ length: single.pages }, (_, i) => i + 1), 1];
    expect(pageNumbers(path)).toEqual(expected);
    // the same numbers as the record alone
    expect(pageNumbers(writePdf(single.pdf, 'batch-single'))).toEqual(expected.slice(1, 1 + single.pages));
    // each record starts on its own page with its own addressee
    expect(strip(pdftotext(path, { page: 2 }))).toContain('李四：');
    expect(strip(pdftotext(path, { page: 2 + single.pages }))).toContain('王五：');
    // GB/T 9704: odd page numbers on the right, even on the left
    const ws = words(path);
    const numberOn = (page: number) => ws.filter((w) => w.page === page && /^\d+$/.test(w.text)).pop();
    expect(numberOn(2)!.x).toBeGreaterThan(150);
    expect(numberOn(3)!.x).toBeLessThan(60);
  });

  it('the letterhead is behind the first page of every record, not behind its continuation pages', async () => {
    const settings = { ...SETTINGS, letterhead: await letterhead(), letterheadTop: 60 };
    const apps = [{ ...APP, id: 'YSQ-2026-0111', request: longText(3000) }, { ...APP, id: 'YSQ-2026-0112' }];
    const r = await generateBatch('reply-not-exist', apps.map((application) => input({ application, settings, usedDocNumbers: [] })));
    const path = writePdf(r.pdf, 'batch-letterhead');
    const band = (page: number) => darkPixels(renderGray(path, page, 72), { x: 20, y: 16, width: 170, height: 10 });
    const second = r.records[1]!.firstPage + 1;
    expect(band(1)).toBeGreaterThan(10_000);
    expect(band(2)).toBe(0);
    expect(band(second)).toBeGreaterThan(10_000);
    expect(pageNumbers(path)[second - 1]).toBe(1);
  });

  it('slips and table forms print no page numbers, alone or in a batch', async () => {
    const r = await generateBatch('handling-form', [input(), input({ application: { ...APP, id: 'YSQ-2026-0121' } })]);
    expect(pageNumbers(writePdf(r.pdf, 'batch-table-numbers'))).toEqual([null, null]);
    const s = await generateBatch('receipt', [input({ usedDocNumbers: [] }), input({ application: { ...APP, id: 'YSQ-2026-0122' }, usedDocNumbers: [] })]);
    expect(pageNumbers(writePdf(s.pdf, 'batch-slip-numbers'))).toEqual([null, null]);
  });

  it('carries the batch metadata: Title, Author = office', async () => {
    const r = await generateBatch('reply-not-exist', [input({ usedDocNumbers: [] }), input({ application: { ...APP, id: 'YSQ-2026-0131' }, usedDocNumbers: [] })]);
    const info = pdfinfo(writePdf(r.pdf, 'batch-meta'));
    expect(info.Title).toBe('楚雄州商务局政府信息公开申请答复书（信息不存在）（2份）');
    expect(info.Author).toBe('楚雄州商务局');
  });
});
