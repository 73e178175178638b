/**
 * The values a form's wording can use, computed lazily from the application record, the office
 * settings, the day of issue and the extra inputs, with the working-day deadlines of
 * forms-lib/calendar. A computed date in a year without a published schedule gets 「（暂定）」.
 */
import {
  addWorkingDays,
  correctionNoticeDue,
  defaultCalendar,
  defineRules,
  isIsoDate,
  replyDeadline,
  type Calendar,
  type IsoDate,
  type Pause,
} from '../calendar/index.ts';
import { formatChineseDate, normalizeText } from '../layout/index.ts';
import type { OUTCOMES, Application } from '../register/types.ts';
import type { ContextName, FormDefinition } from './definition.ts';
import { MissingInputError } from './errors.ts';
import type { OfficeSettings } from './settings.ts';

/** Chinese labels of the context values, for error messages and the `fields` report. */
export const CONTEXT_LABELS: Record<ContextName, string> = {
  office: '机关名称', self: '机关自称', unit: '政府信息公开工作机构', officeAddress: '机关地址', officePostcode: '机关邮政编码',
  contactPerson: '联系人', contactPhone: '联系电话', officeEmail: '机关电子邮箱',
  applicant: '申请人', id: '登记编号', receivedOn: '收到日期', channel: '申请方式', applicantType: '申请人类型', idType: '证件类型',
  idNumber: '证件号码', phone: '申请人联系电话', address: '通信地址', postcode: '邮政编码', email: '电子邮箱', request: '所需信息',
  delivery: '获取方式', medium: '载体形式', department: '承办科室', note: '备注',
  replyDays: '答复期限（工作日）', extensionDays: '可延长期限（工作日）', extensionClause: '延期说明', replyDue: '答复期限',
  replyDueBase: '原答复期限', extendedDue: '延期后答复期限', grantedExtensionDays: '延长的工作日数', deptDays: '承办期限（工作日）',
  deptDue: '承办期限', supplementDays: '补正期限（工作日）', supplementDue: '补正期限', correctionNoticeDue: '补正告知期限',
  consultDays: '征求意见期限（工作日）', consultDue: '征求意见期限', feeDays: '缴费期限（工作日）', feeDue: '缴费期限',
  refusalReason: '不予公开理由', complaint: '投诉途径', infoName: '主动公开政府信息名称', today: '成文日期', year: '年份', docNumber: '文号',
};

/** 第十四—十六条 reasons by 不予公开 outcome, used when no reasons are typed in. */
export const REFUSAL_REASONS: Partial<Record<(typeof OUTCOMES)[number]['id'], string>> = {
  'refuse-secret': '该政府信息属于国家秘密，根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。',
  'refuse-law': '该政府信息属于法律、行政法规禁止公开的政府信息，根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。',
  'refuse-safety': '该政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。',
  'refuse-third-party': '该政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，根据《中华人民共和国政府信息公开条例》第十五条的规定，不予公开。',
  'refuse-internal': '该政府信息属于行政机关的人事管理、后勤管理、内部工作流程等方面的内部事务信息，根据《中华人民共和国政府信息公开条例》第十六条第一款的规定，不予公开。',
  'refuse-process': '该政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，不予公开。',
  'refuse-enforcement': '该政府信息属于行政执法案卷信息，根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，不予公开。',
};

export interface ContextInput {
  readonly application: Application;
  readonly settings: OfficeSettings;
  readonly today: IsoDate;
  readonly docNumber?: string;
  readonly extra: Readonly<Record<string, string>>;
  readonly calendar?: Calendar;
  /**
   * Glyph check of each value put into the wording (LoadedFonts.check): a character no font has
   * throws MissingGlyphError naming the data field it came from (申请人（application.applicant）),
   * not the block of the form it sits in.
   */
  readonly checkGlyphs?: (text: string, field: string) => void;
}

export interface FormContext {
  /** the value, or undefined when it is not known */
  get(name: string): string | undefined;
  /** the value, or MissingInputError naming it */
  require(name: string): string;
  /** the value for the wording (required, or '' when optional and missing), glyph-checked against the fonts */
  text(name: string, optional?: boolean): string;
  /** the data field a value comes from, e.g. 申请人（application.applicant） or 不予公开的理由（extra.reasons） */
  describe(name: string): string;
  /** names whose values were read (for the `fields` report) */
  readonly used: Set<string>;
  /** true when a date shown depended on a provisional schedule */
  provisional: boolean;
}

const blank = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());

export function createContext(def: FormDefinition, input: ContextInput): FormContext {
  const { application: app, settings, today } = input;
  const cal = input.calendar ?? defaultCalendar;
  const d = settings.deadlines;
  const rules = defineRules({ replyDays: d.replyDays, maxExtensionDays: d.extensionDays, consultationDays: d.consultationDays });
  const cache = new Map<string, string | undefined>();
  const used = new Set<string>();
  if (!isIsoDate(today)) throw new MissingInputError(def.zh, 'today', '成文日期（YYYY-MM-DD）');

  const ctx: FormContext = {
    used,
    provisional: false,
    get(name) {
      if (!cache.has(name)) cache.set(name, compute(name));
      const v = cache.get(name);
      if (v !== undefined) used.add(name);
      return v;
    },
    require(name) {
      const v = ctx.get(name);
      if (v === undefined) throw new MissingInputError(def.zh, fieldOf(name), labelOf(name));
      return v;
    },
    text(name, optional) {
      const v = optional ? (ctx.get(name) ?? '') : ctx.require(name);
      if (input.checkGlyphs && v !== '' && !checked.has(name)) {
        input.checkGlyphs(normalizeText(v), ctx.describe(name));
        checked.add(name);
      }
      return v;
    },
    describe(name) {
      // values with a fallback are named after where this one came from
      if (name === 'infoName' && blank(input.extra.infoName) === undefined) return ctx.describe('request');
      if (name === 'note' && blank(input.extra.note) !== undefined) return `${labelOf(name)}（extra.note）`;
      if (name === 'refusalReason' && blank(input.extra.reasons) === undefined) return `${labelOf(name)}（application.outcome）`;
      return `${labelOf(name)}（${fieldOf(name)}）`;
    },
  };
  const checked = new Set<string>();
  const labelOf = (name: string): string => (name.startsWith('x.') ? (def.extras[name.slice(2)]?.zh ?? name) : (CONTEXT_LABELS[name as ContextName] ?? name));
  const fieldOf = (name: string): string => (name.startsWith('x.') ? `extra.${name.slice(2)}` : fieldPath(name));

  const date = (iso: IsoDate, provisional: boolean): string => {
    if (provisional) ctx.provisional = true;
    return formatChineseDate(iso) + (provisional ? '（暂定）' : '');
  };

  const pauses = (): Pause[] => (app.consultFrom && app.consultTo ? [{ from: app.consultFrom, to: app.consultTo, reason: 'consultation' }] : []);
  const deadline = (extensionDays: number) =>
    replyDeadline({ receivedOn: app.receivedOn, supplementReceivedOn: app.supplementReceivedOn, extensionDays, pauses: pauses() }, { rules, calendar: cal });
  const granted = (): number => (app.extensionDays > 0 ? app.extensionDays : d.extensionDays);
  const afterToday = (n: number) => {
    const r = addWorkingDays(today, n, cal);
    return date(r.date, r.provisional);
  };

  function compute(name: string): string | undefined {
    if (name.startsWith('x.')) {
      const key = name.slice(2);
      const spec = def.extras[key];
      const raw = blank(input.extra[key]) ?? spec?.default;
      if (raw === undefined) return undefined;
      if (spec?.type === 'date') {
        if (!isIsoDate(raw)) throw new MissingInputError(def.zh, `extra.${key}`, `${spec.zh}（日期须为 YYYY-MM-DD / date must be YYYY-MM-DD, got "${raw}"）`);
        return formatChineseDate(raw);
      }
      return raw;
    }
    switch (name as ContextName) {
      case 'office': return settings.office.name;
      case 'self': return settings.office.selfName;
      case 'unit': return settings.office.unit;
      case 'officeAddress': return settings.office.address;
      case 'officePostcode': return settings.office.postcode;
      case 'contactPerson': return settings.office.contactPerson;
      case 'contactPhone': return settings.office.phone;
      case 'officeEmail': return settings.office.email;
      case 'applicant': return blank(app.applicant);
      case 'id': return blank(app.id);
      case 'receivedOn': return app.receivedOn ? formatChineseDate(app.receivedOn) : undefined;
      case 'channel': return app.channel;
      case 'applicantType': return app.applicantType;
      case 'idType': return blank(app.idType);
      case 'idNumber': return blank(app.idNumber);
      case 'phone': return blank(app.phone);
      case 'address': return blank(app.address);
      case 'postcode': return blank(app.postcode);
      case 'email': return blank(app.email);
      case 'request': return blank(app.request);
      case 'delivery': return blank(app.delivery);
      case 'medium': return blank(app.medium);
      case 'department': return blank(app.department);
      case 'note': return blank(input.extra.note) ?? blank(app.note);
      case 'replyDays': return String(d.replyDays);
      case 'extensionDays': return String(d.extensionDays);
      case 'extensionClause': return d.extensionDays > 0 ? `（特殊情况经审批可延长${d.extensionDays}个工作日）` : '';
      case 'replyDue': {
        const r = deadline(app.extensionDays);
        return date(r.due, r.provisional);
      }
      case 'replyDueBase': {
        const r = deadline(0);
        return date(r.due, r.provisional);
      }
      case 'grantedExtensionDays': return String(granted());
      case 'extendedDue': {
        const r = deadline(granted());
        return date(r.due, r.provisional);
      }
      case 'deptDays': return String(d.departmentDays);
      case 'deptDue': return afterToday(d.departmentDays);
      case 'supplementDays': return String(d.supplementDays);
      case 'supplementDue': {
        const typed = blank(input.extra.supplementDue);
        if (typed !== undefined) {
          if (!isIsoDate(typed)) throw new MissingInputError(def.zh, 'extra.supplementDue', '补正期限（YYYY-MM-DD）');
          return formatChineseDate(typed);
        }
        return afterToday(d.supplementDays);
      }
      case 'correctionNoticeDue': {
        const r = correctionNoticeDue(app.receivedOn, { rules, calendar: cal });
        return date(r.due, r.provisional);
      }
      case 'consultDays': return String(d.consultationDays);
      case 'consultDue': return afterToday(d.consultationDays);
      case 'feeDays': return String(d.feePaymentDays);
      case 'feeDue': return afterToday(d.feePaymentDays);
      case 'refusalReason': return blank(input.extra.reasons) ?? (app.outcome ? REFUSAL_REASONS[app.outcome] : undefined);
      case 'complaint': return settings.complaint;
      case 'infoName': return blank(input.extra.infoName) ?? blank(app.request);
      case 'today': return formatChineseDate(today);
      case 'year': return today.slice(0, 4);
      case 'docNumber': return blank(input.docNumber);
      default: return undefined;
    }
  }
  return ctx;
}

/** Where a context value comes from: the record, the settings or the inputs (for messages). */
const FIELD_PATHS: Record<string, string> = {
  applicant: 'application.applicant', id: 'application.id', receivedOn: 'application.receivedOn', channel: 'application.channel',
  applicantType: 'application.applicantType', idType: 'application.idType', idNumber: 'application.idNumber', phone: 'application.phone',
  address: 'application.address', postcode: 'application.postcode', email: 'application.email', request: 'application.request',
  delivery: 'application.delivery', medium: 'application.medium', department: 'application.department', note: 'application.note',
  office: 'settings.office.name', self: 'settings.office.selfName', unit: 'settings.office.unit',
  contactPerson: 'settings.office.contactPerson', contactPhone: 'settings.office.phone', officeAddress: 'settings.office.address',
  officePostcode: 'settings.office.postcode', officeEmail: 'settings.office.email', complaint: 'settings.complaint',
  refusalReason: 'extra.reasons', infoName: 'extra.infoName', docNumber: 'docNumber', today: 'today',
};

function fieldPath(name: string): string {
  return FIELD_PATHS[name] ?? name;
}

/** Sentence-final marks: after one of these (and any closing quotes or brackets) no 。 is added. */
const SENTENCE_END = /[。！？!?…]$/u;
/** Closing quotes and brackets that may stand between a sentence's end mark and the template's 。 */
const CLOSERS = '”’」』）)》';
/** Pause marks a value may end with where the wording ends the sentence: replaced by its 。 */
const PAUSE_END = /[，、；：,;:]$/u;

/**
 * Joins wording and a value that ends a sentence: `text` followed by `closers` (the template's
 * ”, 」 … before its 。) and then 。. Returns what to write instead of text + closers + 。: no 。
 * after a value already ending in 。！？…, e.g. “……结果。” rather than “……结果。”。; a value
 * ending in a pause mark (，；：、) has it replaced by the 。.
 */
export function endSentence(text: string, closers = ''): string {
  const body = text.replace(/\s+$/u, '');
  if (closers === '' && body !== '' && SENTENCE_END.test(body.replace(new RegExp(`[${CLOSERS}]+$`, 'u'), ''))) return body;
  if (SENTENCE_END.test(body)) return body + closers;
  if (closers === '' && PAUSE_END.test(body)) return `${body.slice(0, -1)}。`;
  return `${body}${closers}。`;
}

/** A filled template and where each substituted value sits in it (UTF-16 offsets). */
export interface FilledTemplate {
  text: string;
  values: { name: string; start: number; end: number }[];
}

/**
 * Fills `{name}` / `{name?}` placeholders, and joins a value to the wording's punctuation:
 * a 。 the wording puts after a value (directly, or after closing quotes or brackets, as in
 * 「“{request}”。」) is left out when the value already ends the sentence (endSentence), so a
 * template writes 「理由如下：{x.reason}。」 whatever the user typed; a 。 or pause mark ending the
 * value before the wording's ，；：、 is dropped (「因{x.reason}，」 with a reason ending in 。, and
 * 「“{request}”，」 → 「“……结果”，」).
 */
export function fillTemplateSpans(text: string, ctx: FormContext): FilledTemplate {
  const parts = text.split(/\{([A-Za-z][\w.]*)(\?)?\}/g);
  // parts: literal, name, optional, literal, name, optional, …, literal
  let out = parts[0];
  const values: FilledTemplate['values'] = [];
  for (let k = 1; k < parts.length; k += 3) {
    const name = parts[k];
    const value = ctx.text(name, parts[k + 1] === '?');
    const literal = parts[k + 2];
    const start = out.length;
    const end = new RegExp(`^([${CLOSERS}]*)。`, 'u').exec(literal);
    if (value !== '' && end) {
      const joined = endSentence(value, end[1]);
      out += joined;
      values.push({ name, start, end: start + Math.min(value.trimEnd().length, joined.length) });
      out += literal.slice(end[0].length);
      continue;
    }
    // a value ending in 。，；：、 before the wording's ，；：、 (after closing quotes or not) loses its mark:
    // 「因{x.reason}，」, 「所涉及的“{request}”，」 → “……结果”，
    const pause = new RegExp(`^[${CLOSERS}]*[，；：、]`, 'u');
    const v = value !== '' && pause.test(literal) && /[。，；：、]$/u.test(value.trimEnd()) ? value.trimEnd().slice(0, -1) : value;
    out += v;
    values.push({ name, start, end: start + v.length });
    out += literal;
  }
  return { text: out, values };
}

/** Fills `{name}` / `{name?}` placeholders (see fillTemplateSpans for the punctuation). */
export function fillTemplate(text: string, ctx: FormContext): string {
  return fillTemplateSpans(text, ctx).text;
}

/** Whether a block's `if` / `unless` condition holds. */
export function conditionHolds(block: { if?: string; unless?: string }, ctx: FormContext): boolean {
  if (block.if !== undefined && ctx.get(block.if) === undefined) return false;
  if (block.unless !== undefined && ctx.get(block.unless) !== undefined) return false;
  return true;
}
