/**
 * The built task pane and ribbon function file as they run in Excel, in Debian's Chromium, on a
 * fake Excel: office.js is replaced by test/e2e/fake-office.ts (FakeExcel behind `Office` and
 * `Excel`, syncs taking a little time as real ones do). A host page holds the pane and the
 * ribbon's function file in two frames — two runtimes on one workbook, as in Excel.
 *
 * - an edit waiting for the live re-check's debounce survives a language switch (the onChanged
 *   handler is registered once per document, not again on every settings change);
 * - two 忽略 clicks in quick succession both stick (the pane's work queue, the adapter's
 *   serialised state writes);
 * - the ribbon's 一键修复 leaves the finding ignored in the pane alone, and the pane clears the
 *   fix marks the ribbon's runtime painted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateGrid } from '../../addin/catalogue/engine.ts';
import type { Finding } from '../../addin/catalogue/types.ts';
import type { Grid } from '../../addin/catalogue/grid.ts';
import type { FakeExcel } from '../../addin/port/excel/fake-excel.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { type StaticServer, ROOT, buildPages, launchChromium, serveDir } from './browser.ts';

const OUT = path.join(ROOT, 'test-output/e2e');
const SAMPLE = path.join(ROOT, 'test/fixtures/samples/shangdang-district-catalogue.xlsx');
const GREEN = '#C6EFCE';

let server: StaticServer;
let browser: Browser;
let page: Page;
let pane: Frame;
let ribbon: Frame;
let grid: Grid;
const pageErrors: string[] = [];

type TopWindow = Window & { __fakeExcel: FakeExcel; __seed: unknown };

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || !page || page.isClosed()) return;
  const file = path.join(OUT, `failed-excel-${ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
  await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).catch(() => undefined);
  console.log(`e2e: screenshot of the failed test "${ctx.task.name}": ${file}`);
});

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const built = await buildPages(path.join(OUT, 'excel-dist'), ['taskpane', 'commands']);
  const office = await build({ entryPoints: [path.join(ROOT, 'test/e2e/fake-office.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022' });
  fs.writeFileSync(
    path.join(built.outDir, 'excel-host.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>fake Excel</title></head><body style="margin:0;display:flex;gap:8px"></body></html>',
  );
  server = await serveDir(built.outDir);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1000, height: 1000 }, locale: 'zh-CN' })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.route('https://appsforoffice.microsoft.com/**', (r) => r.fulfill({ body: office.outputFiles[0].text, contentType: 'text/javascript' }));
  const file = readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)), path.basename(SAMPLE));
  grid = await file.readSheet();
  await page.goto(`${server.url}/excel-host.html`);
  await page.evaluate((g) => {
    (window as unknown as TopWindow).__seed = { sheets: [{ name: g.sheet, values: g.values, merges: g.merges }], latencyMs: 15 };
    for (const [id, src, w] of [['pane', 'taskpane.html', 460], ['ribbon', 'commands.html', 200]] as const) {
      const f = document.createElement('iframe');
      f.id = id;
      f.src = src;
      f.style.cssText = `width:${w}px;height:980px;border:1px solid #ccc`;
      document.body.appendChild(f);
    }
  }, { sheet: grid.sheet, values: grid.values, merges: grid.merges });
  const frame = async (id: string) => {
    const handle = await page.waitForSelector(`#${id}`);
    const f = await handle.contentFrame();
    if (!f) throw new Error(`no frame ${id}`);
    return f;
  };
  pane = await frame('pane');
  ribbon = await frame('ribbon');
  await pane.locator('[data-testid="summary"]').waitFor({ timeout: 60_000 });
  await pane.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout: 30_000 });
  await ribbon.waitForFunction(() => Boolean((window as unknown as { __actions?: Record<string, unknown> }).__actions?.fixAllSafe), undefined, { timeout: 30_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const findingAt = (cell: string, rule: string) => pane.locator(`[data-rule="${rule}"] [data-cell="${cell}"]`);
const fakeValue = (row: number, col: number) =>
  page.evaluate(([sheet, r, c]) => (window as unknown as TopWindow).__fakeExcel.sheet(sheet as string)!.value(r as number, c as number), [grid.sheet, row, col] as const);

describe('the task pane in (fake) Excel', () => {
  it('is the Excel pane: the Excel adapter with live re-check, on the seeded catalogue', async () => {
    await expect(pane.locator('[data-testid="no-live-recheck"]').count()).resolves.toBe(0);
    await expect(findingAt('F7', 'row-shift').count()).resolves.toBe(1);
    const handlers = await page.evaluate(() => (window as unknown as TopWindow).__fakeExcel.handlers.filter((h) => h.kind === 'changed').length);
    expect(handlers).toBe(1);
  });

  it('an edit waiting for the re-check survives a language switch: one handler throughout, and the row is checked', async () => {
    // A text cell with no finding that gets a text-whitespace finding when a trailing space is typed.
    const base = validateGrid(grid).findings;
    let target: { row: number; col: number; cell: string; value: string } | undefined;
    for (let r = 0; r < grid.values.length && !target; r++) {
      for (let c = 0; c < (grid.values[r] ?? []).length && !target; c++) {
        const v = grid.values[r][c];
        const cell = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (typeof v !== 'string' || v.length < 4 || c > 25 || base.some((f) => f.cell === cell)) continue;
        const edited = { ...grid, values: grid.values.map((row, i) => (i === r ? row.map((x, j) => (j === c ? `${v} ` : x)) : row)) };
        if (validateGrid(edited).findings.some((f) => f.ruleId === 'text-whitespace' && f.cell === cell)) target = { row: r + 1, col: c + 1, cell, value: v };
      }
    }
    expect(target).toBeDefined();
    const t = target!;
    await page.evaluate(() => {
      const w = window as unknown as TopWindow & { __handler0?: unknown };
      w.__handler0 = w.__fakeExcel.handlers.find((h) => h.kind === 'changed');
    });
    // the user types; the re-check waits 800 ms for more typing; meanwhile the language is switched
    await page.evaluate(
      async ([sheet, row, col, value, cell]) => {
        const fake = (window as unknown as TopWindow).__fakeExcel;
        fake.sheet(sheet as string)!.touch(row as number, col as number).value = `${value as string} `;
        await fake.emitChanged(sheet as string, cell as string);
      },
      [grid.sheet, t.row, t.col, t.value, t.cell] as const,
    );
    await pane.locator('[data-testid="locale"]').click();
    await expect(pane.locator('[data-tab="catalogue"]').textContent()).resolves.toBe('Catalogue');
    await expect.poll(() => findingAt(t.cell, 'text-whitespace').count(), { timeout: 8_000 }).toBe(1);
    const same = await page.evaluate(() => {
      const w = window as unknown as TopWindow & { __handler0?: unknown };
      const changed = w.__fakeExcel.handlers.filter((h) => h.kind === 'changed');
      return { count: changed.length, same: changed[0] === w.__handler0 };
    });
    expect(same).toEqual({ count: 1, same: true });
    await pane.locator('[data-testid="locale"]').click();
    await expect(pane.locator('[data-tab="catalogue"]').textContent()).resolves.toBe('目录校验');
    // the user takes the space out again
    await page.evaluate(
      async ([sheet, row, col, value, cell]) => {
        const fake = (window as unknown as TopWindow).__fakeExcel;
        fake.sheet(sheet as string)!.touch(row as number, col as number).value = value as string;
        await fake.emitChanged(sheet as string, cell as string);
      },
      [grid.sheet, t.row, t.col, t.value, t.cell] as const,
    );
    await expect.poll(() => findingAt(t.cell, 'text-whitespace').count(), { timeout: 8_000 }).toBe(0);
  });

  it('two 忽略 clicks in quick succession both stick, in the list and in the workbook', async () => {
    const cells = await pane.locator('[data-rule="blank-row"] [data-cell]').evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-cell')!));
    expect(cells).toHaveLength(2);
    // Both clicks land while the first ignore is still writing (each sync takes 15 ms here).
    await pane.evaluate(async (cs) => {
      const frame = () => new Promise((r) => setTimeout(r, 0));
      for (const c of cs) {
        (document.querySelector(`[data-rule="blank-row"] [data-cell="${c}"]`) as HTMLElement).click();
        await frame();
        const ignore = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === '忽略');
        if (!ignore) throw new Error(`no 忽略 button for ${c}`);
        ignore.click();
        await frame();
      }
    }, cells);
    await expect.poll(() => pane.locator('[data-testid="unignore-all"]').textContent(), { timeout: 10_000 }).toBe('恢复已忽略的 2 项');
    for (const c of cells) await expect(findingAt(c, 'blank-row').count()).resolves.toBe(0);
    const keys = await page.evaluate(() => Object.values((window as unknown as TopWindow).__fakeExcel.sheet('_xxgk_state')!.snapshot()).map(String));
    for (const c of cells) expect(keys).toContain(`ignore:${grid.sheet}:blank-row@${c}`);
    expect(await page.evaluate(() => (window as unknown as TopWindow).__fakeExcel.sheets.filter((s) => s.name === '_xxgk_state').length)).toBe(1);
  });

  it('the ribbon\'s 一键修复 leaves the finding ignored in the pane alone; the pane clears the marks the ribbon painted', async () => {
    const findings = validateGrid(grid).findings;
    const touched = new Map<string, number>();
    for (const f of findings) if (f.fix?.applicability === 'safe') for (const e of f.fix.edits) touched.set(e.cell, (touched.get(e.cell) ?? 0) + 1);
    const target = findings.find((f: Finding) => f.fix?.applicability === 'safe' && f.fix.edits.length === 1 && f.fix.edits[0].cell === f.cell && touched.get(f.cell) === 1)!;
    expect(target).toBeDefined();
    await findingAt(target.cell, target.ruleId).first().click();
    await pane.getByRole('button', { name: '忽略', exact: true }).click();
    await expect.poll(() => findingAt(target.cell, target.ruleId).count(), { timeout: 10_000 }).toBe(0);
    const before = await fakeValue(target.row, target.col);

    const notice = (await ribbon.evaluate(() => (window as unknown as { __actions: Record<string, (e: { completed(): void }) => Promise<unknown>> }).__actions.fixAllSafe({ completed: () => undefined }))) as { kind: string; zh: string };
    expect(notice.kind).toBe('success');
    expect(await fakeValue(target.row, target.col)).toBe(before);
    const greens = () => page.evaluate(
      ([sheet, green]) => {
        let n = 0;
        for (const [, row] of (window as unknown as TopWindow).__fakeExcel.sheet(sheet)!.cells) for (const [, c] of row) if (c.fill === green) n++;
        return n;
      },
      [grid.sheet, GREEN] as const,
    );
    expect(await greens()).toBeGreaterThan(50);

    // The pane (another runtime) checks again and offers to clear the ribbon's marks.
    await pane.locator('[data-testid="recheck"]').click();
    await pane.locator('[data-testid="clear-fix-marks"]').waitFor({ timeout: 20_000 });
    await pane.locator('[data-testid="clear-fix-marks"]').click();
    await expect.poll(greens, { timeout: 10_000 }).toBe(0);
    await expect(pane.locator('[data-testid="clear-fix-marks"]').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(OUT, '07-excel-pane.png'), fullPage: true });
  });

  it('left no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
