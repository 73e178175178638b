/**
 * Typesetting of the generated documents, read back with pdftotext: punctuation where the wording
 * meets a value, the reply wording, balanced titles and labels, dates never split, and the
 * signature never alone on a page — on the demo's own records (register-sample.xlsx,
 * office-settings.json, demo-extras.json, as `npm run demo` makes them) and on a sweep of lengths.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../addin/port/file/index.ts';
import { loadRegister } from '../../../addin/usecases/register.ts';
import { defineRules } from '../../calendar/index.ts';
import type { Application } from '../../register/types.ts';
import { FORM_IDS, formsFor, generateBatch, generateForm, getDefinition, officeCalendar, parseSettings, type FormId, type GenerateInput } from '../index.ts';
import { APP, allText, fonts, input, pdfinfo, pdftotext, strip, words, writePdf } from './helpers.ts';

const SAMPLES = new URL('../../../test/fixtures/samples/', import.meta.url);
const DEMO_SETTINGS = parseSettings(JSON.parse(fs.readFileSync(new URL('office-settings.json', SAMPLES), 'utf8')));
const DEMO_EXTRAS = JSON.parse(fs.readFileSync(new URL('demo-extras.json', SAMPLES), 'utf8')) as Record<string, Record<string, string>>;
const DEMO_TODAY = '2026-11-20';
const OFFICE = DEMO_SETTINGS.office.name;

/** Text of each page (pdftotext, form feeds), whitespace and page numbers removed. */
function pageTexts(path: string): string[] {
  return pdftotext(path)
    .split('\f')
    .slice(0, Number(pdfinfo(path).Pages))
    .map((p) => strip(p).replace(/—\d+—/g, ''));
}

/** What is left of a page once the signature block (署名, 成文日期, 附注) is taken out. */
function withoutSignature(page: string, type: FormId): string {
  const issuer = type === 'transfer-notice' ? `${OFFICE}${DEMO_SETTINGS.office.unit}` : OFFICE;
  return page
    .replace(issuer, '')
    .replace('2026年11月20日', '')
    .replace(/（联系人：[^）]*）/, '');
}

const demoInput = (type: FormId, application: Application, over: Partial<GenerateInput> = {}): GenerateInput => ({
  application,
  settings: DEMO_SETTINGS,
  fonts: fonts(),
  today: DEMO_TODAY,
  calendar: officeCalendar(DEMO_SETTINGS),
  extra: DEMO_EXTRAS[type],
  usedDocNumbers: [],
  ...over,
});

async function demoRecords(): Promise<{ app: Application; forms: FormId[] }[]> {
  const rules = defineRules({ replyDays: DEMO_SETTINGS.deadlines.replyDays, maxExtensionDays: DEMO_SETTINGS.deadlines.extensionDays });
  const wb = readWorkbook(new Uint8Array(fs.readFileSync(new URL('register-sample.xlsx', SAMPLES))), 'register-sample.xlsx');
  const reg = await loadRegister(wb, undefined, { today: DEMO_TODAY, rules, calendar: officeCalendar(DEMO_SETTINGS) });
  return reg.records.map((app, i) => ({ app, forms: formsFor(app, reg.statuses[i]!.state) }));
}

/** Only the extra inputs the form takes (generateForm refuses others). */
function extrasFor(type: FormId, extra: Record<string, string | undefined>): Record<string, string> {
  const keys = Object.keys(getDefinition(type).extras);
  return Object.fromEntries(Object.entries(extra).filter((e): e is [string, string] => keys.includes(e[0]) && e[1] !== undefined));
}

const signed = FORM_IDS.filter((id) => getDefinition(id).blocks.some((b) => b.t === 'signature'));

describe('punctuation where the wording meets a value', () => {
  it('adds no 。 after a value that ends its sentence, and one after a value that does not', async () => {
    const application = { ...APP, request: '2025年度楚雄州商贸流通专项资金分配结果。' };
    for (const type of FORM_IDS) {
      const extra = extrasFor(type, { ...DEMO_EXTRAS[type], reasons: '属于内部事务信息', previousReplyOn: '2026-08-14', items: '请说明所需信息的年度；', thirdParty: '某公司' });
      const r = await generateForm(type, input({ application, extra, usedDocNumbers: getDefinition(type).needsDocNumber ? [] : undefined }));
      const text = allText(writePdf(r.pdf, `punct-${type}`));
      expect(text, type).not.toMatch(/[。！？][”’」』）]*。/);
      expect(text, type).not.toMatch(/[，；：、]。/);
      expect(text, type).not.toMatch(/。[”’」』）]*[，；：、]/);
    }
  });

  it('答复书（非本机关）: one 经审查, the reason closed by 。', async () => {
    const application = { ...APP, request: '2019年楚雄州商务局与某公司签订的招商引资协议。' };
    const r = await generateForm('reply-not-this-office', input({ application, extra: DEMO_EXTRAS['reply-not-this-office'], docNumber: '楚商公开〔2026〕13号' }));
    const text = allText(writePdf(r.pdf, 'not-this-office'));
    expect(text).toContain(
      '申请获取“2019年楚雄州商务局与某公司签订的招商引资协议。”经审查，现答复如下：' +
        '您（单位）申请获取的政府信息不属于我局负责公开，理由如下：所申请信息由州市场监督管理局制作并保存。' +
        '根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，现告知您（单位）：该政府信息由楚雄州市场监督管理局（示例）负责公开，联系方式：0878-0000099。',
    );
    expect(text.match(/经审查/g)).toHaveLength(1);
  });

  it('a quoted request inside the sentence loses its own 。 before the wording’s ，', async () => {
    const application = { ...APP, request: '2025年度楚雄州商贸流通专项资金分配结果。' };
    const r = await generateForm('consultation-confirmation', input({ application, extra: { thirdParty: '某公司' } }));
    expect(allText(writePdf(r.pdf, 'confirmation'))).toContain('所涉及的“2025年度楚雄州商贸流通专项资金分配结果”，本单位（本人）意见如下：');
  });

  it('closes every reason, request and answer a reply ends with, whether typed with or without 。', async () => {
    const cases: [FormId, Record<string, string>, string][] = [
      ['reply-published', { where: '本局门户网站' }, '获取该政府信息：本局门户网站。'],
      ['reply-disclose', { how: '2026年12月1日到局办公室领取' }, '方式、途径和时间获取：2026年12月1日到局办公室领取。'],
      ['reply-partial', { withheld: '身份证号码', reasons: '涉及个人隐私' }, '身份证号码不予公开，理由如下：涉及个人隐私。'],
      ['reply-refuse', { reasons: '属于内部事务信息；' }, '现答复如下：属于内部事务信息。根据'],
      ['refusal-decision', { reasons: '属于内部事务信息' }, '理由如下：属于内部事务信息。提示：'],
      ['reply-not-exist', { search: '经检索本局档案' }, '现答复如下：经检索本局档案。经检索，'],
      ['correction-notice', { items: '请补充身份证明' }, '作出补正：请补充身份证明。请于'],
      ['fee-notice', { ...DEMO_EXTRAS['fee-notice'], payment: '银行转账！' }, '通过以下方式缴纳：银行转账！自本通知'],
      ['extension-notice', { reason: '需要征求第三方意见。' }, '因需要征求第三方意见，我局无法在'],
    ];
    for (const [type, extra, expected] of cases) {
      const r = await generateForm(type, input({ extra, docNumber: '楚商公开〔2026〕89号' }));
      expect(allText(writePdf(r.pdf, `close-${type}`)), type).toContain(expected);
    }
  });
});

describe('titles and table labels', () => {
  it('a two-line title puts the office name on its first line (no 「答复 / 书」)', async () => {
    const r = await generateForm('reply-not-this-office', demoInput('reply-not-this-office', APP));
    const lines = pdftotext(writePdf(r.pdf, 'title'), { layout: true, page: 1 }).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['楚雄州商务局（示例）', '政府信息公开申请答复书', '楚商公开〔2026〕1号']);
    const fee = await generateForm('fee-notice', demoInput('fee-notice', APP));
    const feeLines = pdftotext(writePdf(fee.pdf, 'title-fee'), { layout: true, page: 1 }).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(feeLines.slice(0, 2)).toEqual(['楚雄州商务局（示例）', '政府信息公开信息处理费收费通知书']);
  });

  /** The lines of the left label column of a table form (x within the first 30 mm cell). */
  const labelColumn = (path: string) =>
    words(path)
      .filter((w) => w.page === 1 && w.x > 28 && w.x + w.width < 58.5 && w.y > 50)
      .sort((a, b) => a.y - b.y)
      .map((w) => w.text);

  it('审查表: labels broken between words, none leaving a single character', async () => {
    const r = await generateForm('review-form', demoInput('review-form', APP));
    expect(labelColumn(writePdf(r.pdf, 'labels-review'))).toEqual([
      '主动公开', '政府信息名称', '受理人及', '受理时间', '科室主动公开', '政府信息', '人意见', '科室负责人', '审查意见',
      '办公室', '审查意见', '政策法规科', '审查意见', '局领导', '审查意见', '备注',
    ]);
  });

  it('办理表 and 申请表: the same for their labels', async () => {
    const h = await generateForm('handling-form', demoInput('handling-form', APP));
    expect(labelColumn(writePdf(h.pdf, 'labels-handling'))).toEqual([
      '申请人名称', '受理人及', '受理时间', '所需信息', '答复期限', '科室', '承办人意见', '科室', '负责人意见', '办公室', '审查意见',
      '政策法规科', '审查意见', '局领导', '审查意见', '备注',
    ]);
    const a = await generateForm('application-form', demoInput('application-form', APP));
    const col = labelColumn(writePdf(a.pdf, 'labels-application'));
    expect(col.slice(4, 10)).toEqual(['所需信息', '内容描述', '（名称、', '文号或者', '其他特征性', '描述）']);
  });
});

describe('the demo documents', () => {
  it('no document’s last page holds only the signature block (署名, 成文日期, 联系人)', async () => {
    const records = await demoRecords();
    let count = 0;
    for (const type of signed) {
      const apps = records.filter((r) => r.forms.includes(type)).map((r) => r.app);
      if (apps.length === 0) continue;
      const batch = await generateBatch(type, apps.map((app) => demoInput(type, app)));
      const pages = pageTexts(writePdf(batch.pdf, `demo-${type}`));
      for (const rec of batch.records) {
        const last = pages[rec.firstPage + rec.pages - 1];
        expect(withoutSignature(last, type), `${rec.id} ${type}: last page ${last}`).not.toBe('');
        count++;
      }
    }
    // the demo's 70 documents less those without a 成文日期: 13 办理表, 3 审查表, 4 申请表, 1 确认函
    expect(count).toBe(70 - 21);
  });

  it('at any length of the request, no page holds only the signature block and no date or 文号 is split', async () => {
    const filler = '于2026年1月12日印发的楚商公开〔2026〕12号文件及2025年12月31日前的附件，';
    for (const type of signed) {
      const vary = type === 'disclosure-decision' ? 'content' : type === 'refusal-decision' ? 'reasons' : 'request';
      const inputs = Array.from({ length: 24 }, (_, k) => {
        const text = filler.repeat(30).slice(0, 13 + 28 * k + (k % 7) * 3) + '。';
        const application = { ...APP, id: `T-${k}`, ...(vary === 'request' ? { request: text } : {}) };
        const extra = extrasFor(type, { ...DEMO_EXTRAS[type], reasons: '该政府信息属于内部事务信息', ...(vary === 'request' ? {} : { [vary]: text }) });
        return demoInput(type, application, { extra });
      });
      const batch = await generateBatch(type, inputs);
      const path = writePdf(batch.pdf, `sweep-${type}`);
      const pages = pageTexts(path);
      for (const rec of batch.records) {
        for (let p = rec.firstPage; p < rec.firstPage + rec.pages; p++) {
          expect(withoutSignature(pages[p], type), `${type} ${rec.id} page ${p - rec.firstPage + 1}: ${pages[p]}`).not.toBe('');
        }
      }
      const lines = pdftotext(path, { layout: true }).split('\n').map(strip);
      for (let i = 0; i + 1 < lines.length; i++) {
        const joined = lines[i] + lines[i + 1];
        for (const m of joined.matchAll(/\d{4}年\d{1,2}月\d{1,2}日|〔\d{4}〕\d+号/g)) {
          const split = m.index < lines[i].length && m.index + m[0].length > lines[i].length;
          expect(split, `${type}: 「${lines[i]}」 / 「${lines[i + 1]}」`).toBe(false);
        }
      }
    }
  });
});
