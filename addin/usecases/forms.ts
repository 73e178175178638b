/**
 * Use-case: generate an official form for one application of the register (or a batch), with a
 * 文号 that is never reused (numbers already issued come from the workbook's event log), and log
 * the event in the same workbook. Shared by the task pane, the workbench and the CLI; hosts only
 * supply bytes (fonts, settings files) and save the results.
 */
import { type Calendar, type DeadlineRules, type IsoDate, defineRules } from '../../forms-lib/calendar/index.ts';
import type { LoadedFonts } from '../../forms-lib/pdf/index.ts';
import type { Application, ApplicationStatus } from '../../forms-lib/register/index.ts';
import { LOG_SHEET, readLogEvents } from '../../forms-lib/stats/index.ts';
import {
  type FormId,
  type IssuedDocNumber,
  type OfficeSettings,
  formsFor,
  generateForm,
  getDefinition,
  listForms,
  officeCalendar,
} from '../../forms-lib/templates/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { loadRegister } from './register.ts';
import { logEvents, verifyPortLog } from './stats.ts';

/** A request the user can fix (unknown 登记编号, register errors on that row): zh + en. */
export class FormRequestError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'FormRequestError';
  }
}

const ZH_TO_ID = new Map(listForms().map((f) => [f.zh, f.id] as const));

/** 文号 already issued in this workbook, read from its event log (none when there is no log). */
export async function issuedDocNumbers(port: WorkbookPort, logSheet: string = LOG_SHEET): Promise<IssuedDocNumber[]> {
  const content = await port.readLog(logSheet);
  if (!content) return [];
  const out: IssuedDocNumber[] = [];
  for (const e of readLogEvents(content.rows)) {
    if (!e.docNo) continue;
    const type = ZH_TO_ID.get(e.form) ?? (getDefinitionMaybe(e.form) ? e.form : undefined);
    out.push(type ? { type, docNumber: e.docNo } : e.docNo);
  }
  return out;
}

function getDefinitionMaybe(id: string): boolean {
  try {
    getDefinition(id);
    return true;
  } catch {
    return false;
  }
}

export interface FormRequest {
  readonly type: FormId | string;
  readonly settings: OfficeSettings;
  readonly fonts: LoadedFonts;
  readonly today: IsoDate;
  readonly docNumber?: string;
  readonly extra?: Readonly<Record<string, string>>;
  readonly sheet?: string;
  readonly rules?: DeadlineRules;
  /** default: officeCalendar(settings) (the office's local holidays and typed-in schedules) */
  readonly calendar?: Calendar;
  /** Append a form-generated event to the workbook's log (the host saves the workbook). */
  readonly log?: { readonly operator?: string };
}

export interface FormResult {
  readonly application: Application;
  readonly status: ApplicationStatus;
  readonly type: string;
  readonly zh: string;
  readonly pdf: Uint8Array;
  readonly docNumber?: string;
  readonly pages: number;
  readonly provisional: boolean;
  readonly logged: boolean;
}

/** The forms that fit an application in its state on `today` (ids with their Chinese names). */
export function fittingForms(app: Application, status: ApplicationStatus): { id: FormId; zh: string }[] {
  const names = new Map(listForms().map((f) => [f.id, f.zh] as const));
  return formsFor(app, status.state).map((id) => ({ id, zh: names.get(id) ?? id }));
}

/**
 * Generate `request.type` for each of `ids` (in order). The register is read and checked once;
 * a 登记编号 missing from it, or whose row has errors, stops before anything is generated.
 * 文号 are allocated one after another so a batch never repeats one.
 */
export async function generateForms(port: WorkbookPort, ids: readonly string[], request: FormRequest): Promise<FormResult[]> {
  const def = getDefinition(request.type);
  const rules = request.rules ?? rulesOf(request.settings);
  const calendar = request.calendar ?? officeCalendar(request.settings);
  const reg = await loadRegister(port, request.sheet, { today: request.today, rules, calendar });
  const picked: { app: Application; status: ApplicationStatus }[] = [];
  for (const id of ids) {
    const i = reg.records.findIndex((r) => r.id === id);
    if (i < 0) {
      const rowErrors = reg.issues.filter((x) => x.severity === 'error' && reg.rejectedRows.includes(x.row));
      const hint = rowErrors.length ? `（登记表有 ${rowErrors.length} 处错误的行未读入，如 ${rowErrors[0]!.cell}：${rowErrors[0]!.zh}）` : '';
      throw new FormRequestError(`登记表「${reg.sheet}」中没有登记编号「${id}」${hint}`, `no application "${id}" in the register sheet "${reg.sheet}"`);
    }
    const app = reg.records[i]!;
    const errors = reg.issues.filter((x) => x.severity === 'error' && x.row === app.row);
    if (errors.length) {
      // An official document must not print a value the register check rejects (e.g. an ID with a wrong check digit).
      const list = errors.map((x) => `${x.cell} ${x.zh}`).join('；');
      const listEn = errors.map((x) => `${x.cell} ${x.en}`).join('; ');
      throw new FormRequestError(`登记编号「${id}」所在行有错误，请先更正登记表：${list}`, `the register row of "${id}" has errors; correct it first: ${listEn}`);
    }
    picked.push({ app, status: reg.statuses[i]! });
  }
  if (request.docNumber && picked.length > 1) {
    throw new FormRequestError('批量生成时不能指定同一个文号', 'a single --doc-number cannot be given for a batch');
  }
  if (def.needsDocNumber && !request.docNumber) {
    // the next free 文号 comes from the log: a damaged or truncated one could hand out a used one
    const v = await verifyPortLog(port);
    if (!v.ok) {
      throw new FormRequestError(
        `事件日志已损坏，无法确认已用过的文号，不能自动编号：${v.reason?.zh ?? ''}。请先核查日志（xxgk log verify），或指定文号`,
        `the event log is damaged, so the 文号 already issued cannot be known and none is allocated: ${v.reason?.en ?? ''}. Check the log (xxgk log verify) or give the 文号`,
      );
    }
  }
  const used: IssuedDocNumber[] = def.needsDocNumber ? await issuedDocNumbers(port) : [];
  const results: FormResult[] = [];
  for (const { app, status } of picked) {
    const r = await generateForm(def.id, {
      application: app,
      settings: request.settings,
      fonts: request.fonts,
      today: request.today,
      docNumber: request.docNumber,
      usedDocNumbers: used,
      extra: request.extra,
      calendar,
    });
    if (r.docNumber) used.push({ type: def.id, docNumber: r.docNumber });
    results.push({ application: app, status, type: def.id, zh: def.zh, pdf: r.pdf, docNumber: r.docNumber, pages: r.pages, provisional: r.provisional, logged: false });
  }
  if (request.log && results.length > 0) {
    // register changes since the log last saw the register go in first, in the same append
    await logEvents(
      port,
      results.map((r) => ({ type: 'form-generated' as const, applicationId: r.application.id, form: r.zh, docNo: r.docNumber, operator: request.log?.operator })),
      { register: reg.records, operator: request.log.operator },
    );
    return results.map((r) => ({ ...r, logged: true }));
  }
  return results;
}

/** The office's reply limits (e.g. 15 + 15) as calendar rules, so states and forms agree. */
export function rulesOf(settings: OfficeSettings): DeadlineRules {
  return defineRules({ replyDays: settings.deadlines.replyDays, maxExtensionDays: settings.deadlines.extensionDays });
}

/** 登记编号 of every application still open on `today` (not closed), in register order; pass the office calendar (officeCalendar). */
export async function openApplicationIds(port: WorkbookPort, today: IsoDate, sheet?: string, rules?: DeadlineRules, calendar?: Calendar): Promise<string[]> {
  const reg = await loadRegister(port, sheet, { today, rules, calendar });
  return reg.records.filter((_, i) => reg.statuses[i]!.state !== 'closed').map((r) => r.id);
}
