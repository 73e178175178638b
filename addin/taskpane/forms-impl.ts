/**
 * The pane's forms and statistics services over the shared use-cases (addin/usecases register,
 * forms, stats). Loaded by import() from services.ts, so pdf-lib, fontkit, the templates and
 * the statistics code stay out of the pane's initial chunks. No DOM here: the font bytes are
 * passed in (the browser fetches them, tests read the file), so this runs in Node tests too.
 */
import { todayInChina } from '../../forms-lib/calendar/index.ts';
import type { LoadedFonts } from '../../forms-lib/pdf/index.ts';
import type { Application, ApplicationState, ApplicationStatus } from '../../forms-lib/register/index.ts';
import { monthlySheetRows, table3SheetRows } from '../../forms-lib/stats/index.ts';
import { writeMonthlyChart } from './monthly-chart.ts';
import { type OfficeSettingsInput, STATE_LABELS, formWarnings, getDefinition, listForms, loadFormFonts, parseSettings } from '../../forms-lib/templates/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { fittingForms, generateForms } from '../usecases/forms.ts';
import { loadRegister } from '../usecases/register.ts';
import { rollUpStats } from '../usecases/stats.ts';
import type { FormChoice, GeneratedPdf, RegisterRow, RegisterView, StatsResult } from './services.ts';
import type { PaneSettings } from './settings.ts';
import { paneCalendar, paneCalendarSettings, paneDeadlineRules } from './pane-calendar-build.ts';

export const STATE_ZH = Object.fromEntries(Object.entries(STATE_LABELS).map(([k, v]) => [k, v.zh])) as Record<ApplicationState, string>;

export { todayInChina };
export { paneCalendarSettings };

const rulesFor = (s: PaneSettings) => paneDeadlineRules(s.replyDays);
/** The office calendar of the settings (local holidays, typed-in schedules): the same for states, forms and statistics. */
const calendarFor = (s: PaneSettings) => paneCalendar(s.calendar, s.officeName);

/** The pane's 设置 as the templates' office settings (validated there; errors name the field). */
export function officeSettingsOf(s: PaneSettings, ownFont?: Uint8Array): OfficeSettingsInput {
  if (!s.officeName.trim()) throw new Error('请先在「设置」中填写机关名称 / set the office name in Settings first');
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  const pattern = s.docNumberPatterns.map((p) => p.trim()).find(Boolean);
  const calendar = paneCalendarSettings(s.calendar, s.officeName);
  const docNumbers: Record<string, string> = {};
  if (pattern) docNumbers.default = pattern;
  const known = new Set(listForms().map((f) => f.id as string));
  for (const [form, p] of Object.entries(s.docNumberByForm ?? {})) if (known.has(form) && p.trim()) docNumbers[form] = p.trim();
  return {
    office: { name: s.officeName.trim(), contactPerson: opt(s.contact.person), phone: opt(s.contact.phone), address: opt(s.contact.address) },
    docNumbers,
    deadlines: { replyDays: s.replyDays, extensionDays: s.replyDays },
    remedies: s.remedies.trim() ? { default: s.remedies.trim() } : {},
    fonts: ownFont ? [ownFont] : [],
    ...(calendar ? { calendar } : {}),
  };
}

interface RowSource {
  app: Application;
  status: ApplicationStatus;
  /** the day the status was derived for (the forms' date) */
  today: string;
}

export async function readRegisterView(port: WorkbookPort, settings: PaneSettings, today = todayInChina()): Promise<RegisterView> {
  const reg = await loadRegister(port, undefined, { today, rules: rulesFor(settings), calendar: calendarFor(settings) });
  const rows: RegisterRow[] = reg.records.map((app, i) => {
    const status = reg.statuses[i];
    const source: RowSource = { app, status, today };
    return { row: app.row, id: app.id, applicant: app.applicant, received: app.receivedOn, status: STATE_ZH[status.state] ?? status.state, source };
  });
  const problems = reg.issues.filter((x) => x.severity === 'error').map((x) => `${x.cell}：${x.zh}`);
  return { sheet: reg.sheet, rows, problems };
}

/** The form types whose documents carry a 文号 (for a pattern per type in 设置). */
export function numberedFormTypes(): FormChoice[] {
  return listForms()
    .filter((f) => f.needsDocNumber)
    .map((f) => ({ id: f.id, title: f.zh }));
}

export function formsForRow(row: RegisterRow): FormChoice[] {
  const src = row.source as RowSource | undefined;
  if (!src) throw new Error(`第 ${row.row} 行：未从申请登记读取 / row ${row.row} was not read from the register`);
  // what the register says against issuing it now (a late 补正告知书 …), shown before the click
  // that allocates its 文号
  return fittingForms(src.app, src.status).map((f) => {
    const warnings = formWarnings(getDefinition(f.id), src.app, src.status, src.today).map(({ zh, en }) => ({ zh, en }));
    return warnings.length ? { id: f.id, title: f.zh, warnings } : { id: f.id, title: f.zh };
  });
}

let fontCache: { primary: Uint8Array; own?: Uint8Array; settingsKey: string; fonts: LoadedFonts } | undefined;

export async function generatePdf(
  port: WorkbookPort,
  row: RegisterRow,
  formId: string,
  settings: PaneSettings,
  o: { primaryFont: Uint8Array; ownFont?: Uint8Array; today?: string; progress?: (m: string) => void },
): Promise<GeneratedPdf> {
  const office = parseSettings(officeSettingsOf(settings, o.ownFont));
  const key = JSON.stringify(office.office);
  if (!fontCache || fontCache.primary !== o.primaryFont || fontCache.own !== o.ownFont || fontCache.settingsKey !== key) {
    o.progress?.('正在解析字体… / parsing fonts…');
    fontCache = { primary: o.primaryFont, own: o.ownFont, settingsKey: key, fonts: loadFormFonts({ primary: o.primaryFont, settings: office }) };
  }
  o.progress?.('正在排版… / laying out…');
  const [r] = await generateForms(port, [row.id], { type: formId, settings: office, fonts: fontCache.fonts, today: o.today ?? todayInChina(), rules: rulesFor(settings), calendar: calendarFor(settings), log: {} });
  const safeId = row.id.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `${r.zh}-${safeId}.pdf`, bytes: r.pdf };
}

export async function runStats(port: WorkbookPort, settings: PaneSettings, o: { year: number; month?: number; today?: string }): Promise<StatsResult> {
  const rules = rulesFor(settings);
  const month = o.month ? `${o.year}-${String(o.month).padStart(2, '0')}` : undefined;
  const res = await rollUpStats(port, { year: o.year, month, rules, calendar: calendarFor(settings), today: o.today ?? todayInChina(), logRegister: {} });
  const checks = res.json.checks.map((c) => ({ ok: c.ok, message: `${c.name}：${c.detail}` }));
  const monthlyTitle = month ? `政府信息公开申请月度统计（${month}）` : `政府信息公开申请月度统计（${o.year}年）`;
  const monthlyRows = monthlySheetRows(res.json.monthly, monthlyTitle).rows;
  // The chart of received / closed per month, next to the table it reads (replaced on every run).
  await writeMonthlyChart(port, res.sheets[0], monthlyRows);
  if (month) {
    return { title: monthlyTitle, sheet: res.sheets[0], rows: monthlyRows.map((r) => [...r]), checks };
  }
  const t3checks = res.json.checks.filter((c) => !c.name.startsWith('表四'));
  return {
    title: `${o.year} 年度报告表三`,
    sheet: res.sheets[1],
    rows: table3SheetRows(res.json.table3, t3checks, o.year).rows.map((r) => [...r]),
    checks,
  };
}
