import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../catalogue/grid.ts';
import { colLetters } from '../catalogue/grid.ts';
import type { ExcelRun } from '../port/excel/excel-workbook.ts';
import { ExcelWorkbook, excelCapabilities } from '../port/excel/excel-workbook.ts';
import { FakeExcel } from '../port/excel/fake-excel.ts';
import { readWorkbook } from '../port/file/index.ts';
import { fixSheet } from '../usecases/catalogue.ts';
import { validateGrid } from '../catalogue/engine.ts';
import { ignoreRecordFor, ignoreStateKey, ignoreStateValue } from '../taskpane/ignores.ts';
import { readRibbon } from '../../bin/validate-manifest.ts';
import { LOG_HEADER, LOG_SHEET, verifyLog } from '../../forms-lib/stats/log.ts';
import { DEFAULT_SETTINGS, type PaneSettings } from '../taskpane/settings.ts';
import type { Notice } from './commands.ts';
import { errorNotice, fixAllSafeOn, monthlyStatsOn, renderNotice, runCommand, yearInChina } from './commands.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLES = resolve(ROOT, 'test/fixtures/samples');

function excelWith(grids: Grid[], excelApi = '1.20') {
  const fake = new FakeExcel({ excelApi });
  for (const g of grids) {
    const s = fake.addSheet(g.sheet, g.values);
    s.merges = g.merges.map((m) => ({ ...m }));
  }
  const port = new ExcelWorkbook(fake.run as unknown as ExcelRun, { capabilities: excelCapabilities((s, v) => fake.isSetSupported(s, v)) });
  return { fake, port };
}

const fileOf = (name: string) => readWorkbook(new Uint8Array(readFileSync(resolve(SAMPLES, name))), name);

describe('ribbon commands', () => {
  it('manifest ExecuteFunction names are the ones commands.ts associates', () => {
    const src = readFileSync(resolve(ROOT, 'addin/commands/commands.ts'), 'utf8');
    const names = readRibbon(readFileSync(resolve(ROOT, 'manifest.xml'), 'utf8')).buttons.flatMap((b) => (b.action.type === 'ExecuteFunction' ? [b.action.functionName] : []));
    expect(names).toEqual(['fixAllSafe', 'monthlyStats']);
    for (const n of names) expect(src).toContain(`Office.actions.associate('${n}'`);
  });

  it('fixAllSafe through the Excel adapter leaves the sheet as the file adapter does: edits, green marks and the log event in 1 write sync', async () => {
    const file = fileOf('shangdang-district-catalogue.xlsx');
    const grid = await file.readSheet();
    const { fake, port } = excelWith([grid]);
    await port.ensureLogSheet(LOG_SHEET, LOG_HEADER);
    const userFill = fake.sheet(grid.sheet)!.touch(2, 1);
    userFill.fill = '#FFFF00';
    fake.resetCounters();
    const notice = await fixAllSafeOn(port);
    const ref = await fixSheet(file);
    expect(ref.apply?.applied.length).toBe(205);
    expect(notice.kind).toBe('success');
    expect(notice.zh).toBe(
      `已修复工作表「${grid.sheet}」中的 ${ref.apply?.applied.length} 处单元格（已用绿色标出）。剩余 ${ref.after.stats.errors} 个错误、${ref.after.stats.warnings} 个警告，可点击「校验目录」查看。`,
    );
    // readSheet (2) + readState (1, the ignores) + ensureLogSheet (1) + readLog (1) + applyEdits read (1) + write (1): one sync writes anything
    expect(fake.syncCount).toBe(7);
    expect(fake.syncs.filter((x) => x.actions > 0)).toHaveLength(1);
    expect(fake.syncs.at(-1)!.actions).toBeGreaterThan(0);
    expect(fake.runs.at(-1)).toEqual({ mergeUndoGroup: true });
    // the log's new head is remembered in that same write
    const logRows = (await port.readLog(LOG_SHEET))!.rows;
    expect(logRows).toHaveLength(1);
    expect((await port.readState())['log.head:_xxgk_log']).toBe(`1 ${logRows[0][11]}`);
    const after = file.readSheetSync();
    const sheet = fake.sheet(grid.sheet)!;
    for (const e of ref.apply?.applied ?? []) {
      expect([e.cell, sheet.value(e.row, e.col)]).toEqual([e.cell, after.values[e.row - 1]?.[e.col - 1] ?? null]);
      expect([e.cell, sheet.cell(e.row, e.col)?.fill]).toEqual([e.cell, '#C6EFCE']);
    }
    const changed = new Set((ref.apply?.applied ?? []).map((e) => e.cell));
    expect(changed.has('A2')).toBe(false);
    expect(sheet.cell(2, 1)?.fill).toBe('#FFFF00'); // an untouched cell keeps the user's fill
    const log = await port.readLog(LOG_SHEET);
    expect(verifyLog(log!)).toMatchObject({ ok: true, rowCount: 1 });
    expect(log!.rows[0][3]).toBe('catalogue-fixed');
    const detail = JSON.parse(log!.rows[0][9]) as { sheet: string; cells: number; rules: string[] };
    expect(detail.sheet).toBe(grid.sheet);
    expect(detail.cells).toBe(205);
    expect(detail.rules).toEqual(expect.arrayContaining(['row-shift', 'mark-normalize']));
    expect(detail.rules).toEqual([...detail.rules].sort());
  });

  it('fixAllSafe leaves alone a finding the user ignored in the pane (the workbook\'s state), and fixes the rest', async () => {
    const file = fileOf('shangdang-district-catalogue.xlsx');
    const grid = await file.readSheet();
    const ref = await fixSheet(file);
    const touched = new Map<string, number>();
    for (const f of validateGrid(grid).findings) if (f.fix?.applicability === 'safe') for (const e of f.fix.edits) touched.set(e.cell, (touched.get(e.cell) ?? 0) + 1);
    // a safe finding that is the only one editing its one cell
    const target = validateGrid(grid).findings.find((f) => f.fix?.applicability === 'safe' && f.fix.edits.length === 1 && f.fix.edits[0].cell === f.cell && touched.get(f.cell) === 1)!;
    expect(target).toBeDefined();
    expect(ref.apply?.applied.some((e) => e.cell === target.cell)).toBe(true); // without the ignore it is fixed
    const { fake, port } = excelWith([grid]);
    // what the pane's 忽略 writes
    const record = ignoreRecordFor(target, grid);
    await port.writeState({ [ignoreStateKey(record)]: ignoreStateValue(record) });
    const before = fake.sheet(grid.sheet)!.value(target.row, target.col);
    const n = await fixAllSafeOn(port);
    expect(n.kind).toBe('success');
    const sheet = fake.sheet(grid.sheet)!;
    expect(sheet.value(target.row, target.col)).toBe(before);
    expect(sheet.cell(target.row, target.col)?.fill).toBeUndefined();
    expect(n.zh).toContain(`已修复工作表「${grid.sheet}」中的 ${(ref.apply?.applied.length ?? 0) - 1} 处单元格`);
    // the rest was fixed as without the ignore
    for (const e of ref.apply?.applied ?? []) if (e.cell !== target.cell) expect([e.cell, sheet.value(e.row, e.col)]).toEqual([e.cell, e.set === '' ? null : e.set]);
  });

  it('fixAllSafe creates the very-hidden log the first time and says when a damaged log kept the fix out of it', async () => {
    const grid = await fileOf('shangdang-district-catalogue.xlsx').readSheet();
    const first = excelWith([grid]);
    await fixAllSafeOn(first.port);
    expect(first.fake.sheet(LOG_SHEET)?.visibility).toBe('VeryHidden');
    const { fake, port } = excelWith([grid]);
    await port.ensureLogSheet(LOG_SHEET, LOG_HEADER);
    fake.sheet(LOG_SHEET)!.setRows([['1', 'x', 'y']], 2);
    const n = await fixAllSafeOn(port);
    expect(n.kind).toBe('info');
    expect(n.zh).toContain('事件日志已损坏，本次修复未记入日志');
    expect(fake.sheet(grid.sheet)!.cell(7, 6)?.fill).toBe('#C6EFCE');
    expect((await port.readLog(LOG_SHEET))!.rows).toHaveLength(1);
  });

  it('fixAllSafe on a sheet without a catalogue changes nothing and says so', async () => {
    const { fake, port } = excelWith([{ sheet: 'Sheet1', values: [['hello']], merges: [] }]);
    const n = await fixAllSafeOn(port);
    expect(n).toEqual({
      kind: 'info',
      title: '一键修复 / Fix all safe',
      zh: '工作表「Sheet1」中没有找到主动公开事项目录的表头（序号、事项、公开依据……），未做修改。',
      en: 'No catalogue header (序号, items, 公开依据 …) was found on the sheet "Sheet1"; nothing was changed.',
    });
    expect(fake.sheet('Sheet1')?.snapshot()).toEqual({ A1: 'hello' });
  });

  it('monthlyStats writes 月度统计 and 年度报告表三 from the register', async () => {
    const file = fileOf('register-sample.xlsx');
    const grids = await Promise.all((await file.listSheets()).map((s) => file.readSheet(s)));
    const { fake, port } = excelWith(grids);
    const n = await monthlyStatsOn(port, 2025);
    expect(n.title).toBe('月度统计 / Monthly statistics');
    expect(n.kind).toBe('success');
    expect(n.zh).toBe('已按 13 件申请生成 2025 年统计，写入「月度统计」「年度报告表三」「年度报告表四」（「月度统计」附每月新收与办结图表）。');
    const monthly = fake.sheet('月度统计')!;
    expect(monthly.value(1, 1)).toBe('政府信息公开申请月度统计（2025年）');
    // the chart: months in A3:A14, 新收申请 and 办结 from their header columns
    const col = (label: string) => colLetters([...monthly.cells.get(2)!].find(([, c]) => c.value === label)![0]);
    expect(monthly.charts).toEqual([
      expect.objectContaining({
        name: 'xxgk-monthly-chart',
        type: 'ColumnClustered',
        series: [
          { name: '新收申请', values: `${col('新收申请')}3:${col('新收申请')}14`, categories: 'A3:A14' },
          { name: '办结', values: `${col('办结')}3:${col('办结')}14`, categories: 'A3:A14' },
        ],
      }),
    ]);
    expect(monthly.value(14, 1)).toBe('2025-12');
    expect(monthly.value(15, 1)).toBe('合计');
    await monthlyStatsOn(port, 2025);
    expect(fake.sheet('月度统计')!.charts).toHaveLength(1); // re-run: replaced, not added
    expect(fake.sheet('年度报告表三')).toBeDefined();
  });

  it("monthlyStats counts 逾期 with the office's reply limit from 设置 (15 working days here)", async () => {
    const lateInMarch = async (settings?: PaneSettings) => {
      const file = fileOf('register-sample.xlsx');
      const grids = await Promise.all((await file.listSheets()).map((s) => file.readSheet(s)));
      const { fake, port } = excelWith(grids);
      await monthlyStatsOn(port, 2026, settings);
      const monthly = fake.sheet('月度统计')!;
      const col = [...monthly.cells.get(2)!].find(([, c]) => c.value === '逾期办结')![0];
      expect(monthly.value(5, 1)).toBe('2026-03');
      return monthly.value(5, col);
    };
    // CXSW-2026-002 (received 2026-03-02) was answered in 19 working days: late only for a 15-day office
    expect(await lateInMarch()).toBe(0);
    expect(await lateInMarch({ ...DEFAULT_SETTINGS, replyDays: 15 })).toBe(1);
  });

  it('monthlyStats without a 申请登记 sheet ends in a Chinese error notice, and the event still completes', async () => {
    const { port } = excelWith([{ sheet: '目录', values: [['x']], merges: [] }]);
    let completed = 0;
    const shown: Notice[] = [];
    const n = await runCommand({ completed: () => completed++ }, '月度统计 / Monthly statistics', () => monthlyStatsOn(port, 2025), async (x) => void shown.push(x));
    expect(completed).toBe(1);
    expect(shown).toEqual([n]);
    expect(n.kind).toBe('error');
    expect(n.zh).toBe('找不到工作表「申请登记」。本工作簿中的工作表：「目录」。');
  });

  it('runCommand completes the event even when the notice itself fails', async () => {
    let completed = 0;
    const n = await runCommand({ completed: () => completed++ }, 'T', () => Promise.reject(new Error('boom')), () => Promise.reject(new Error('no dialog')));
    expect(completed).toBe(1);
    expect(n).toEqual(errorNotice('T', new Error('boom')));
    expect(n.zh).toBe('操作没有完成：boom。请重试，或打开任务窗格查看详情。');
  });

  it('yearInChina uses Asia/Shanghai', () => {
    expect(yearInChina(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(yearInChina(new Date('2025-12-31T15:30:00Z'))).toBe(2025);
  });
});

describe('the notice dialog page (commands.html?notice=…)', () => {
  interface El { tag: string; textContent: string; lang: string; style: { cssText: string; color: string }; handlers: Record<string, () => void>; focused: boolean }
  const fakeDocument = () => {
    const el = (tag: string): El & { addEventListener(t: string, f: () => void): void; focus(): void } => {
      const e = { tag, textContent: '', lang: '', style: { cssText: '', color: '' }, handlers: {} as Record<string, () => void>, focused: false };
      return Object.assign(e, { addEventListener: (t: string, f: () => void) => void (e.handlers[t] = f), focus: () => void (e.focused = true) });
    };
    const body = { style: { cssText: '' }, children: [] as El[], replaceChildren: (...c: El[]) => void (body.children = c) };
    return { documentElement: { lang: '' }, body, createElement: el };
  };

  it('renders the title, the Chinese then the English text, and closes on 确定', () => {
    const doc = fakeDocument();
    let closed = 0;
    const n: Notice = { kind: 'error', title: '一键修复 / Fix all safe', zh: '工作表「目录」受保护。', en: 'The sheet "目录" is protected.' };
    expect(renderNotice(doc as unknown as Document, `?notice=${encodeURIComponent(JSON.stringify(n))}`, () => closed++)).toBe(true);
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.body.children.map((c) => [c.tag, c.textContent])).toEqual([
      ['h1', '一键修复 / Fix all safe'],
      ['p', '工作表「目录」受保护。'],
      ['p', 'The sheet "目录" is protected.'],
      ['button', '确定 / OK'],
    ]);
    expect(doc.body.children[0].style.cssText).toContain('#A4262C');
    doc.body.children[3].handlers.click();
    expect(closed).toBe(1);
    expect(renderNotice(doc as unknown as Document, '', () => closed++)).toBe(false);
    expect(renderNotice(doc as unknown as Document, '?notice=%7Bbroken', () => closed++)).toBe(false);
  });
});
