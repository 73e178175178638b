/**
 * generateForm / generateBatch: a form definition + an application record + office settings →
 * PDF bytes. Base: blank A4 (default), the office letterhead behind the first page, or the
 * office's fillable PDF for that form (AcroForm fields matched by name, filled with our CJK
 * text engine, flattened). Pure: bytes in, bytes out.
 */
import { PDFDocument } from 'pdf-lib';
import { isIsoDate, type Calendar, type IsoDate } from '../calendar/index.ts';
import { GBT9704 } from '../layout/index.ts';
import { createDocument, fillPdfForm, listFormFields, loadFonts, type FormDocument, type LoadedFonts } from '../pdf/index.ts';
import type { Application } from '../register/types.ts';
import { createContext, fillTemplate, type FormContext } from './context.ts';
import { ExtraInputError, checkExtras, type FormDefinition } from './definition.ts';
import { allocateDocNumber, findIssued, readDocNumber, type IssuedDocNumber } from './docNumber.ts';
import { DocNumberNotUsedError, DocNumberPatternError, DocNumberTakenError, FillableFieldError, MissingInputError } from './errors.ts';
import { allDefinitions, getDefinition } from './registry.ts';
import { docPatternFor, parseSettings, type OfficeSettings, type OfficeSettingsInput } from './settings.ts';
import { officeCalendar } from './officeCalendar.ts';
import { renderRecord, SLIP_TOP } from './render.ts';
import type { FormId } from './ids.ts';

export interface GenerateInput {
  readonly application: Application;
  /** office settings (validated here; parseSettings output or raw JSON-like input) */
  readonly settings: OfficeSettingsInput | OfficeSettings;
  /** from loadFormFonts() or forms-lib/pdf loadFonts(); load once, reuse */
  readonly fonts: LoadedFonts;
  /** 成文日期 and the day computed deadlines run from (YYYY-MM-DD, Asia/Shanghai) */
  readonly today: IsoDate;
  /** the 文号 to print; without it one is allocated from `usedDocNumbers` */
  readonly docNumber?: string;
  /** 文号 already issued (from the log); required to allocate, and an explicit docNumber may not be among them */
  readonly usedDocNumbers?: readonly IssuedDocNumber[];
  /**
   * per-form inputs: reasons, 补正事项, responsible office … (see listForms()[i].extras); an unknown
   * key or a value not of its kind (a date, an amount) is an ExtraInputError naming key and value
   */
  readonly extra?: Readonly<Record<string, string>>;
  /** working-day calendar; default: officeCalendar(settings), i.e. settings.calendar or the national one */
  readonly calendar?: Calendar;
}

export interface GeneratedForm {
  readonly pdf: Uint8Array;
  readonly docNumber?: string;
  readonly pages: number;
  /** context values and extras the wording used, e.g. ['applicant', 'id', 'replyDue', 'x.reasons'] */
  readonly fields: string[];
  /** a date shown was computed on a provisional holiday schedule (marked 「暂定」) */
  readonly provisional: boolean;
}

export interface BatchRecord {
  readonly id: string;
  readonly docNumber?: string;
  /** 0-based page where the record starts */
  readonly firstPage: number;
  /** pages of the record (letters number them — 1 — … within the record) */
  readonly pages: number;
  readonly fields: string[];
  readonly provisional: boolean;
}

export interface GeneratedBatch {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly records: BatchRecord[];
}

/** Fonts for forms: the bundled subset first, then the office's extra fonts, then other fallbacks (e.g. the full Noto). */
export function loadFormFonts(input: { primary: Uint8Array; fallbacks?: Uint8Array[]; settings?: OfficeSettingsInput | OfficeSettings }): LoadedFonts {
  const extra = input.settings ? parseSettings(input.settings).fonts : [];
  return loadFonts({ primary: input.primary, fallbacks: [...extra, ...(input.fallbacks ?? [])] });
}

/** Fields an office fillable PDF may carry; matched by name. */
const COMMON_ACRO: Record<string, string> = {
  编号: '{docNumber?}', 文号: '{docNumber?}', 申请人: '{applicant}', 登记编号: '{id}', 收到日期: '{receivedOn}', 所需信息: '{request?}',
  答复期限: '{replyDue}', 成文日期: '{today}', 日期: '{today}', 机关名称: '{office}', 承办科室: '{department?}',
};

interface Prepared {
  def: FormDefinition;
  settings: OfficeSettings;
  ctx: FormContext;
  docNumber?: string;
}

/** The form an issued entry was made for, when the log names a known type. */
function issuedFor(entry: IssuedDocNumber): { zh: string; id: string } | undefined {
  if (typeof entry === 'string' || entry.type === undefined) return undefined;
  const def = allDefinitions().find((d) => d.id === entry.type || d.zh === entry.type);
  return def ? { zh: def.zh, id: def.id } : { zh: entry.type, id: entry.type };
}

function prepare(type: FormId | string, input: GenerateInput, alsoUsed: readonly string[]): Prepared {
  const def = getDefinition(type);
  if (!input || typeof input !== 'object') throw new MissingInputError(def.zh, 'input', '输入');
  if (!input.application) throw new MissingInputError(def.zh, 'application', '申请记录');
  if (!input.fonts) throw new MissingInputError(def.zh, 'fonts', '字体');
  if (!isIsoDate(input.today)) throw new MissingInputError(def.zh, 'today', `成文日期（YYYY-MM-DD，收到 ${JSON.stringify(input.today)}）`);
  const settings = parseSettings(input.settings);
  // an unknown key or a value not of its kind (amount=abc, a 2月30日) is refused, naming both
  const problems = checkExtras(def, input.extra);
  if (problems.length > 0) throw new ExtraInputError(def, problems);
  let docNumber = input.docNumber?.trim() || undefined;
  if (!def.needsDocNumber && docNumber !== undefined) throw new DocNumberNotUsedError(def.zh, docNumber);
  if (def.needsDocNumber) {
    const pattern = docPatternFor(settings, def.id);
    const used = [...(input.usedDocNumbers ?? []), ...alsoUsed];
    if (docNumber === undefined) {
      if (!pattern) throw new MissingInputError(def.zh, 'docNumber', `文号（或在 settings.docNumbers["${def.id}"] 设置文号格式并提供 usedDocNumbers）`);
      if (input.usedDocNumbers === undefined) throw new MissingInputError(def.zh, 'usedDocNumbers', '已用文号清单（自动编号须知已用文号，以免重号）');
      docNumber = allocateDocNumber(pattern, { type: def.id, year: Number(input.today.slice(0, 4)), used }).docNumber;
    } else if (pattern && !readDocNumber(pattern, docNumber)) {
      throw new DocNumberPatternError(pattern, `文号「${docNumber}」与本文书的文号格式不符`, `document number "${docNumber}" does not match the pattern of this form`);
    }
    // one check for a typed and an allocated 文号 alike: no entry of any type may carry it already
    const taken = findIssued(docNumber, used, pattern);
    if (taken !== undefined) throw new DocNumberTakenError(def.zh, docNumber, issuedFor(taken));
  }
  const ctx = createContext(def, {
    application: input.application,
    settings,
    today: input.today,
    docNumber,
    extra: input.extra ?? {},
    calendar: input.calendar ?? officeCalendar(settings),
    checkGlyphs: (text, field) => input.fonts.check(text, field),
  });
  for (const [key, spec] of Object.entries(def.extras)) {
    if (spec.required && ctx.get(`x.${key}`) === undefined) throw new MissingInputError(def.zh, `extra.${key}`, spec.zh);
  }
  return { def, settings, ctx, docNumber };
}

/** Letters carry GB/T 9704 page numbers (— 1 —); slips and table forms none. In a batch they count per record. */
function pageNumbersFor(def: FormDefinition) {
  return def.kind === 'letter' ? 'gbt9704' : 'none';
}

function topFor(def: FormDefinition, settings: OfficeSettings, firstOfRecord: boolean): number {
  if (settings.letterhead && firstOfRecord) return Math.max(settings.letterheadTop, def.kind === 'slip' ? SLIP_TOP : 0);
  return def.kind === 'slip' ? SLIP_TOP : GBT9704.textBlock.y;
}

async function newDocument(p: Prepared, fonts: LoadedFonts): Promise<FormDocument> {
  return createDocument({
    fonts,
    meta: { title: fillTemplate(p.def.metaTitle, p.ctx), author: p.settings.office.name, subject: p.def.zh, keywords: ['政府信息公开', p.def.zh] },
    letterhead: p.settings.letterhead,
    letterheadOn: 'first',
    pageNumbers: pageNumbersFor(p.def),
  });
}

async function fillFillable(p: Prepared, base: Uint8Array, fonts: LoadedFonts): Promise<{ pdf: Uint8Array; pages: number }> {
  const fields = await listFormFields(base);
  const names = new Set(fields.map((f) => f.name));
  const all = { ...COMMON_ACRO, ...p.def.acroFields };
  const required = [...new Set(['申请人', '登记编号', ...p.def.acroRequired].filter((n) => n in all))];
  const missing = required.filter((n) => !names.has(n));
  if (missing.length > 0) throw new FillableFieldError(p.def.zh, missing, fields.map((f) => f.name));
  const values: Record<string, string> = {};
  for (const [name, tpl] of Object.entries(all)) if (names.has(name)) values[name] = fillTemplate(tpl, p.ctx);
  const pdf = await fillPdfForm(base, { fonts, values, meta: { title: fillTemplate(p.def.metaTitle, p.ctx), author: p.settings.office.name } });
  const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  return { pdf, pages };
}

/** One form for one application. */
export async function generateForm(type: FormId | string, input: GenerateInput): Promise<GeneratedForm> {
  const p = prepare(type, input, []);
  const fillable = p.settings.fillable[p.def.id];
  if (fillable) {
    const { pdf, pages } = await fillFillable(p, fillable, input.fonts);
    return { pdf, pages, docNumber: p.docNumber, fields: [...p.ctx.used].sort(), provisional: p.ctx.provisional };
  }
  const doc = await newDocument(p, input.fonts);
  doc.page();
  renderRecord(doc, p.def, p.ctx, p.settings, input.today, topFor(p.def, p.settings, true));
  const pdf = await doc.finish();
  return { pdf, pages: doc.pageCount, docNumber: p.docNumber, fields: [...p.ctx.used].sort(), provisional: p.ctx.provisional };
}

/**
 * One PDF with one record per section, each starting on a new page (settings, fonts and base
 * of the first input): a letter's pages are numbered per record (— 1 —, — 2 — …, GB/T 9704), the
 * letterhead is behind each record's first page. 文号 allocated in the batch are taken into
 * account for the next record.
 */
export async function generateBatch(type: FormId | string, inputs: readonly GenerateInput[]): Promise<GeneratedBatch> {
  if (!Array.isArray(inputs) || inputs.length === 0) throw new MissingInputError(getDefinition(type).zh, 'inputs', '批量输入（至少一条记录）');
  const issued: string[] = [];
  const prepared = inputs.map((input) => {
    const p = prepare(type, input, issued);
    if (p.docNumber) issued.push(p.docNumber);
    return p;
  });
  const first = prepared[0];
  const records: BatchRecord[] = [];
  const fillable = first.settings.fillable[first.def.id];
  if (fillable) {
    const out = await PDFDocument.create();
    for (const [i, p] of prepared.entries()) {
      const { pdf } = await fillFillable(p, fillable, inputs[i].fonts);
      const src = await PDFDocument.load(pdf, { updateMetadata: false });
      records.push({ id: inputs[i].application.id, docNumber: p.docNumber, firstPage: out.getPageCount(), pages: src.getPageCount(), fields: [...p.ctx.used].sort(), provisional: p.ctx.provisional });
      for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
    }
    out.setTitle(`${first.def.zh}（${prepared.length}份）`, { showInWindowTitleBar: true });
    out.setAuthor(first.settings.office.name);
    out.setLanguage('zh-CN');
    return { pdf: await out.save({ useObjectStreams: true }), pages: out.getPageCount(), records };
  }
  // One section per record: its pages are numbered from — 1 — (letters), and the letterhead is
  // drawn behind its first page, as in a document of its own.
  const doc = await createDocument({
    fonts: inputs[0].fonts,
    meta: { title: `${first.settings.office.name}${first.def.zh}（${prepared.length}份）`, author: first.settings.office.name, subject: first.def.zh, keywords: ['政府信息公开', first.def.zh] },
    letterhead: first.settings.letterhead,
    letterheadOn: 'first',
    pageNumbers: pageNumbersFor(first.def),
  });
  for (const [i, p] of prepared.entries()) {
    const start = doc.section();
    renderRecord(doc, p.def, p.ctx, p.settings, inputs[i].today, topFor(p.def, p.settings, true));
    records.push({ id: inputs[i].application.id, docNumber: p.docNumber, firstPage: start, pages: doc.pageCount - start, fields: [...p.ctx.used].sort(), provisional: p.ctx.provisional });
  }
  return { pdf: await doc.finish(), pages: doc.pageCount, records };
}
