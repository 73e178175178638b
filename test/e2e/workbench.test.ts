/**
 * The workbench as a person uses it, in Debian's Chromium: open seed 001 (上党区, extracted from
 * a PDF), see the shifted-row findings, walk and ignore, fix all safe, download, reopen the
 * downloaded file → no safe-fixable finding left (checked in the page and again in Node).
 * The finding ignored before the download is still ignored in the reopened file (kept in its
 * very-hidden state sheet), and drop-down lists added in the page are in the next download.
 * Then the sample register: set the office and an own font in 设置, pick a row in 表单, generate
 * its 受理回执 (previewed in the pane, then downloaded; the PDF's text has the applicant), run the
 * monthly roll-up in 统计 (the download has the sheet and its chart); after a reload the own font
 * is still there (IndexedDB). Screenshots go to test-output/e2e/*.png, and every failing test
 * leaves one named after it (test-output/e2e/failed-*.png); their paths are printed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateGrid } from '../../addin/catalogue/engine.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { type StaticServer, ROOT, buildPages, launchChromium, serveDir } from './browser.ts';

const OUT = path.join(ROOT, 'test-output/e2e');
const SEED_001 = path.resolve(ROOT, '../shared/fixtures/shangdang-district-catalogue.xlsx');
const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

// The test machine has no CJK system font: show the pane in the bundled Noto Serif SC subset so
// the screenshots are readable (the product itself uses the system's YaHei/PingFang/Noto).
const CJK_FONT = path.join(ROOT, 'forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf');
async function useCjkFont(): Promise<void> {
  await page.route('**/__e2e__/cjk.ttf', (route) => route.fulfill({ body: fs.readFileSync(CJK_FONT), contentType: 'font/ttf' }));
  await page.addStyleTag({ content: "@font-face { font-family: 'E2E CJK'; src: url('/__e2e__/cjk.ttf'); } * { font-family: 'E2E CJK', sans-serif !important; }" });
}

const shots: string[] = [];
const shot = async (name: string) => {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(file);
};

/** The page as it was when a test failed: test-output/e2e/failed-<test name>.png. */
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || !page || page.isClosed()) return;
  const file = path.join(OUT, `failed-${ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    console.log(`e2e: screenshot of the failed test "${ctx.task.name}": ${file}`);
  } catch (e) {
    console.log(`e2e: no screenshot of the failed test "${ctx.task.name}": ${String(e)}`);
  }
});

async function loadExcelJs(file: string): Promise<ExcelJS.Workbook> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  return x;
}
const summary = () => page.locator('[data-testid="summary"]');

async function openFile(file: string, o: { catalogue?: boolean } = {}): Promise<void> {
  await page.locator('[data-testid="file-input"]').setInputFiles(file);
  if (o.catalogue === false) {
    await page.locator('[data-tab="forms"]').waitFor({ timeout: 30_000 });
    return;
  }
  await summary().waitFor({ timeout: 30_000 });
  // The check runs once the pane is up; wait until no spinner is left.
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout: 30_000 });
}

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const build = await buildPages(path.join(OUT, 'dist'), ['workbench', 'taskpane']);
  server = await serveDir(build.outDir);
  browser = await launchChromium();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 900, height: 1000 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (shots.length) console.log(`e2e: screenshots in ${OUT}:\n  ${shots.join('\n  ')}`);
});

describe('workbench: catalogue check and fix (seed 001)', () => {
  it('opens the page with a drop zone and no errors', async () => {
    await page.goto(`${server.url}/workbench.html`);
    await useCjkFont();
    await page.locator('[data-testid="dropzone"]').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('政务公开工作台');
    await shot('01-dropzone');
  });

  it('shows the shifted-row findings of seed 001 grouped by severity and rule', async () => {
    await openFile(SEED_001);
    const rowShift = page.locator('[data-severity="error"] [data-rule="row-shift"] [data-cell]');
    const cells = await rowShift.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-cell')}:${e.getAttribute('data-fix')}`));
    // Exactly the row-shift findings of test/catalogue/seeds.test.ts for this file, in sheet order.
    expect(cells.slice(0, 11)).toEqual(['F7:safe', 'F8:safe', 'F9:safe', 'F10:safe', 'F11:safe', 'F12:safe', 'A13:safe', 'E28:safe', 'E29:safe', 'E39:safe', 'E40:safe']);
    expect(cells).toContain('A41:unsafe');
    const safe = Number(await summary().getAttribute('data-safe'));
    expect(safe).toBeGreaterThan(11);
    await expect(page.locator('[data-rule="row-shift"] [data-cell="F7"]').textContent()).resolves.toContain('第 7 行 F–K 列错位');
    await shot('02-findings');
  });

  it('selects a finding, walks next/previous and ignores one (the list and the counts follow)', async () => {
    await page.locator('[data-rule="row-shift"] [data-cell="F7"]').click();
    await expect(page.locator('[aria-current="true"]').getAttribute('data-cell')).resolves.toBe('F7');
    await page.locator('[data-testid="next"]').click();
    await expect(page.locator('[aria-current="true"]').getAttribute('data-cell')).resolves.toBe('F8');
    await page.locator('[data-testid="prev"]').click();
    await expect(page.locator('[aria-current="true"]').getAttribute('data-cell')).resolves.toBe('F7');
    const blankBefore = await page.locator('[data-rule="blank-row"] [data-cell]').count();
    expect(blankBefore).toBeGreaterThanOrEqual(3);
    await page.locator('[data-rule="blank-row"] [data-cell="A14"]').click();
    await page.getByRole('button', { name: '忽略', exact: true }).click();
    await expect.poll(() => page.locator('[data-rule="blank-row"] [data-cell]').count()).toBe(blankBefore - 1);
    await expect(page.locator('[data-rule="blank-row"] [data-cell="A14"]').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '恢复已忽略的 1 项' }).count()).resolves.toBe(1);
  });

  it('fixes one finding (gone after the re-check), undoes it (back), fixes it again', async () => {
    const safeBefore = Number(await summary().getAttribute('data-safe'));
    await page.locator('[data-rule="row-shift"] [data-cell="F8"]').click();
    await page.getByRole('button', { name: '修复', exact: true }).click();
    await page.locator('[data-testid="notice"]').filter({ hasText: '已修复' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-rule="row-shift"] [data-cell="F8"]').count(), { timeout: 30_000 }).toBe(0);
    expect(Number(await summary().getAttribute('data-safe'))).toBeLessThan(safeBefore);
    await expect(page.locator('[data-rule="row-shift"] [data-cell="F7"]').count()).resolves.toBe(1);
    await page.locator('[data-testid="undo"]').click();
    await page.locator('[data-testid="notice"]').filter({ hasText: '已撤销' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-rule="row-shift"] [data-cell="F8"]').count(), { timeout: 30_000 }).toBe(1);
    expect(Number(await summary().getAttribute('data-safe'))).toBe(safeBefore);
    await page.locator('[data-rule="row-shift"] [data-cell="F8"]').click();
    await page.getByRole('button', { name: '修复', exact: true }).click();
    await expect.poll(() => page.locator('[data-rule="row-shift"] [data-cell="F8"]').count(), { timeout: 30_000 }).toBe(0);
  });

  it('fixes all safe findings, then downloads a workbook whose reopened check has no safe fix left', async () => {
    await page.locator('[data-testid="fix-all"]').click();
    await page.locator('[data-testid="notice"]').filter({ hasText: '已修复' }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => summary().getAttribute('data-safe'), { timeout: 30_000 }).toBe('0');
    await expect(page.locator('[data-rule="row-shift"] [data-fix="safe"]').count()).resolves.toBe(0);
    await shot('03-fixed');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download"]').click()]);
    expect(download.suggestedFilename()).toBe('shangdang-district-catalogue.xlsx');
    const saved = path.join(OUT, 'seed-001-fixed.xlsx');
    await download.saveAs(saved);

    // In Node: the downloaded bytes are a workbook whose shifted rows are back in place.
    const wb = readWorkbook(new Uint8Array(fs.readFileSync(saved)), 'seed-001-fixed.xlsx');
    const grid = await wb.readSheet();
    const res = validateGrid(grid);
    expect(res.findings.filter((f) => f.fix?.applicability === 'safe')).toEqual([]);
    expect(res.findings.filter((f) => f.ruleId === 'row-shift').map((f) => `${f.cell}:${f.fix?.applicability}`)).toEqual(['A41:unsafe']);
    // The ignore went into the file, on the very-hidden state sheet.
    const state = await wb.readState();
    expect(Object.keys(state).sort()).toEqual([`ignore:${grid.sheet}:blank-row@A14`, 'log.head:_xxgk_log']);
    expect(wb.sheets.find((x) => x.name === '_xxgk_state')?.state).toBe('veryHidden');
    // The fixes were logged in the same file, and the state remembers the log's last entry.
    const log = await wb.readLog('_xxgk_log');
    expect(log?.rows.map((r) => r[3])).toEqual(['catalogue-fixed', 'catalogue-fixed', 'catalogue-fixed']);
    expect(state['log.head:_xxgk_log']).toBe(`3 ${log?.rows[2]?.[11]}`);

    // In the page: reopen the downloaded file (another name: nothing of the first session carries over but the file).
    await openFile(saved);
    await expect(summary().getAttribute('data-safe')).resolves.toBe('0');
    await expect(page.locator('[data-fix="safe"]').count()).resolves.toBe(0);
    // still ignored
    await expect(page.locator('[data-rule="blank-row"] [data-cell="A14"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="unignore-all"]').textContent()).resolves.toBe('恢复已忽略的 1 项');
    expect(await page.locator('select[aria-label="工作表"] option').evaluateAll((o) => o.map((x) => x.textContent))).not.toContain('_xxgk_state');
    await shot('04-reopened');
  });

  it('adds drop-down lists to 渠道, 对象, 方式 and 时限, and the next download has them', async () => {
    await page.locator('[data-testid="add-dropdowns"]').click();
    await page.locator('[data-testid="notice"]').filter({ hasText: '已为 5 列添加下拉列表' }).waitFor({ timeout: 30_000 });
    await shot('04b-dropdowns');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download"]').click()]);
    const saved = path.join(OUT, 'seed-001-dropdowns.xlsx');
    await download.saveAs(saved);
    const x = await loadExcelJs(saved);
    const ws = x.getWorksheet('主动公开事项目录')!;
    expect(ws.getCell('K10').dataValidation).toMatchObject({ type: 'list', formulae: ['"√"'] });
    expect(ws.getCell('H10').dataValidation).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(ws.getCell('J10').dataValidation).toMatchObject({ showInputMessage: true, promptTitle: '公开渠道和载体' });
  });

  it('switches the pane to English and back', async () => {
    await page.locator('[data-testid="locale"]').click();
    await expect(page.locator('[data-tab="catalogue"]').textContent()).resolves.toBe('Catalogue');
    await page.locator('[data-testid="locale"]').click();
    await expect(page.locator('[data-tab="catalogue"]').textContent()).resolves.toBe('目录校验');
  });

  it('left no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('workbench: forms and statistics (sample register)', () => {
  it('saves the office settings the forms need', async () => {
    await openFile(REGISTER, { catalogue: false });
    await page.locator('[data-tab="settings"]').click();
    await page.locator('[data-testid="office-name"]').fill('楚雄州示例局');
    await page.locator('[data-testid="contact-person"]').fill('张示例');
    await page.locator('[data-testid="contact-phone"]').fill('0878-3120000');
    // a local day off in the working-day calendar: a line it cannot read is refused, naming the line
    await page.locator('[data-testid="calendar-settings"] summary').click();
    await page.locator('[data-testid="calendar-local-holidays"]').fill('11月16日');
    await page.locator('[data-testid="save-settings"]').click();
    await page.getByText('「本地节假日」第 1 行：「11月16日」不是日期').waitFor();
    await page.locator('[data-testid="calendar-local-holidays"]').fill('2026-11-16 地方节日');
    // a year's schedule added but left empty is refused too; removed again, the rest saves
    await page.locator('[data-testid="calendar-add-year"]').click();
    const nextYear = String(new Date().getFullYear() + 1);
    await expect(page.locator('[data-testid="calendar-year-0"]').inputValue()).resolves.toBe(nextYear);
    await page.locator('[data-testid="save-settings"]').click();
    await page.getByText(`「${nextYear} 年放假日期」为空：请按国务院办公厅通知列出全部放假日期`).waitFor();
    await page.locator('[data-testid="calendar-schedule-0"]').getByRole('button', { name: '删除此年度安排' }).click();
    await expect(page.locator('[data-testid="calendar-year-0"]').count()).resolves.toBe(0);
    await page.locator('[data-testid="save-settings"]').click();
    await page.getByText('设置已保存').waitFor();
    await shot('04c-settings-calendar');
    // an own font, kept in IndexedDB for the next sessions (checked after a reload below)
    await page.locator('[data-testid="font-input"]').setInputFiles(CJK_FONT);
    await page.getByText('已保存在本浏览器中').waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-testid="font-loaded"]').textContent()).resolves.toContain('NotoSerifSC-Regular-GB2312.ttf');
  });

  it('picks a register row, lists the forms that fit it, and generates its 受理回执 with the applicant', async () => {
    await page.locator('[data-tab="forms"]').click();
    const picker = page.locator('select[data-testid="register-row"]');
    await picker.waitFor({ timeout: 30_000 });
    // The label ends with the state, which depends on today's date: pick by 登记编号.
    const option = picker.locator('option', { hasText: 'CXSW-2026-009 · 滇中示例经济研究院 · 2026-11-10 · ' });
    await picker.selectOption((await option.getAttribute('value'))!);
    await page.locator('[data-form="receipt"]').waitFor({ timeout: 30_000 });
    // generating shows the PDF in the pane first; 下载 hands it out
    await page.locator('[data-form="receipt"]').click();
    const preview = page.locator('iframe[data-testid="pdf-preview"]');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    const blob = await preview.evaluate(async (el) => {
      const r = await fetch((el as HTMLIFrameElement).src);
      return { type: r.headers.get('content-type'), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
    });
    expect(blob).toEqual({ type: 'application/pdf', head: '%PDF-' });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-testid="pdf-download"]').click()]);
    expect(download.suggestedFilename()).toBe('政府信息公开受理回执-CXSW-2026-009.pdf');
    const pdf = path.join(OUT, 'receipt-CXSW-2026-009.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('滇中示例经济研究院');
    expect(text).toContain('楚雄州示例局');
    // received 2026-11-10: 20 working days end on 12-08, one later for the local day off saved above
    expect(text).toContain('答复期限：2026年12月9日');
    await page.locator('[data-testid="pdf-ready"]').waitFor();
    await shot('05-forms');
  });

  it('runs the monthly roll-up: the table, its checks, and the sheet in the downloaded workbook', async () => {
    await page.locator('[data-tab="stats"]').click();
    await page.getByLabel('年份').fill('2026');
    await page.getByLabel('月份').fill('11');
    await page.locator('[data-testid="run-monthly"]').click();
    const result = page.locator('[data-testid="stats-result"]');
    await result.waitFor({ timeout: 60_000 });
    await expect(result.locator('p').first().textContent()).resolves.toBe('政府信息公开申请月度统计（2026-11） · 已写入工作表「月度统计」。');
    const checks = await result.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c === 'true')).toBe(true);
    await shot('06-stats');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download"]').click()]);
    const saved = path.join(OUT, 'register-with-stats.xlsx');
    await download.saveAs(saved);
    const wb = readWorkbook(new Uint8Array(fs.readFileSync(saved)), 'register-with-stats.xlsx');
    expect(await wb.listSheets()).toEqual(expect.arrayContaining(['申请登记', '月度统计', '年度报告表三']));
    // The 受理回执 generated above was logged in the workbook's very-hidden log.
    const log = await wb.readLog('_xxgk_log');
    expect(log?.visibility).toBe('veryHidden');
    expect(log?.rows.some((r) => r.includes('CXSW-2026-009'))).toBe(true);
    // 月度统计 carries the chart of received / closed, and the file reads back whole.
    const parts = unzipSync(fs.readFileSync(saved));
    const charts = Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const chart = new TextDecoder().decode(parts[charts[0]]);
    expect(chart).toContain("<c:f>'月度统计'!$A$3</c:f>"); // the one month asked for
    expect(chart).toContain("<c:f>'月度统计'!$B$3</c:f>"); // 新收申请
    const x = await loadExcelJs(saved);
    expect(x.getWorksheet('月度统计')!.getCell('A3').value).toBe('2026-11');
    // the register itself as it was, cell for cell
    const cells = (w: ExcelJS.Worksheet) => {
      const out: string[] = [];
      w.eachRow((r) => r.eachCell((c) => void out.push(`${c.address}=${JSON.stringify(c.value)}`)));
      return out;
    };
    const before = cells((await loadExcelJs(REGISTER)).getWorksheet('申请登记')!);
    expect(before.length).toBeGreaterThan(100);
    expect(cells(x.getWorksheet('申请登记')!)).toEqual(before);
  });

  it('keeps the own font for the next session (IndexedDB), after a reload', async () => {
    await page.reload();
    await useCjkFont();
    await openFile(REGISTER, { catalogue: false });
    await page.locator('[data-tab="settings"]').click();
    await expect(page.locator('[data-testid="font-loaded"]').textContent({ timeout: 30_000 })).resolves.toContain('NotoSerifSC-Regular-GB2312.ttf');
  });

  it('left no page errors either', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('other ways in', () => {
  it('opens a workbook dropped on the page', async () => {
    const p = await browser.newPage();
    try {
      await p.goto(`${server.url}/workbench.html`);
      const b64 = fs.readFileSync(SEED_001).toString('base64');
      const dt = await p.evaluateHandle((data) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const t = new DataTransfer();
        t.items.add(new File([bytes], 'shangdang-district-catalogue.xlsx'));
        return t;
      }, b64);
      await p.locator('[data-testid="dropzone"]').dispatchEvent('drop', { dataTransfer: dt });
      await p.locator('[data-testid="summary"]').waitFor({ timeout: 30_000 });
      await expect(p.locator('[data-rule="row-shift"] [data-cell="F7"]').count()).resolves.toBe(1);
    } finally {
      await p.close();
    }
  });

  it('says in plain Chinese when a file is not a workbook', async () => {
    const p = await browser.newPage();
    try {
      await p.goto(`${server.url}/workbench.html`);
      await p.locator('[data-testid="file-input"]').setInputFiles({ name: '目录.xlsx', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n') });
      const err = p.locator('[data-testid="open-error"]');
      await err.waitFor({ timeout: 30_000 });
      await expect(err.textContent()).resolves.toMatch(/^「目录\.xlsx」不是电子表格文件/);
    } finally {
      await p.close();
    }
  });

  it('serves the task pane page outside Office as the workbench (office.js unreachable)', async () => {
    const p = await browser.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    try {
      await p.route('https://appsforoffice.microsoft.com/**', (r) => r.abort('internetdisconnected'));
      await p.goto(`${server.url}/taskpane.html`);
      await p.locator('[data-testid="dropzone"]').waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
      // The manifest's icons are served beside the pages.
      const icon = await p.request.get(`${server.url}/assets/icon-32.png`);
      expect(icon.status()).toBe(200);
      expect([...(await icon.body()).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    } finally {
      await p.close();
    }
  });
});
