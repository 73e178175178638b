import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  FORM_IDS,
  FORM_TYPES,
  FillableFieldError,
  MissingInputError,
  DocNumberPatternError,
  DocNumberTakenError,
  SettingsError,
  UnknownFormError,
  defineForm,
  formsFor,
  generateBatch,
  generateForm,
  listForms,
} from '../index.ts';
import { APP, SETTINGS, allText, darkPixels, input, pdffonts, pdfinfo, renderGray, words, writePdf } from './helpers.ts';

describe('listForms / FORM_TYPES', () => {
  it('lists the 20 forms in order with Chinese names and whether they carry a 文号', () => {
    const forms = listForms();
    expect(forms.map((f) => f.id)).toEqual([...FORM_IDS]);
    expect(FORM_TYPES).toEqual(forms);
    const byId = Object.fromEntries(forms.map((f) => [f.id, f]));
    expect(byId.receipt).toMatchObject({ zh: '政府信息公开受理回执', needsDocNumber: true, kind: 'slip' });
    expect(byId['handling-form']).toMatchObject({ zh: '依申请公开政府信息办理表', needsDocNumber: false, kind: 'table' });
    expect(byId['reply-not-this-office'].extras.filter((e) => e.required).map((e) => e.key)).toEqual(['reason', 'responsibleOffice', 'responsibleContact']);
    expect(byId['fee-notice'].extras.find((e) => e.key === 'amount')).toMatchObject({ type: 'text', valueKind: 'amount' });
    expect(byId['reply-repeat'].extras.find((e) => e.key === 'previousReplyOn')).toMatchObject({ type: 'date', valueKind: 'date' });
    for (const f of forms) expect(f.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('formsFor', () => {
  it('an open application made in person: intake forms, the 申请表, 补正 / 延期 / 征求意见 / 收费', () => {
    expect(formsFor(APP, 'open')).toEqual(['receipt', 'transfer-notice', 'handling-form', 'application-form', 'correction-notice', 'extension-notice', 'third-party-consultation', 'fee-notice']);
  });

  it('by post, consulting: no 申请表; the 征求意见书 and its 确认函', () => {
    expect(formsFor({ ...APP, channel: '邮寄' }, 'consulting')).toEqual(['receipt', 'transfer-notice', 'handling-form', 'third-party-consultation', 'consultation-confirmation']);
  });

  it('closed with an outcome: the matching replies and decisions only', () => {
    const closed = { ...APP, channel: '网络' as const };
    expect(formsFor({ ...closed, outcome: 'refuse-secret' }, 'closed')).toEqual(['receipt', 'transfer-notice', 'handling-form', 'refusal-decision', 'reply-refuse']);
    expect(formsFor({ ...closed, outcome: 'disclose' }, 'closed')).toEqual(['receipt', 'transfer-notice', 'handling-form', 'disclosure-decision', 'review-form', 'reply-published', 'reply-disclose']);
    expect(formsFor({ ...closed, outcome: 'unable-not-held' }, 'closed')).toEqual(['receipt', 'transfer-notice', 'handling-form', 'reply-not-exist', 'reply-not-this-office']);
    expect(formsFor({ ...closed, outcome: 'not-handled-repeat' }, 'closed')).toEqual(['receipt', 'transfer-notice', 'handling-form', 'reply-repeat']);
    expect(formsFor({ ...closed, outcome: 'refuse-query' }, 'closed')).toEqual(['receipt', 'transfer-notice', 'handling-form', 'reply-special-law']);
  });
});

describe('generateForm inputs and errors', () => {
  it('an unknown type names the known ones', async () => {
    await expect(generateForm('reply-maybe', input())).rejects.toBeInstanceOf(UnknownFormError);
    await expect(generateForm('reply-maybe', input())).rejects.toThrow('未知的文书类型「reply-maybe」');
  });

  it('a missing applicant is named in Chinese and English', async () => {
    const p = generateForm('reply-not-exist', input({ application: { ...APP, applicant: ' ' }, docNumber: '楚商公开〔2026〕70号' }));
    await expect(p).rejects.toBeInstanceOf(MissingInputError);
    await expect(p).rejects.toThrow('缺少必填项「申请人」（application.applicant） / form "政府信息公开申请答复书（信息不存在）" is missing the required input "application.applicant"');
  });

  it('a 文号 is needed: given, or allocated from the issued list', async () => {
    await expect(generateForm('reply-not-exist', input())).rejects.toThrow('usedDocNumbers');
    const r = await generateForm('reply-not-exist', input({ usedDocNumbers: ['楚商公开〔2026〕7号', '楚商公开〔2025〕99号'] }));
    expect(r.docNumber).toBe('楚商公开〔2026〕8号');
    expect(r.fields).toEqual(['applicant', 'contactPerson', 'contactPhone', 'docNumber', 'id', 'office', 'receivedOn', 'request', 'self']);
  });

  it('refuses a 文号 already issued or not of the pattern', async () => {
    await expect(generateForm('reply-not-exist', input({ docNumber: '楚商公开〔2026〕7号', usedDocNumbers: ['楚商公开〔2026〕7号'] }))).rejects.toThrow('已使用，不得重号');
    await expect(generateForm('reply-not-exist', input({ docNumber: '楚商〔2026〕7号' }))).rejects.toBeInstanceOf(DocNumberPatternError);
  });

  it('numbers every type that uses the default pattern from one counter (a 决定书 after a 答复书 does not repeat its 文号)', async () => {
    const used = [{ type: 'reply-not-exist', docNumber: '楚商公开〔2026〕7号' }, { type: 'receipt', docNumber: '楚商公开受〔2026〕3号' }];
    const a = await generateForm('reply-refuse', input({ usedDocNumbers: used, extra: { reasons: '属于国家秘密。' } }));
    expect(a.docNumber).toBe('楚商公开〔2026〕8号');
    const b = await generateForm('disclosure-decision', input({ usedDocNumbers: [...used, { type: 'reply-refuse', docNumber: a.docNumber! }], extra: { content: '资金分配结果', time: '工作日', place: '办公室', method: '查阅', fee: '无' } }));
    expect(b.docNumber).toBe('楚商公开〔2026〕9号');
    // the receipt has its own pattern and its own counter
    const c = await generateForm('receipt', input({ usedDocNumbers: [...used, { type: 'reply-refuse', docNumber: '楚商公开〔2026〕8号' }] }));
    expect(c.docNumber).toBe('楚商公开受〔2026〕4号');
  });

  it('refuses a typed 文号 that a log entry of another type already carries, naming it in Chinese and English', async () => {
    const p = generateForm('reply-refuse', input({ docNumber: '楚商公开〔2026〕7号', usedDocNumbers: [{ type: 'reply-not-exist', docNumber: '楚商公开〔2026〕7号' }], extra: { reasons: '属于国家秘密。' } }));
    await expect(p).rejects.toBeInstanceOf(DocNumberTakenError);
    await expect(p).rejects.toThrow(
      '「政府信息公开申请答复书（不予公开）」的文号「楚商公开〔2026〕7号」已使用（已用于「政府信息公开申请答复书（信息不存在）」），不得重号；请换一个文号，或不指定文号由系统按已用文号自动编号 / ' +
        'form "政府信息公开申请答复书（不予公开）": document number "楚商公开〔2026〕7号" was already issued (by a reply-not-exist) and is never reused',
    );
    // the same number written with padding is the same 文号
    const padded = generateForm('reply-refuse', input({ settings: { ...SETTINGS, docNumbers: { default: '楚商公开〔{year}〕{n:3}号' } }, docNumber: '楚商公开〔2026〕007号', usedDocNumbers: ['楚商公开〔2026〕7号'], extra: { reasons: '属于国家秘密。' } }));
    await expect(padded).rejects.toBeInstanceOf(DocNumberTakenError);
  });

  it('wants today as YYYY-MM-DD', async () => {
    await expect(generateForm('receipt', input({ today: '2026/10/9' as never, docNumber: '楚商公开受〔2026〕1号' }))).rejects.toThrow('「成文日期（YYYY-MM-DD，收到 "2026/10/9"）」（today）');
  });

  it('validates the settings, naming the path', async () => {
    const p = generateForm('receipt', input({ settings: { ...SETTINGS, deadlines: { replyDays: 30 } }, docNumber: '楚商公开受〔2026〕1号' }));
    await expect(p).rejects.toBeInstanceOf(SettingsError);
    await expect(p).rejects.toThrow('$.deadlines.replyDays: 不能大于 20');
  });
});

describe('form definitions are validated when loaded', () => {
  const base = { id: 'reply-repeat' as const, zh: '测试', kind: 'letter' as const, needsDocNumber: false, metaTitle: 't' };
  it('an unknown placeholder is named with its JSON path', () => {
    expect(() => defineForm({ ...base, blocks: [{ t: 'para', text: '{applicant}{x.nope}' }] })).toThrow('$.blocks[0].text: 未知的占位符 {x.nope}');
  });
  it('a table row must span the 156 mm text block', () => {
    expect(() => defineForm({ ...base, blocks: [{ t: 'table', rows: [{ height: 10, cells: [{ width: 100, label: 'a' }] }] }] })).toThrow('$.blocks[0].rows[0]: 行宽 100 毫米，应为版心宽 156 毫米');
  });
});

describe('generateBatch', () => {
  it('one PDF, one record per page, 文号 running on', async () => {
    const apps = ['张三丰', '李四', '王堃'].map((applicant, i) => input({ application: { ...APP, applicant, id: `YSQ-2026-01${i}` }, usedDocNumbers: ['楚商公开〔2026〕7号'] }));
    const r = await generateBatch('reply-not-exist', apps);
    expect(r.records.map((x) => [x.id, x.docNumber, x.firstPage])).toEqual([
      ['YSQ-2026-010', '楚商公开〔2026〕8号', 0],
      ['YSQ-2026-011', '楚商公开〔2026〕9号', 1],
      ['YSQ-2026-012', '楚商公开〔2026〕10号', 2],
    ]);
    const path = writePdf(r.pdf, 'batch');
    expect(Number(pdfinfo(path).Pages)).toBe(3);
    for (const p of [1, 2, 3]) {
      const onPage = words(path).filter((w) => w.page === p).map((w) => w.text).join('');
      expect(onPage).toContain(['张三丰：', '李四：', '王堃：'][p - 1]);
      expect(onPage).toContain(`楚商公开〔2026〕${p + 7}号`);
    }
  });

  it('table forms in a batch: 20 records, 20 pages', async () => {
    const r = await generateBatch('handling-form', Array.from({ length: 20 }, (_, i) => input({ application: { ...APP, id: `YSQ-2026-${100 + i}` } })));
    expect(r.pages).toBe(20);
    expect(allText(writePdf(r.pdf, 'batch-table'))).toContain('YSQ-2026-119');
  });
});

async function letterhead(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawRectangle({ x: 50, y: 760, width: 495, height: 40, color: { type: 'RGB', red: 0.8, green: 0, blue: 0 } as never });
  return doc.save();
}

describe('base PDFs', () => {
  it('draws the letterhead behind the first page and starts the text below it', async () => {
    const settings = { ...SETTINGS, letterhead: await letterhead(), letterheadTop: 60 };
    const r = await generateForm('reply-not-exist', input({ settings, docNumber: '楚商公开〔2026〕80号' }));
    const path = writePdf(r.pdf, 'letterhead');
    const img = renderGray(path, 1, 72);
    // the red band (gray ≈ 0.3 × 204 ≈ 61) is there, at 14–28 mm from the top
    expect(darkPixels(img, { x: 20, y: 16, width: 170, height: 10 })).toBeGreaterThan(10_000);
    const title = words(path).find((w) => w.text.includes('答复书'));
    expect(title?.y).toBeGreaterThan(55); // 37 mm without the letterhead
  });

  async function fillable(names: string[]): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    const helv = await doc.embedFont(StandardFonts.Helvetica);
    const form = doc.getForm();
    names.forEach((name, i) => {
      const f = form.createTextField(name);
      f.addToPage(page, { x: 100, y: 700 - i * 40, width: 300, height: 24, font: helv });
    });
    return doc.save();
  }

  it('fills an office fillable PDF by field name, flattened, with our subset fonts', async () => {
    const settings = { ...SETTINGS, fillable: { receipt: await fillable(['编号', '申请人', '收到日期', '答复期限', '登记编号']) } };
    const r = await generateForm('receipt', input({ settings, application: { ...APP, applicant: '王堃' }, docNumber: '楚商公开受〔2026〕12号' }));
    const path = writePdf(r.pdf, 'fillable');
    const text = allText(path);
    for (const v of ['楚商公开受〔2026〕12号', '王堃', '2026年9月28日', '2026年10月23日', 'YSQ-2026-0042']) expect(text).toContain(v);
    for (const row of pdffonts(path)) expect(row).toMatchObject({ emb: 'yes', sub: 'yes' });
    const reread = await PDFDocument.load(r.pdf);
    expect(reread.getForm().getFields()).toHaveLength(0);
  });

  it('a fillable PDF without a required field: error listing the fields it has', async () => {
    const settings = { ...SETTINGS, fillable: { receipt: await fillable(['编号', '姓名', '日期']) } };
    const p = generateForm('receipt', input({ settings, docNumber: '楚商公开受〔2026〕13号' }));
    await expect(p).rejects.toBeInstanceOf(FillableFieldError);
    await expect(p).rejects.toThrow('表单底版缺少字段：申请人、登记编号、收到日期；底版现有字段：编号、姓名、日期');
  });
});
