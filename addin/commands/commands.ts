/// <reference types="office-js" />
/**
 * Ribbon function commands (manifest.xml ExecuteFunction): 一键修复 (fixAllSafe) and 月度统计
 * (monthlyStats). They call the same use-cases as the task pane and the CLI through the Excel
 * adapter, always complete the event, and tell the user what happened in a small dialog
 * (commands.html?notice=…), in Chinese first and English second.
 *
 * The same page doubles as that dialog: loaded with `?notice=`, it renders the notice instead.
 */
import { ExcelPortError } from '../port/excel/errors.ts';
import { createExcelWorkbook } from '../port/excel/office.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { fixSheet } from '../usecases/catalogue.ts';
import { todayInChina } from '../../forms-lib/calendar/index.ts';
import { rollUpStats } from '../usecases/stats.ts';
import { monthlySheetRows } from '../../forms-lib/stats/render.ts';
import { writeMonthlyChart } from '../taskpane/monthly-chart.ts';
import { paneCalendar, paneDeadlineRules } from '../taskpane/pane-calendar-build.ts';
import { DEFAULT_SETTINGS, type OfficeSettingsLike, type PaneSettings, workbookStore } from '../taskpane/settings.ts';

export interface Notice {
  kind: 'success' | 'info' | 'error';
  title: string;
  zh: string;
  en: string;
}

/**
 * 一键修复: every safe fix on the active sheet, applied in one write together with its green fix
 * marks and a 'catalogue-fixed' event in the workbook's log (stale cells skipped). Findings the
 * user ignored in the task pane (kept in the workbook's state) are left alone, as the pane does.
 */
export async function fixAllSafeOn(port: WorkbookPort, sheet?: string): Promise<Notice> {
  const r = await fixSheet(port, { sheet, log: true, ignores: 'workbook' });
  const title = '一键修复 / Fix all safe';
  if (!r.before.header) {
    return {
      kind: 'info',
      title,
      zh: `工作表「${r.sheet}」中没有找到主动公开事项目录的表头（序号、事项、公开依据……），未做修改。`,
      en: `No catalogue header (序号, items, 公开依据 …) was found on the sheet "${r.sheet}"; nothing was changed.`,
    };
  }
  const left = `剩余 ${r.after.stats.errors} 个错误、${r.after.stats.warnings} 个警告，可点击「校验目录」查看。`;
  const leftEn = `${r.after.stats.errors} errors and ${r.after.stats.warnings} warnings remain; click 校验目录 (Check catalogue) to review them.`;
  if (!r.apply || r.apply.applied.length === 0) {
    const stale = r.apply?.skipped.length ?? 0;
    return {
      kind: 'info',
      title,
      zh: stale > 0 ? `${stale} 处单元格在校验后被改动，已跳过，没有修改任何内容。请重新运行。` : `工作表「${r.sheet}」没有可以安全自动修复的问题。${left}`,
      en: stale > 0 ? `${stale} cells changed after they were checked and were skipped; nothing was changed. Run it again.` : `The sheet "${r.sheet}" has nothing that can be fixed safely. ${leftEn}`,
    };
  }
  const skipped = r.apply.skipped.length;
  const log = r.logProblem ? `（事件日志已损坏，本次修复未记入日志：${r.logProblem.reason?.zh ?? ''}）` : '';
  const logEn = r.logProblem ? ` (the event log is damaged, so this fix was not logged: ${r.logProblem.reason?.en ?? ''})` : '';
  return {
    kind: r.logProblem ? 'info' : 'success',
    title,
    zh: `已修复工作表「${r.sheet}」中的 ${r.apply.applied.length} 处单元格（已用绿色标出）${skipped ? `；${skipped} 处在校验后被改动，已跳过` : ''}。${left}${log}`,
    en: `Fixed ${r.apply.applied.length} cells on the sheet "${r.sheet}" (marked green)${skipped ? `; ${skipped} cells changed after the check and were skipped` : ''}. ${leftEn}${logEn}`,
  };
}

/** The year in China (Asia/Shanghai), which the statistics are kept in. */
export function yearInChina(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/**
 * 月度统计: read 申请登记, write 「月度统计」 and 「年度报告表三」 for this year, with the office's
 * reply limit and working-day calendar from the pane's 设置 (saved in the workbook), so the
 * ribbon counts 逾期 exactly as the pane does.
 */
export async function monthlyStatsOn(port: WorkbookPort, year: number = yearInChina(), settings: PaneSettings = DEFAULT_SETTINGS): Promise<Notice> {
  const title = '月度统计 / Monthly statistics';
  const res = await rollUpStats(port, {
    year,
    today: todayInChina(),
    rules: paneDeadlineRules(settings.replyDays),
    calendar: paneCalendar(settings.calendar, settings.officeName),
    logRegister: {},
  });
  const reg = res.register;
  // The same rows writeStats put on 「月度统计」: the chart of received / closed reads them.
  const charted = await writeMonthlyChart(port, res.sheets[0], monthlySheetRows(res.json.monthly, `政府信息公开申请月度统计（${year}年）`).rows);
  const sheets = res.sheets.map((s) => `「${s}」`).join('');
  const issues = reg.stats.errors > 0 ? `；登记表中有 ${reg.stats.errors} 处错误（${reg.rejectedRows.length} 行未计入），请在任务窗格中查看` : '';
  const issuesEn = reg.stats.errors > 0 ? `; the register has ${reg.stats.errors} errors (${reg.rejectedRows.length} rows not counted), see the task pane` : '';
  return {
    kind: reg.stats.errors > 0 ? 'info' : 'success',
    title,
    zh: `已按 ${reg.records.length} 件申请生成 ${year} 年统计，写入${sheets}${charted ? `（「${res.sheets[0]}」附每月新收与办结图表）` : ''}${issues}。`,
    en: `Statistics for ${year} from ${reg.records.length} applications written to ${res.sheets.join(', ')}${charted ? ` (with a chart of received and closed per month on ${res.sheets[0]})` : ''}${issuesEn}.`,
  };
}

/** Any failure as a notice: our own errors carry their Chinese text, others get a plain wrapper. */
export function errorNotice(title: string, e: unknown): Notice {
  if (e instanceof ExcelPortError) return { kind: 'error', title, zh: e.zh, en: e.en };
  if (e && typeof e === 'object' && 'zh' in e && typeof (e as { zh: unknown }).zh === 'string') {
    const zh = (e as { zh: string }).zh;
    const en = 'en' in e && typeof (e as { en: unknown }).en === 'string' ? (e as { en: string }).en : e instanceof Error ? e.message : zh;
    return { kind: 'error', title, zh, en };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { kind: 'error', title, zh: `操作没有完成：${msg}。请重试，或打开任务窗格查看详情。`, en: `The command did not finish: ${msg}. Try again, or open the task pane for details.` };
}

/**
 * Run one command: the work, then the notice, then `event.completed()` — always, whatever fails
 * (an uncompleted event leaves Excel's ribbon button busy).
 */
export async function runCommand(event: { completed(): void }, title: string, work: () => Promise<Notice>, notify: (n: Notice) => Promise<void>): Promise<Notice> {
  let notice: Notice;
  try {
    notice = await work();
  } catch (e) {
    notice = errorNotice(title, e);
  }
  try {
    await notify(notice);
  } catch {
    // Nothing more to tell the user with: the dialog itself failed.
  } finally {
    event.completed();
  }
  return notice;
}

// ---------------------------------------------------------------------------------------------
// Office host wiring (not run in tests: there is no `Office` global there).

const NOTICE_TIMEOUT_MS = 5 * 60_000;

/** Show a notice in a small dialog (this page with ?notice=…); resolves when it closes. */
function showNotice(n: Notice): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(globalThis.location.href);
    url.search = `?notice=${encodeURIComponent(JSON.stringify(n))}`;
    Office.context.ui.displayDialogAsync(url.toString(), { height: 28, width: 32, displayInIframe: true }, (res) => {
      if (String(res.status) !== 'succeeded') return resolve();
      const dialog = res.value;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        try {
          dialog.close();
        } catch {
          // already closed by the user
        }
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      setTimeout(finish, NOTICE_TIMEOUT_MS);
    });
  });
}

/** The dialog side: render the notice passed in the query string. */
export function renderNotice(doc: Document, search: string, onClose: () => void): boolean {
  const raw = new URLSearchParams(search).get('notice');
  if (!raw) return false;
  let n: Notice;
  try {
    n = JSON.parse(raw) as Notice;
  } catch {
    return false;
  }
  const colour = n.kind === 'error' ? '#A4262C' : n.kind === 'success' ? '#107C10' : '#323130';
  doc.documentElement.lang = 'zh-CN';
  doc.body.style.cssText = 'font-family: "Microsoft YaHei", "PingFang SC", sans-serif; margin: 16px; font-size: 14px;';
  const h = doc.createElement('h1');
  h.textContent = n.title;
  h.style.cssText = `font-size: 16px; color: ${colour}; margin: 0 0 12px;`;
  const zh = doc.createElement('p');
  zh.textContent = n.zh;
  const en = doc.createElement('p');
  en.textContent = n.en;
  en.lang = 'en';
  en.style.color = '#605E5C';
  const ok = doc.createElement('button');
  ok.textContent = '确定 / OK';
  ok.addEventListener('click', onClose);
  doc.body.replaceChildren(h, zh, en, ok);
  ok.focus();
  return true;
}

/**
 * The pane's 设置 as saved in this workbook. This runtime loaded the document settings when it
 * started: refreshed first, so what the pane saved since then counts.
 */
async function workbookSettings(): Promise<PaneSettings> {
  const s = Office.context.document.settings;
  await new Promise<void>((resolve) => {
    if (typeof s.refreshAsync !== 'function') return resolve();
    s.refreshAsync(() => resolve());
  });
  return workbookStore(s as unknown as OfficeSettingsLike).load();
}

if (typeof Office !== 'undefined') {
  let port: WorkbookPort | undefined;
  const excel = () => (port ??= createExcelWorkbook());
  Office.onReady(() => {
    if (typeof document !== 'undefined') renderNotice(document, globalThis.location.search, () => Office.context.ui.messageParent('close'));
  });
  if (Office.actions) {
    Office.actions.associate('fixAllSafe', (event: Office.AddinCommands.Event) =>
      runCommand(event, '一键修复 / Fix all safe', () => fixAllSafeOn(excel()), showNotice),
    );
    Office.actions.associate('monthlyStats', (event: Office.AddinCommands.Event) =>
      runCommand(event, '月度统计 / Monthly statistics', async () => monthlyStatsOn(excel(), yearInChina(), await workbookSettings()), showNotice),
    );
  }
}
