/**
 * The catalogue use-cases the pane and the ribbon share: the drop-down plan for a catalogue
 * sheet, and a fix logged as a 'catalogue-fixed' event in the same write.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateGrid } from '../catalogue/engine.ts';
import { gridFromRows } from '../catalogue/grid.ts';
import { readWorkbook } from '../port/file/index.ts';
import { LOG_HEADER, LOG_SHEET, readLogEvents, verifyLog } from '../../forms-lib/stats/log.ts';
import { STANDARD_DEADLINES, addCatalogueDropdowns, catalogueDropdowns, catalogueFixedEvent, fixLogOption, fixSheet, rulesTouching } from './catalogue.ts';

const SAMPLES = resolve(import.meta.dirname, '../../test/fixtures/samples');
const open = (name: string) => readWorkbook(new Uint8Array(readFileSync(resolve(SAMPLES, name))), name);
const HEAD = ['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式'];

describe('drop-down lists', () => {
  it('every standard 公开时限 phrasing passes deadline-format without a finding', () => {
    const rows = [HEAD, ...STANDARD_DEADLINES.map((d, i) => [i + 1, '机构职能', `事项${i + 1}`, '内容', '《中华人民共和国政府信息公开条例》', d, '本机关', '■政府网站', '√', '√'])];
    const res = validateGrid(gridFromRows('目录', rows));
    expect(res.catalogue).toBeDefined();
    expect(res.findings.filter((f) => f.ruleId === 'deadline-format')).toEqual([]);
    expect(STANDARD_DEADLINES.join(',').length).toBeLessThanOrEqual(255);
  });

  it('plans a prompt for 渠道, the office mark for tick columns, the phrasings (warning) for 时限', async () => {
    const grid = await open('shangdang-district-catalogue.xlsx').readSheet();
    const plan = catalogueDropdowns(grid, undefined, { mark: '✓' })!;
    expect(plan.columns.map((c) => [c.col, c.kind])).toEqual([[8, 'list'], [10, 'prompt'], [11, 'list'], [12, 'list'], [13, 'list']]);
    const byCol = new Map(plan.rules.map((r) => [r.range.c1, r]));
    for (const r of plan.rules) expect([r.range.r1, r.range.r2]).toEqual([5, grid.values.length + 200]);
    expect(byCol.get(8)).toMatchObject({ list: STANDARD_DEADLINES, errorStyle: 'warning' });
    expect(byCol.get(10)?.list).toBeUndefined();
    expect(byCol.get(10)?.prompt?.message).toContain('社区/企事业单位/村公示栏（电子屏）、精准推送、其他');
    expect(byCol.get(11)).toMatchObject({ list: ['✓'], errorStyle: 'stop' });
    expect(byCol.get(13)).toMatchObject({ list: ['✓'], errorStyle: 'stop' });
  });

  it('a one-column 公开方式 offers the mark and the words, as a warning', async () => {
    const grid = await open('changzhi-commerce-catalogue.xlsx').readSheet();
    const plan = catalogueDropdowns(grid)!;
    expect(plan.rules.find((r) => r.range.c1 === 12)).toMatchObject({ list: ['√', '主动公开', '依申请公开'], errorStyle: 'warning' });
    expect(catalogueDropdowns(gridFromRows('x', [['hello']]))).toBeNull();
  });

  it('addCatalogueDropdowns writes them through the port (file adapter: into the saved sheet)', async () => {
    const wb = open('shangdang-district-catalogue.xlsx');
    const plan = await addCatalogueDropdowns(wb);
    expect(plan?.rules).toHaveLength(5);
    const { loadExcelJs } = await import('../../test/port/helpers.ts');
    const ws = (await loadExcelJs(wb.save())).getWorksheet(plan!.sheet)!;
    expect(ws.getCell('K7').dataValidation).toMatchObject({ type: 'list', formulae: ['"√"'] });
    expect(ws.getCell('H40').dataValidation).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(ws.getCell('J9').dataValidation).toMatchObject({ showInputMessage: true, promptTitle: '公开渠道和载体' });
  });
});

describe('fixes are logged', () => {
  it('catalogueFixedEvent carries sheet, cells and sorted rule ids as JSON', () => {
    expect(catalogueFixedEvent({ sheet: '目录', cells: 3, rules: ['text-whitespace', 'row-shift', 'row-shift'] }, '张三')).toEqual({
      type: 'catalogue-fixed',
      detail: '{"sheet":"目录","cells":3,"rules":["row-shift","text-whitespace"]}',
      operator: '张三',
    });
  });

  it('fixSheet({ log }) appends one chained event counting the applied cells, with the rules that fixed them', async () => {
    const wb = open('shangdang-district-catalogue.xlsx');
    const before = validateGrid(await wb.readSheet());
    const r = await fixSheet(wb, { log: { now: () => '2026-03-02T10:00:00+08:00' } });
    const log = (await wb.readLog(LOG_SHEET))!;
    expect(log.visibility).toBe('veryHidden');
    expect(verifyLog(log)).toMatchObject({ ok: true, rowCount: 1 });
    const [e] = readLogEvents(log.rows);
    expect([e.type, e.time]).toEqual(['catalogue-fixed', '2026-03-02T10:00:00+08:00']);
    const d = JSON.parse(e.detail) as { sheet: string; cells: number; rules: string[] };
    expect(d.sheet).toBe(r.sheet);
    expect(d.cells).toBe(r.apply!.applied.length);
    expect(d.rules).toEqual(rulesTouching(before.findings, new Set(r.apply!.applied.map((x) => x.cell))));
    expect(d.rules).toContain('row-shift');
    // the saved file keeps the event
    const back = readWorkbook(wb.save(), 'x.xlsx');
    expect(readLogEvents((await back.readLog(LOG_SHEET))!.rows).map((x) => x.type)).toEqual(['catalogue-fixed']);
  });

  it('a stale fix logs nothing; a damaged log leaves the fix unlogged and says why', async () => {
    const wb = open('shangdang-district-catalogue.xlsx');
    const grid = await wb.readSheet();
    const logged = await fixLogOption(wb, grid.sheet, () => ['x']);
    await wb.applyEdits(grid.sheet, [{ row: 7, col: 6, cell: 'F7', expect: '不是这个值', set: 'x' }], logged.options);
    expect((await wb.readLog(LOG_SHEET))!.rows).toEqual([]);
    await wb.appendLog(LOG_SHEET, [['1', 'x']]);
    const broken = await fixLogOption(wb, grid.sheet, () => ['x']);
    expect(broken.options).toEqual({});
    expect(broken.problem?.ok).toBe(false);
    expect(LOG_HEADER.length).toBe(12);
  });

  it('remembers the log head with the fix, and does not extend a log whose last rows were deleted', async () => {
    const wb = open('shangdang-district-catalogue.xlsx');
    const first = await fixSheet(wb, { log: true });
    const rows = (await wb.readLog(LOG_SHEET))!.rows;
    expect(rows).toHaveLength(1);
    expect((await wb.readState())['log.head:_xxgk_log']).toBe(`1 ${rows[0][11]}`);
    expect(first.logProblem).toBeUndefined();
    // the catalogue-fixed row emptied (what deleting it leaves): the remembered head is gone from the log
    await wb.applyEdits(LOG_SHEET, rows[0].map((v, k) => ({ row: 2, col: k + 1, cell: '', expect: v, set: null })), { highlight: false });
    const grid = await wb.readSheet();
    await wb.applyEdits(grid.sheet, [{ row: 7, col: 6, cell: 'F7', expect: grid.values[6][5], set: '改动' }], { highlight: false });
    const second = await fixSheet(wb, { log: true, unsafe: true });
    expect(second.logProblem?.code).toBe('truncated');
    expect((await wb.readLog(LOG_SHEET))!.rows.filter((r) => r.some((c) => c !== ''))).toEqual([]);
  });
});
