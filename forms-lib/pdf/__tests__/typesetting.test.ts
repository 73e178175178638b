/**
 * Typesetting rules of FormDocument, read back from the PDF with pdftotext: balanced titles,
 * dates never split, no letter-spaced justified lines, and the signature never alone on a page.
 */
import { describe, expect, it } from 'vitest';
import { wordHints } from '../../layout/index.ts';
import { createDocument, loadFonts, type FormDocument } from '../index.ts';
import { SUBSET_FONT, pdfinfo, pdftotext, writePdf } from './poppler.ts';

const fonts = loadFonts({ primary: SUBSET_FONT });
const strip = (s: string) => s.replace(/\s+/g, '');
/** The text lines of page `page` (pdftotext -layout), trimmed, blank lines and the page number left out. */
const layoutLines = (path: string, page?: number): string[] =>
  pdftotext(path, { layout: true, page })
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^—\s*\d+\s*—$/.test(l));

describe('titles', () => {
  it('rebalance a two-line title: the office name on its own line, not 「答复 / 书」', async () => {
    const doc = await createDocument({ fonts, meta: { title: 't' } });
    const text = '楚雄州商务局（示例）政府信息公开申请答复书';
    const r = doc.drawTitle(text, { breaks: wordHints(text, ['政府信息公开', '申请', '答复书'], [{ start: 0, end: 10 }]) });
    expect(r.lines).toEqual(['楚雄州商务局（示例）', '政府信息公开申请答复书']);
    const path = writePdf(await doc.finish(), 'title');
    expect(layoutLines(path)).toEqual(['楚雄州商务局（示例）', '政府信息公开申请答复书']);
  });

  it('never leave one or two characters alone, even without hints', async () => {
    const doc = await createDocument({ fonts, meta: { title: 't' } });
    // 22 characters at 二号: 20 fit a line, plain breaking would leave 知书
    const r = doc.drawTitle('楚雄州商务局政府信息公开信息处理费收费通知书');
    expect(r.lines).toEqual(['楚雄州商务局政府信息公', '开信息处理费收费通知书']);
    const long = doc.drawTitle('某某省某某市某某县人民政府办公室关于某某事项的政府信息公开申请答复书');
    expect(long.lines.map((l) => [...l].length)).toEqual([17, 17]);
  });
});

describe('body text', () => {
  const REQUEST_008 =
    '我局于2026年11月16日收到您（单位）提出的政府信息公开申请（登记编号：CXSW-2026-008），申请获取“申请公开以下政府信息（含文号、印发日期及附件）：' +
    '1.楚雄州商务局关于促进县域商业体系建设的实施方案（第1项，2024年至2026年各年度版本）；2.州级电子商务进农村综合示范项目资金分配方案及验收报告（第2项，2024年至2026年各年度版本）；' +
    '3.2025年度外贸企业出口奖励资金拨付明细（第3项，2024年至2026年各年度版本）。”';

  it('leaves a line ragged rather than letter-spaced when the next unit leaves a wide hole (008 收费通知书)', async () => {
    const doc = await createDocument({ fonts, meta: { title: 't' } });
    doc.drawParagraphs(REQUEST_008);
    const path = writePdf(await doc.finish(), 'ragged');
    // pdftotext -layout shows a spaced-out line as 「案 及 验 收 报 告 …」
    expect(layoutLines(path)).toEqual([
      '我局于2026年11月16日收到您（单位）提出的政府信息公',
      '开申请（登记编号：CXSW-2026-008），申请获取“申请公开',
      '以下政府信息（含文号、印发日期及附件）：1.楚雄州商务局关',
      '于促进县域商业体系建设的实施方案（第1项，2024年至2026年',
      '各年度版本）；2.州级电子商务进农村综合示范项目资金分配方',
      '案及验收报告（第2项，2024年至2026年各年度版本）；',
      '3.2025年度外贸企业出口奖励资金拨付明细（第3项，2024年至',
      '2026年各年度版本）。”',
    ]);
  });

  it('never splits a date or a 文号 across lines, wherever the paragraph puts it', async () => {
    const doc = await createDocument({ fonts, meta: { title: 't' }, pageNumbers: 'none' });
    const sentence = '于2026年1月12日收到，编号楚商公开〔2026〕12号，至2026年11月20日止';
    const paragraphs = Array.from({ length: 28 }, (_, k) => '字'.repeat(k) + sentence);
    doc.drawParagraphs(paragraphs.join('\n'), { indent: 0 });
    const path = writePdf(await doc.finish(), 'dates');
    const all = Array.from({ length: Number(pdfinfo(path).Pages) }, (_, p) => layoutLines(path, p + 1).map(strip)).flat();
    const whole = /\d{4}年\d{1,2}月\d{1,2}日|〔\d{4}〕\d+号/g;
    const found = all.flatMap((l) => l.match(whole) ?? []);
    expect(found).toHaveLength(28 * 3);
    for (const l of all) {
      expect(l, l).not.toMatch(/(\d{4}年|\d{4}年\d{1,2}月?|\d{1,2}月|\d{1,2}月\d{1,2}|〔\d{4}〕\d*)$/);
    }
  });
});

describe('the signature never stands alone on a page (GB/T 9704 7.3.5)', () => {
  const ISSUER = '楚雄州商务局（示例）';
  const NOTE = '（联系人：张示例，联系电话：0878-0000000）';
  async function letter(bodyChars: number): Promise<{ doc: FormDocument; path: string }> {
    const doc = await createDocument({ fonts, meta: { title: 't' } });
    doc.drawTitle('答复书');
    doc.drawParagraphs('张三：', { indent: 0 });
    const body = Array.from({ length: bodyChars }, (_, i) => '政府信息公开申请答复'[i % 10]).join('');
    doc.drawParagraphs(body);
    doc.drawParagraphs('特此告知。');
    const note = doc.measureParagraphs(NOTE);
    const r = doc.drawDateWithSeal({ date: '2026-11-20', issuer: ISSUER, reserveAfter: note.height });
    doc.moveTo(r.dateBox.y + r.dateBox.height);
    doc.drawParagraphs(NOTE);
    return { doc, path: writePdf(await doc.finish(), 'keep') };
  }

  it('takes the last two body lines (here the end of the body and 特此告知。) to the new page', async () => {
    // title, addressee and 15 body lines: 特此告知。 on line 18 of 22, no room for the seal
    const { path } = await letter(26 + 28 * 13 + 10);
    expect(Number(pdfinfo(path).Pages)).toBe(2);
    expect(layoutLines(path, 2).map(strip)).toEqual(['政府信息公开申请答复', '特此告知。', ISSUER, '2026年11月20日', NOTE]);
  });

  it('at any length of the body, no page holds only the signature and the 附注', async () => {
    for (let lines = 8; lines <= 40; lines++) {
      const { path } = await letter(26 + 28 * (lines - 1));
      const pages = Number(pdfinfo(path).Pages);
      for (let p = 1; p <= pages; p++) {
        const text = strip(pdftotext(path, { page: p })).replace(/—\d+—/, '');
        const rest = text.replace(ISSUER, '').replace('2026年11月20日', '').replace(NOTE, '');
        expect(rest, `${lines} body lines, page ${p}: ${text}`).not.toBe('');
      }
    }
  });
});
