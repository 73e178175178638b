/* eslint-disable no-restricted-imports -- test-only helper: runs poppler-utils through the
   forms-lib/pdf test helpers. Never imported by the core. */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { gb2312Hanzi } from '../../pdf/charset.ts';
import { loadFonts, type LoadedFonts } from '../../pdf/index.ts';
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

export interface StandardCase {
  /** extra inputs that make the form complete */
  extra?: Record<string, string>;
  application?: Partial<Application>;
  /** texts the PDF must contain (dates, computed deadlines, fixed wording) */
  expect: string[];
  /** which input carries the 5,000 characters: the request (default) or an extra key */
  long?: { extra: string } | 'request';
  /** a short string whose ink is measured (default: the applicant name) */
  short?: string;
  /** where the 生僻字 goes: the applicant's name (default) or the request, for forms without the applicant */
  kun?: 'applicant' | 'request';
}

/** The checks every template must pass: values, fonts, ink, 5,000-character flow, 生僻字. */
export function standardChecks(type: FormId, c: StandardCase): void {
  const def = getDefinition(type);
  const base = () => input({ application: { ...APP, ...c.application }, extra: c.extra, usedDocNumbers: ['楚商公开〔2026〕7号', '楚商公开受〔2026〕3号', '楚商公开转〔2026〕5号'] });
  let first: { result: GeneratedForm; path: string } | undefined;
  const once = async () => {
    if (!first) {
      const result = await generateForm(type, base());
      first = { result, path: writePdf(result.pdf, type) };
    }
    return first;
  };

  it('contains the filled values (applicant, 登记编号, dates, deadlines, 文号)', async () => {
    const { result, path } = await once();
    const text = allText(path);
    const app = { ...APP, ...c.application };
    if (result.fields.includes('applicant')) expect(text).toContain(app.applicant);
    if (result.fields.includes('id')) expect(text).toContain(app.id);
    for (const s of c.expect) expect(text).toContain(strip(s));
    if (def.needsDocNumber) {
      expect(result.docNumber).toMatch(/^楚商公开/);
      expect(text).toContain(result.docNumber);
    } else {
      expect(result.docNumber).toBeUndefined();
    }
    expect(pdfinfo(path).Author).toBe('楚雄州商务局');
  });

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
    const short = c.short ?? ({ ...APP, ...c.application }).applicant;
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

  it('renders a 生僻字 name (堃) from the full fallback font', async () => {
    const b = base();
    const application = c.kun === 'request' ? { ...b.application, request: '王堃提出的所需信息' } : { ...b.application, applicant: '王堃' };
    const result = await generateForm(type, { ...b, application, extra: { ...b.extra, thirdParty: b.extra?.thirdParty ? '王堃' : '' } });
    const path = writePdf(result.pdf, `${type}-kun`);
    expect(allText(path)).toContain('王堃');
    const rows = pdffonts(path);
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r).toMatchObject({ emb: 'yes', sub: 'yes' });
    expect(inkOf(path, '堃')).toBeGreaterThan(20);
  });
}
