/**
 * Use-case: generate an official form for one application of the register (or a batch), with a
 * 文号 that is never reused (numbers already issued come from the workbook's event log), and log
 * the event in the same workbook. Shared by the task pane, the workbench and the CLI; hosts only
 * supply bytes (fonts, settings files) and save the results.
 */
import { type Calendar, type DeadlineRules, type IsoDate, defineRules } from '../../forms-lib/calendar/index.ts';
import type { LoadedFonts } from '../../forms-lib/pdf/index.ts';
import type { Application, ApplicationStatus, RegisterIssue } from '../../forms-lib/register/index.ts';
import { LOG_SHEET, readLogEvents } from '../../forms-lib/stats/index.ts';
import {
  type FormId,
  type FormWarning,
  type IssuedDocNumber,
  type OfficeSettings,
  formWarnings,
  formsFor,
  generateForm,
  getDefinition,
  listForms,
  officeCalendar,
} from '../../forms-lib/templates/index.ts';
import { checkExtras, extrasMessage } from '../../forms-lib/templates/definition.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { type RegisterReport, assertRegisterReadable, loadRegister } from './register.ts';
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
  /** What the register says against issuing it on `today` (a late 补正告知书 …): said, not refused. */
  readonly warnings: readonly FormWarning[];
}

/** The forms that fit an application in its state on `today` (ids with their Chinese names). */
export function fittingForms(app: Application, status: ApplicationStatus): { id: FormId; zh: string }[] {
  const names = new Map(listForms().map((f) => [f.id, f.zh] as const));
  return formsFor(app, status.state).map((id) => ({ id, zh: names.get(id) ?? id }));
}

/** The errors of a register row, listed with their cells: 「C4 …；F4 …」 and "C4 …; F4 …". */
function rowErrorList(errors: readonly RegisterIssue[]): { zh: string; en: string } {
  return { zh: errors.map((x) => `${x.cell} ${x.zh}`).join('；'), en: errors.map((x) => `${x.cell} ${x.en}`).join('; ') };
}

function rowErrors(reg: RegisterReport, row: number): RegisterIssue[] {
  return reg.issues.filter((x) => x.severity === 'error' && x.row === row);
}

/**
 * Generate `request.type` for each of `ids` (in order). The extra inputs are checked against the
 * form first, then the register is read and checked once; a register without its header or a
 * required column (RegisterUnreadableError), a 登记编号 missing from it, or one whose row has
 * errors, stops before anything is generated. 文号 are allocated one after another so a batch
 * never repeats one.
 */
export async function generateForms(port: WorkbookPort, ids: readonly string[], request: FormRequest): Promise<FormResult[]> {
  const def = getDefinition(request.type);
  const extraProblems = checkExtras(def, request.extra);
  if (extraProblems.length) {
    const m = extrasMessage(def, extraProblems);
    throw new FormRequestError(m.zh, m.en);
  }
  const rules = request.rules ?? rulesOf(request.settings);
  const calendar = request.calendar ?? officeCalendar(request.settings);
  const reg = await loadRegister(port, request.sheet, { today: request.today, rules, calendar });
  assertRegisterReadable(reg);
  const picked: { app: Application; status: ApplicationStatus }[] = [];
  for (const id of ids) {
    const i = reg.records.findIndex((r) => r.id === id);
    // a row carrying the id but left out for its errors is named with them, not called missing
    const errors = i >= 0 ? rowErrors(reg, reg.records[i]!.row) : reg.rejected.filter((x) => x.id === id).flatMap((x) => rowErrors(reg, x.row));
    if (errors.length) {
      // An official document must not print a value the register check rejects (e.g. an ID with a wrong check digit).
      const list = rowErrorList(errors);
      throw new FormRequestError(`登记编号「${id}」所在行有错误，请先更正登记表：${list.zh}`, `the register row of "${id}" has errors; correct it first: ${list.en}`);
    }
    if (i < 0) {
      // rows whose 登记编号 cannot be read could be this application
      const unnamed = reg.rejected.filter((x) => x.id === undefined).map((x) => x.row);
      const hint = unnamed.length ? `（第 ${unnamed.join('、')} 行有错误且登记编号无法读取，未读入）` : '';
      const hintEn = unnamed.length ? ` (row ${unnamed.join(', ')} has errors and no readable 登记编号, so it was not read)` : '';
      throw new FormRequestError(`登记表「${reg.sheet}」中没有登记编号「${id}」${hint}`, `no application "${id}" in the register sheet "${reg.sheet}"${hintEn}`);
    }
    picked.push({ app: reg.records[i]!, status: reg.statuses[i]! });
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
    const warnings = formWarnings(def, app, status, request.today);
    results.push({ application: app, status, type: def.id, zh: def.zh, pdf: r.pdf, docNumber: r.docNumber, pages: r.pages, provisional: r.provisional, logged: false, warnings });
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

/** A register row --all-open leaves out: its row, 登记编号 when readable, and its errors. */
export interface SkippedRow {
  readonly row: number;
  readonly id?: string;
  readonly errors: readonly RegisterIssue[];
}

export interface OpenApplications {
  /** 登记编号 of every open application whose row has no error, in register order. */
  readonly ids: string[];
  /**
   * Rows with errors, in sheet order: rows left out of the register (whether they are still open
   * cannot be told) and open applications whose row has an error (no document is made from them).
   */
  readonly skipped: SkippedRow[];
}

/**
 * The applications still open on `today` (not closed) to generate a form for, and the rows with
 * errors that are left out; pass the office calendar (officeCalendar). A register without its
 * header or a required column throws RegisterUnreadableError.
 */
export async function openApplications(port: WorkbookPort, today: IsoDate, sheet?: string, rules?: DeadlineRules, calendar?: Calendar): Promise<OpenApplications> {
  const reg = await loadRegister(port, sheet, { today, rules, calendar });
  assertRegisterReadable(reg);
  const ids: string[] = [];
  const skipped: SkippedRow[] = reg.rejected.map((x) => ({ ...x, errors: rowErrors(reg, x.row) }));
  reg.records.forEach((r, i) => {
    if (reg.statuses[i]!.state === 'closed') return;
    const errors = rowErrors(reg, r.row);
    if (errors.length) skipped.push({ row: r.row, id: r.id, errors });
    else ids.push(r.id);
  });
  skipped.sort((a, b) => a.row - b.row);
  return { ids, skipped };
}

/** 登记编号 of every application still open on `today` whose row has no error (openApplications). */
export async function openApplicationIds(port: WorkbookPort, today: IsoDate, sheet?: string, rules?: DeadlineRules, calendar?: Calendar): Promise<string[]> {
  return (await openApplications(port, today, sheet, rules, calendar)).ids;
}

/** The skipped rows as stderr lines, zh then en: 「第 14 行（登记编号「…」）：C14 …」. */
export function skippedRowsMessage(skipped: readonly SkippedRow[]): { zh: string; en: string } {
  const zh = skipped.map((s) => `  第 ${s.row} 行${s.id ? `（登记编号「${s.id}」）` : '（登记编号无法读取）'}：${rowErrorList(s.errors).zh}`);
  const en = skipped.map((s) => `  row ${s.row}${s.id ? ` ("${s.id}")` : ' (no readable 登记编号)'}: ${rowErrorList(s.errors).en}`);
  return {
    zh: `登记表有 ${skipped.length} 行有错误，未生成文书，请更正后重新生成：\n${zh.join('\n')}`,
    en: `${skipped.length} register row${skipped.length > 1 ? 's have' : ' has'} errors and got no form; correct and generate again:\n${en.join('\n')}`,
  };
}
