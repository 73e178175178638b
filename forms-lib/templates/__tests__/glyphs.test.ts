/** 生僻字 and characters no font has: the office TTF path (settings.fonts) and errors that name the data field. */
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import subsetFont from 'subset-font';
import { beforeAll, describe, expect, it } from 'vitest';
import { MissingGlyphError, type LoadedFonts } from '../../pdf/index.ts';
import { SUBSET_FONT } from '../../pdf/__tests__/poppler.ts';
import { generateBatch, generateForm, loadFormFonts, type GenerateInput } from '../index.ts';
import { APP, NO_FONT_HAS, SETTINGS, allText, inkOf, input, pdffonts, writePdf } from './helpers.ts';

/** The office's own TTF (settings.fonts): here Noto Serif SC Bold cut to a few 生僻字, so it is told apart from the regular weight by name. */
const BOLD = new URL('../../../node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf', import.meta.url);
let officeTtf: Uint8Array;

beforeAll(async () => {
  officeTtf = await subsetFont(readFileSync(BOLD), '堃喆镕', { targetFormat: 'truetype' });
});

const errorOf = async (p: Promise<unknown>): Promise<MissingGlyphError> => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof MissingGlyphError)) throw new Error(`expected MissingGlyphError, got ${String(e)}`);
  return e;
};

/** Only the bundled GB2312 subset (no full fallback), optionally with the office fonts of the settings. */
const subsetOnly = (settings = SETTINGS): LoadedFonts => loadFormFonts({ primary: SUBSET_FONT, settings });

describe('生僻字 from an office TTF (settings.fonts)', () => {
  it('without the office font and without the full Noto: an error naming 堃 and the 申请人 field', async () => {
    const e = await errorOf(generateForm('reply-not-exist', input({ fonts: subsetOnly(), application: { ...APP, applicant: '王堃' }, docNumber: '楚商公开〔2026〕40号' })));
    expect(e).toMatchObject({ character: '堃', codePoint: 'U+5803', field: '申请人（application.applicant）' });
    expect(e.message).toContain('字段「申请人（application.applicant）」中的字符「堃」(U+5803) 不在已加载的字体中');
    // the advice names what office staff can do, not a library call
    expect(e.message).toContain('命令行在机关设置 JSON 的 "fonts" 中列出字体文件，任务窗格在「设置 › 自有字体」中选择');
    expect(e.message).not.toContain('loadFonts');
    expect(e.message).toContain('Field "申请人（application.applicant）": character "堃" (U+5803)');
  });

  it('with the office font: 堃 喆 镕 are drawn from it, with ink, and it is embedded as a subset', async () => {
    const settings = { ...SETTINGS, fonts: [officeTtf] };
    const r = await generateForm('reply-not-exist', input({ settings, fonts: subsetOnly(settings), application: { ...APP, applicant: '王堃喆镕' }, docNumber: '楚商公开〔2026〕41号' }));
    const path = writePdf(r.pdf, 'office-ttf');
    expect(allText(path)).toContain('王堃喆镕：');
    const rows = pdffonts(path);
    expect(rows.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
    for (const row of rows) expect(row).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    for (const ch of ['堃', '喆', '镕']) expect(inkOf(path, ch)).toBeGreaterThan(20);
  });

  it('the office font is tried before the other fallbacks', async () => {
    const settings = { ...SETTINGS, fonts: [officeTtf] };
    const { fullFont } = await import('../../pdf/__tests__/poppler.ts');
    const fonts = loadFormFonts({ primary: SUBSET_FONT, fallbacks: [fullFont()], settings });
    const r = await generateForm('reply-not-exist', input({ settings, fonts, application: { ...APP, applicant: '王堃' }, docNumber: '楚商公开〔2026〕42号' }));
    expect(pdffonts(writePdf(r.pdf, 'office-first')).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
  });
});

describe('a character no font has names the data field it came from', () => {
  const cases: [string, string, Partial<GenerateInput>, string][] = [
    ['a letter: the request', 'reply-not-exist', { application: { ...APP, request: `资金${NO_FONT_HAS}分配` } }, '所需信息（application.request）'],
    ['a letter: a typed reason (extra)', 'reply-refuse', { extra: { reasons: `涉及${NO_FONT_HAS}秘密` } }, '不予公开理由（extra.reasons）'],
    ['a letter: the office name (settings)', 'reply-not-exist', { settings: { ...SETTINGS, office: { ...SETTINGS.office, name: `楚雄${NO_FONT_HAS}局` } } }, '机关名称（settings.office.name）'],
    ['a letter: the remedies clause (settings)', 'reply-not-exist', { settings: { ...SETTINGS, remedies: { default: `如不服${NO_FONT_HAS}本答复……` } } }, '救济途径（settings.remedies["default"]）'],
    ['a table cell: the 承办科室', 'handling-form', { application: { ...APP, department: `市场${NO_FONT_HAS}科` } }, '承办科室（application.department）'],
    ['a slip: the 通信地址 is not shown, the applicant is', 'receipt', { application: { ...APP, address: `永安路${NO_FONT_HAS}`, applicant: `张${NO_FONT_HAS}` } }, '申请人（application.applicant）'],
    ['a typed 文号', 'reply-not-exist', { settings: { ...SETTINGS, docNumbers: {} }, docNumber: `楚商公开${NO_FONT_HAS}1号` }, '文号（docNumber）'],
  ];
  it.each(cases)('%s', async (_, type, over, field) => {
    const e = await errorOf(generateForm(type, input({ docNumber: type === 'receipt' ? '楚商公开受〔2026〕50号' : type === 'handling-form' ? undefined : '楚商公开〔2026〕50号', ...over })));
    expect(e).toMatchObject({ character: NO_FONT_HAS, codePoint: 'U+E000', field });
    expect(e.message).toContain(`字段「${field}」中的字符「${NO_FONT_HAS}」(U+E000)`);
  });

  it('in an office fillable PDF, and in a batch', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    const helv = await doc.embedFont(StandardFonts.Helvetica);
    ['编号', '申请人', '收到日期', '登记编号'].forEach((name, i) => doc.getForm().createTextField(name).addToPage(page, { x: 100, y: 700 - i * 40, width: 300, height: 24, font: helv }));
    const settings = { ...SETTINGS, fillable: { receipt: await doc.save() } };
    const e = await errorOf(generateForm('receipt', input({ settings, application: { ...APP, applicant: `王${NO_FONT_HAS}` }, docNumber: '楚商公开受〔2026〕51号' })));
    expect(e.field).toBe('申请人（application.applicant）');
    const batch = [input({ usedDocNumbers: [] }), input({ application: { ...APP, id: 'YSQ-2026-0043', request: `第二条${NO_FONT_HAS}` }, usedDocNumbers: [] })];
    expect((await errorOf(generateBatch('reply-not-exist', batch))).field).toBe('所需信息（application.request）');
  });
});
