/* eslint-disable no-restricted-imports -- test-only helper: runs poppler-utils through the
   forms-lib/pdf test helpers. Never imported by the core. */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { gb2312Hanzi } from '../../pdf/charset.ts';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { formatChineseDate } from '../../layout/index.ts';
import { MissingGlyphError, loadFonts, type LoadedFonts } from '../../pdf/index.ts';
import { placeholders } from '../definition.ts';
import type { Application } from '../../register/types.ts';
import { generateForm, type GenerateInput, type GeneratedForm } from '../generate.ts';
import type { FormId } from '../ids.ts';
import { getDefinition } from '../registry.ts';
import type { OfficeSettingsInput } from '../settings.ts';
import { SUBSET_FONT, darkPixels, fullFont, pdffonts, pdfinfo, pdftotext, renderGray, writePdf } from '../../pdf/__tests__/poppler.ts';

export { darkPixels, pdffonts, pdfinfo, pdftotext, renderGray, writePdf };

let shared: LoadedFonts | undefined;
/** One fonts object per test file: the GB2312 subset, the full Noto Serif SC as fallback. */
export function fonts(): LoadedFonts {
  shared ??= loadFonts({ primary: SUBSET_FONT, fallbacks: [fullFont()] });
  return shared;
}

/** Seed 004 office (楚雄州商务局, 15 + 15 working days); contact details are test values. */
export const SETTINGS: OfficeSettingsInput = {
  office: { name: '楚雄州商务局', selfName: '我局', unit: '办公室', address: '楚雄市鹿城南路1号', postcode: '675000', contactPerson: '李明', phone: '0878-3118125' },
  docNumbers: { default: '楚商公开〔{year}〕{n}号', receipt: '楚商公开受〔{year}〕{n}号', 'transfer-notice': '楚商公开转〔{year}〕{n}号' },
  deadlines: { replyDays: 15, extensionDays: 15, departmentDays: 5 },
  complaint: '你（贵单位）如果认为我局在政府信息公开工作中未尽职责的，可以依法向云南省商务厅、楚雄州人民政府监察部门或者楚雄州人民政府办公室投诉。',
};

export const APP: Application = {
  row: 2,
  id: 'YSQ-2026-0042',
  receivedOn: '2026-09-28',
  channel: '当面',
  applicantType: '自然人',
  applicant: '张三丰',
  idType: '居民身份证',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  address: '楚雄市永安路8号',
  postcode: '675000',
  request: '2025年度楚雄州商贸流通专项资金分配结果',
  delivery: '邮寄',
  medium: '纸质',
  department: '市场建设科',
  extensionDays: 0,
  extra: {},
};

export const TODAY = '2026-10-09';

export function input(over: Partial<GenerateInput> = {}): GenerateInput {
  return { application: APP, settings: SETTINGS, fonts: fonts(), today: TODAY, ...over };
}

export const strip = (s: string): string => s.replace(/\s+/g, '');

/** All text of a PDF, whitespace and page numbers (— n —) removed. */
export function allText(path: string): string {
  return strip(pdftotext(path)).replace(/—\d+—/g, '');
}

/**
 * 5,000 hanzi with punctuation and digits, deterministic. Drawn from 400 GB2312 hanzi (not all
 * 6,763) to keep the embedded subset, and so the test time, small.
 */
export function longText(n = 5000): string {
  const pool = gb2312Hanzi().slice(0, 400);
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let out = '';
  for (let i = 0; i < n; i++) {
    out += pool[Math.floor(rnd() * pool.length)];
    if (i % 89 === 88) out += '，';
    if (i % 307 === 306) out += '。';
    if (i % 199 === 198) out += '2026';
  }
  return out;
}

interface Word {
  text: string;
  page: number;
  /** mm from the top-left */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Words with their boxes (pdftotext -bbox), in mm. */
export function words(path: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  const mm = (pt: string) => (Number(pt) * 25.4) / 72;
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ text: m[5], page, x: mm(m[1]), y: mm(m[2]), width: mm(m[3]) - mm(m[1]), height: mm(m[4]) - mm(m[2]) });
  }
  return out;
}

/** Dark pixels inside the box of the first word containing `needle` (rendered at 100 dpi). */
export function inkOf(path: string, needle: string): number {
  const w = words(path).find((x) => x.text.includes(needle));
  if (!w) throw new Error(`word containing "${needle}" not found`);
  const img = renderGray(path, w.page, 100);
  return darkPixels(img, { x: w.x, y: w.y, width: w.width, height: w.height });
}

/** The computed dates a definition can print (context.ts); each is 「暂定」 in a year without a schedule. */
const COMPUTED_DATES = ['replyDue', 'replyDueBase', 'extendedDue', 'deptDue', 'supplementDue', 'correctionNoticeDue', 'consultDue', 'feeDue'];

/** Every placeholder name a definition's wording uses (blocks, table cells, signature issuer). */
export function definitionNames(type: FormId): Set<string> {
  const names = new Set<string>();
  const add = (t?: string) => {
    if (t) for (const p of placeholders(t)) names.add(p.name);
  };
  for (const b of getDefinition(type).blocks) {
    if (b.t === 'title' || b.t === 'para') add(b.text);
    if (b.t === 'signature') add(b.issuer ?? '{office}');
    if (b.t === 'docNumber') add(b.label);
    if (b.t === 'table') {
      for (const r of b.rows) {
        for (const cell of r.cells) {
          add(cell.value);
          add(cell.label);
        }
      }
    }
  }
  return names;
}

/** The document language (/Lang of the catalog), read with pdf-lib. */
export async function pdfLang(pdf: Uint8Array): Promise<string | undefined> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const lang = doc.catalog.lookup(PDFName.of('Lang'));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}

/** A private-use code point: in no font (bundled subset, full Noto Serif SC, office fonts of the tests). */
export const NO_FONT_HAS = '\uE000';

export interface StandardCase {
  /** extra inputs that make the form complete */
  extra?: Record<string, string>;
  application?: Partial<Application>;
  /** texts the PDF must contain (dates, computed deadlines, fixed wording) */
  expect: string[];
  /**
   * Values the form does not show, by design (e.g. the 审查表 names no applicant; a form dated by
   * hand has no 成文日期). Every other one of 申请人, 登记编号, 收到日期 and 成文日期 (today, with
   * the issuer and seal) must be in the wording and on the PDF.
   */
  hides?: ('applicant' | 'id' | 'receivedOn' | 'today')[];
  /**
   * Forms that print a computed date: the texts they show for a record received on 2027-09-28
   * and issued on 2027-10-11 (no published 2027 schedule), each carrying 「（暂定）」.
   */
  provisional?: string[];
  /** which input carries the 5,000 characters: the request (default) or an extra key */
  long?: { extra: string } | 'request';
  /** a short string whose ink is measured (default: the applicant name) */
  short?: string;
  /** where the 生僻字 go: the applicant's name (default) or the request, for forms without the applicant */
  kun?: 'applicant' | 'request';
}

const RECORD_FIELDS = { applicant: 'applicant', id: 'id', receivedOn: 'receivedOn' } as const;

/**
 * The checks every template must pass: values (申请人, 登记编号, 收到日期, 成文日期, 文号), PDF
 * metadata (Title, Author = office, Lang zh-CN), 「暂定」 in a year without a schedule, fonts, ink,
 * 5,000-character flow, 生僻字 from the fallback font, and an error naming the data field for a
 * character no font has.
 */
export function standardChecks(type: FormId, c: StandardCase): void {
  const def = getDefinition(type);
  const names = definitionNames(type);
  const app = { ...APP, ...c.application };
  const base = () => input({ application: app, extra: c.extra, usedDocNumbers: ['楚商公开〔2026〕7号', '楚商公开受〔2026〕3号', '楚商公开转〔2026〕5号'] });
  let first: { result: GeneratedForm; path: string } | undefined;
  const once = async () => {
    if (!first) {
      const result = await generateForm(type, base());
      first = { result, path: writePdf(result.pdf, type) };
    }
    return first;
  };

  it('contains the filled values (applicant, 登记编号, 收到日期, 成文日期, deadlines, 文号)', async () => {
    const { result, path } = await once();
    const text = allText(path);
    const values = { applicant: app.applicant, id: app.id, receivedOn: formatChineseDate(app.receivedOn!) };
    for (const key of Object.keys(RECORD_FIELDS) as (keyof typeof RECORD_FIELDS)[]) {
      const shown = !(c.hides ?? []).includes(key);
      expect(names.has(key), `${type} wording uses {${key}}`).toBe(shown);
      expect(result.fields.includes(key), `${type} reports ${key}`).toBe(shown);
      if (shown) expect(text).toContain(strip(values[key]));
    }
    if (!names.has('applicant')) expect(text).not.toContain(app.applicant);
    // 成文日期: the issuer and date with the seal (右空四字), unless the form is dated by hand
    const dated = !(c.hides ?? []).includes('today');
    expect(def.blocks.some((b) => b.t === 'signature'), `${type} has a 成文日期 block`).toBe(dated);
    if (dated) expect(text).toContain(formatChineseDate(TODAY));
    else expect(text).not.toContain(formatChineseDate(TODAY));
    for (const s of c.expect) expect(text).toContain(strip(s));
    if (def.needsDocNumber) {
      expect(result.docNumber).toMatch(/^楚商公开/);
      expect(text).toContain(result.docNumber);
    } else {
      expect(result.docNumber).toBeUndefined();
    }
  });

  it('carries the PDF metadata: Title, Author = the office, Lang zh-CN', async () => {
    const { result, path } = await once();
    const info = pdfinfo(path);
    expect(info.Title).toBe(def.metaTitle.replaceAll('{office}', '楚雄州商务局'));
    expect(info.Author).toBe('楚雄州商务局');
    expect(await pdfLang(result.pdf)).toBe('zh-CN');
  });

  const dated = COMPUTED_DATES.filter((n) => names.has(n));
  if (dated.length > 0) {
    it(`marks its computed date (${dated.join(', ')}) 「暂定」 in a year without a published schedule`, async () => {
      expect(c.provisional, `${type} prints ${dated.join(', ')}: give the expected 2027 text`).toBeDefined();
      const result = await generateForm(type, { ...base(), application: { ...app, receivedOn: '2027-09-28' }, today: '2027-10-11', usedDocNumbers: [] });
      expect(result.provisional).toBe(true);
      const text = allText(writePdf(result.pdf, `${type}-2027`));
      expect(c.provisional!.length).toBeGreaterThan(0);
      for (const p of c.provisional!) {
        expect(p).toContain('（暂定）');
        expect(text).toContain(strip(p));
      }
    });
  } else {
    it('prints no computed date, so nothing is 「暂定」 even in 2027', async () => {
      expect(c.provisional).toBeUndefined();
      const result = await generateForm(type, { ...base(), application: { ...app, receivedOn: '2027-09-28' }, today: '2027-10-11', usedDocNumbers: [] });
      expect(result.provisional).toBe(false);
      expect(allText(writePdf(result.pdf, `${type}-2027`))).not.toContain('暂定');
    });
  }

  it('embeds only subset fonts', async () => {
    const { path } = await once();
    const rows = pdffonts(path);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(r.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('leaves ink for the title and for a short string', async () => {
    const { path } = await once();
    const ws = words(path).filter((w) => w.page === 1);
    const top = ws.reduce((a, b) => (b.y < a.y ? b : a));
    const img = renderGray(path, 1, 100);
    expect(darkPixels(img, { x: top.x, y: top.y, width: top.width, height: top.height })).toBeGreaterThan(200);
    const short = c.short ?? app.applicant;
    expect(inkOf(path, short)).toBeGreaterThan(40);
    // blank paper outside the text block stays blank
    expect(darkPixels(img, { x: 0, y: 0, width: 15, height: 15 })).toBe(0);
  });

  it('flows 5,000 characters onto a second page with nothing lost', async () => {
    const long = longText();
    const b = base();
    const where = c.long ?? 'request';
    const inp = where === 'request' ? { ...b, application: { ...b.application, request: long } } : { ...b, extra: { ...b.extra, [where.extra]: long } };
    const result = await generateForm(type, inp);
    expect(result.pages).toBeGreaterThan(1);
    const path = writePdf(result.pdf, `${type}-long`);
    expect(Number(pdfinfo(path).Pages)).toBe(result.pages);
    expect(allText(path)).toContain(long);
  });

  it('renders 生僻字 (堃 喆 镕) from the full fallback font, with ink', async () => {
    const b = base();
    const application = c.kun === 'request' ? { ...b.application, request: '王堃、李喆、朱镕提出的所需信息' } : { ...b.application, applicant: '王堃喆镕' };
    const result = await generateForm(type, { ...b, application, extra: b.extra?.thirdParty ? { ...b.extra, thirdParty: '王堃' } : b.extra });
    const path = writePdf(result.pdf, `${type}-kun`);
    const text = allText(path);
    expect(text).toContain(c.kun === 'request' ? '王堃、李喆、朱镕' : '王堃喆镕');
    const rows = pdffonts(path);
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r).toMatchObject({ emb: 'yes', sub: 'yes' });
    for (const ch of ['堃', '喆', '镕']) expect(inkOf(path, ch)).toBeGreaterThan(20);
  });

  it('names the data field (not the block) of a character no font has', async () => {
    const b = base();
    const where = c.kun === 'request' ? 'request' : 'applicant';
    const application = { ...b.application, [where]: `王${NO_FONT_HAS}明` };
    const err = await generateForm(type, { ...b, application }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MissingGlyphError);
    const field = where === 'request' ? '所需信息（application.request）' : '申请人（application.applicant）';
    expect(err).toMatchObject({ character: NO_FONT_HAS, codePoint: 'U+E000', field });
    expect((err as Error).message).toContain(`字段「${field}」中的字符「${NO_FONT_HAS}」(U+E000)`);
  });
}
