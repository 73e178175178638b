import { describe, expect, it } from 'vitest';
import type { Scalar } from '../../catalogue/grid.ts';
import type { CellEdit, Finding } from '../../catalogue/types.ts';
import type { ExcelRun, ExcelWorkbookOptions } from './excel-workbook.ts';
import { ExcelPortError, ExcelWorkbook, cellOf, excelCapabilities, excelInput, isDateFormat } from './excel-workbook.ts';
import { FakeExcel, FakeRichApiError } from './fake-excel.ts';
import { isPayloadError } from './errors.ts';
import { validateSheet } from '../../usecases/catalogue.ts';

function setup(o: { excelApi?: string; payloadLimit?: number; port?: Partial<ExcelWorkbookOptions> } = {}) {
  const fake = new FakeExcel({ excelApi: o.excelApi, payloadLimit: o.payloadLimit });
  const port = new ExcelWorkbook(fake.run as unknown as ExcelRun, {
    capabilities: excelCapabilities((s, v) => fake.isSetSupported(s, v)),
    ...o.port,
  });
  return { fake, port };
}

/** rows x cols of fixed-width text, so payload sizes are exact. */
function block(rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => `r${String(i + 1).padStart(5, '0')}c${j + 1}`));
}

const edit = (cell: string, row: number, col: number, expect: Scalar, set: Scalar): CellEdit => ({ cell, row, col, expect, set });

describe('fake Excel behaves like Office.js where it matters', () => {
  it('throws PropertyNotLoaded before load + sync, counts syncs, estimates payload', async () => {
    const fake = new FakeExcel();
    fake.addSheet('目录', [['a', 1]]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('目录').getRange('A1:B1');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([['a', 1]]);
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.syncs[0].payload).toBe(JSON.stringify({ values: [['a', 1]] }).length);
  });

  it('fails a sync whose response is over the payload limit, and a write on a protected sheet', async () => {
    const fake = new FakeExcel({ payloadLimit: 100 });
    fake.addSheet('S', block(10, 10)).protected = true;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:J10').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.sheet('S')?.value(1, 1)).toBe('r00001c1');
  });
});

describe('readSheet', () => {
  it('reads a 50,000-cell sheet in 2 syncs', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录', block(5000, 10));
    const g = await port.readSheet('目录');
    expect(fake.syncCount).toBe(2);
    expect(port.lastSyncs).toBe(2);
    expect(g.sheet).toBe('目录');
    expect(g.values).toHaveLength(5000);
    expect(g.values[0]).toEqual(block(1, 10)[0]);
    expect(g.values[4999][9]).toBe('r05000c10');
    expect(g.merges).toEqual([]);
    expect(fake.syncs.every((s) => !s.failed)).toBe(true);
  });

  it('the validate use-case reads a 50,000-cell sheet through the adapter in 2 syncs', async () => {
    const { fake, port } = setup();
    const rows: Scalar[][] = [['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式']];
    for (let i = 1; i < 5000; i++) rows.push([i, '机构职能', `事项${i}`, '内容', '《条例》', '20个工作日', '本机关', '■政府网站', '全社会', '主动']);
    fake.addSheet('目录', rows);
    const report = await validateSheet(port, '目录');
    expect(fake.syncCount).toBe(2);
    expect(report.sheet).toBe('目录');
    expect(report.header?.row).toBe(1);
  });

  it('chunks a 100,000-cell sheet by estimated payload: 1 + 2 syncs', async () => {
    const { fake, port } = setup();
    fake.addSheet('大表', block(10_000, 10));
    const g = await port.readSheet('大表');
    expect(fake.syncCount).toBe(3);
    expect(g.values).toHaveLength(10_000);
    expect(g.values[5000][0]).toBe('r05001c1');
    expect(g.values[9999][9]).toBe('r10000c10');
  });

  it('halves the chunk when Excel reports a payload-size error: 1 + 1 failed + 4 syncs', async () => {
    // Each row loads values + valueTypes + numberFormat: ~340 bytes; 5000 rows fail, 2500 fit.
    const { fake, port } = setup({ payloadLimit: 1_000_000 });
    fake.addSheet('大表', block(10_000, 10));
    const g = await port.readSheet('大表');
    expect(fake.syncs.map((s) => s.failed ?? 'ok')).toEqual(['ok', 'ResponsePayloadSizeLimitExceeded', 'ok', 'ok', 'ok', 'ok']);
    expect(fake.syncs.slice(2).every((s) => s.payload <= 1_000_000)).toBe(true);
    expect(g.values).toHaveLength(10_000);
    expect(g.values[2500][0]).toBe('r02501c1');
    expect(g.values[9999][9]).toBe('r10000c10');
  });

  it('halves a small sheet too when its rows are heavier than estimated', async () => {
    const { fake, port } = setup({ payloadLimit: 60_000 });
    const long = '长'.repeat(300);
    fake.addSheet('长文本', Array.from({ length: 400 }, (_, i) => [i + 1, long]));
    const g = await port.readSheet('长文本');
    // 400 rows fail, then 200-row chunks fail, then 100-row chunks fit (4 of them).
    expect(fake.syncs.map((s) => s.failed ?? 'ok')).toEqual(['ok', 'ResponsePayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'ok', 'ok', 'ok', 'ok']);
    expect(g.values).toHaveLength(400);
    expect(g.values[399]).toEqual([400, long]);
  });

  it('reports a single row over the limit with the row number', async () => {
    const { fake, port } = setup({ payloadLimit: 2000 });
    fake.addSheet('S', [['短'], ['长'.repeat(3000)]]);
    await expect(port.readSheet('S')).rejects.toMatchObject({ code: 'too-large', zh: expect.stringContaining('第 2 行') });
  });

  it('reads 600 merged areas (two pages of 512) in the same 2 syncs', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('合并', block(1200, 3));
    s.merges = Array.from({ length: 600 }, (_, k) => ({ r1: 2 * k + 1, c1: 1, r2: 2 * k + 2, c2: 2 }));
    const g = await port.readSheet('合并');
    expect(fake.syncCount).toBe(2);
    expect(g.merges).toHaveLength(600);
    expect(g.merges).toEqual(s.merges);
  });

  it('pages merged areas on an empty sheet with one more sync', async () => {
    const { fake, port } = setup();
    fake.addSheet('空').merges = Array.from({ length: 513 }, (_, k) => ({ r1: k + 1, c1: 1, r2: k + 1, c2: 3 }));
    const g = await port.readSheet('空');
    expect(g.values).toEqual([]);
    expect(g.merges).toHaveLength(513);
    expect(fake.syncCount).toBe(2);
  });

  it('below ExcelApi 1.13 does not call getMergedAreasOrNullObject and uses the fallback', async () => {
    const asked: string[] = [];
    const { fake, port } = setup({ excelApi: '1.12', port: { mergesFallback: async (sheet) => (asked.push(sheet), [{ r1: 1, c1: 1, r2: 1, c2: 2 }]) } });
    fake.addSheet('旧版', [['标题'], ['x', 'y']]).merges = [{ r1: 1, c1: 1, r2: 1, c2: 2 }];
    const g = await port.readSheet('旧版');
    expect(asked).toEqual(['旧版']);
    expect(g.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 2 }]);
    expect(fake.syncCount).toBe(2);
  });

  it('keeps sheet coordinates when the used range starts at C3, and reads dates and errors', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('表');
    s.setRows([['收到日期', '结果'], [45658, '#REF!']], 3, 3);
    s.touch(4, 3).numberFormat = 'yyyy"年"m"月"d"日"';
    const g = await port.readSheet();
    expect(g.values).toEqual([[], [], [null, null, '收到日期', '结果'], [null, null, '2025-01-01']]);
    expect(g.special).toEqual({ C4: { kind: 'date', iso: '2025-01-01' }, D4: { kind: 'error', error: '#REF!' } });
  });

  it('names the sheets that exist when the one asked for does not', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录');
    fake.addSheet('申请登记');
    const err = await port.readSheet('目录2').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelPortError);
    expect((err as ExcelPortError).zh).toBe('找不到工作表「目录2」。本工作簿中的工作表：「目录」、「申请登记」。');
    expect(fake.syncCount).toBe(1);
  });
});

describe('applyEdits', () => {
  const rows = () => [
    ['序号', '事项', '时限'],
    [1, '机构 职能', '20个工作日'],
    [2, '政策文件', '001'],
  ];

  it('writes all edits, their highlight and the log rows in 1 write sync; stale cells are skipped and never written', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('目录', rows());
    fake.addSheet('_log', [['时间', '事件']]).visibility = 'VeryHidden';
    s.touch(3, 2).value = '政策文件（用户刚改过）';
    const res = await port.applyEdits(
      '目录',
      [edit('B2', 2, 2, '机构 职能', '机构职能'), edit('B3', 3, 2, '政策文件', '政策性文件'), edit('C3', 3, 3, '001', '0001')],
      { log: { name: '_log', rows: [['2026-01-05 09:00', 'fix 2']] } },
    );
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[0].actions).toBe(0);
    expect(fake.syncs[1].loads).toBe(0);
    expect(res.syncs).toBe(2);
    expect(res.applied.map((e) => e.cell)).toEqual(['B2', 'C3']);
    expect(res.skipped.map((e) => e.cell)).toEqual(['B3']);
    expect(s.value(2, 2)).toBe('机构职能');
    expect(s.value(3, 2)).toBe('政策文件（用户刚改过）');
    expect(s.value(3, 3)).toBe('0001'); // stays text: written as '0001
    expect(s.cell(2, 2)?.fill).toBe('#C6EFCE');
    expect(s.cell(3, 3)?.fill).toBe('#C6EFCE');
    expect(s.cell(3, 2)?.fill).toBeUndefined();
    expect(fake.sheet('_log')?.snapshot()).toEqual({ A1: '时间', B1: '事件', A2: '2026-01-05 09:00', B2: 'fix 2' });
    expect(fake.runs).toEqual([{ mergeUndoGroup: true }]);
    expect(res.nativeUndo).toBe(true);
  });

  it('below ExcelApi 1.20 runs without mergeUndoGroup and returns a revert set that undoes the change', async () => {
    const { fake, port } = setup({ excelApi: '1.13' });
    const s = fake.addSheet('目录', rows());
    const res = await port.applyEdits('目录', [edit('B2', 2, 2, '机构 职能', '机构职能'), edit('C2', 2, 3, '20个工作日', null)]);
    expect(fake.runs).toEqual([{}]);
    expect(res.nativeUndo).toBe(false);
    expect(res.revert).toEqual([edit('C2', 2, 3, null, '20个工作日'), edit('B2', 2, 2, '机构职能', '机构 职能')]);
    expect(s.value(2, 3)).toBe(null);
    const back = await port.revert('目录', res);
    expect(back.applied).toHaveLength(2);
    expect(s.snapshot()).toEqual({ A1: '序号', B1: '事项', C1: '时限', A2: 1, B2: '机构 职能', C2: '20个工作日', A3: 2, B3: '政策文件', C3: '001' });
  });

  it('compares dates as validation saw them (ISO text of a date cell)', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('登记', [['收到日期'], [45658]]);
    s.touch(2, 1).numberFormat = 'yyyy-mm-dd';
    const res = await port.applyEdits('登记', [edit('A2', 2, 1, '2025-01-01', '2025-01-02')]);
    expect(res.applied).toHaveLength(1);
    expect(s.value(2, 1)).toBe('2025-01-02');
  });

  it('refuses a protected sheet with a clear Chinese and English message, writing nothing', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('目录', rows());
    s.protected = true;
    const err = (await port.applyEdits('目录', [edit('B2', 2, 2, '机构 职能', '机构职能')]).catch((e: unknown) => e)) as ExcelPortError;
    expect(err).toBeInstanceOf(ExcelPortError);
    expect(err.code).toBe('protected');
    expect(err.zh).toBe('工作表「目录」受保护，无法修改单元格。请在「审阅」选项卡点击「撤消工作表保护」后重试。');
    expect(err.en).toBe('The sheet "目录" is protected, so changing cells is not possible. Unprotect it (Review > Unprotect Sheet) and try again.');
    expect(fake.syncCount).toBe(1);
    expect(s.value(2, 2)).toBe('机构 职能');
  });

  it('skips the write sync when every edit is stale', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录', rows());
    const res = await port.applyEdits('目录', [edit('B2', 2, 2, '别的值', '机构职能')]);
    expect(res).toMatchObject({ applied: [], revert: [] });
    expect(res.skipped).toHaveLength(1);
    expect(fake.syncCount).toBe(1);
  });
});

describe('highlight, select', () => {
  const finding = (cell: string, row: number, col: number, severity: Finding['severity']): Finding => ({
    ruleId: 'r', severity, sheet: '目录', row, col, cell, field: null, value: null, messageId: 'm', data: {},
  });

  it('colours by the worst severity per cell and clearHighlights restores the previous fill', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('目录', block(3, 3));
    s.touch(1, 1).fill = '#FFFF00';
    await port.highlight('目录', [finding('A1', 1, 1, 'warning'), finding('A1', 1, 1, 'error'), finding('B2', 2, 2, 'info')]);
    expect(fake.syncCount).toBe(2);
    expect([s.cell(1, 1)?.fill, s.cell(2, 2)?.fill]).toEqual(['#FFC7CE', '#DDEBF7']);
    await port.highlight('目录', [finding('A1', 1, 1, 'info')]);
    await port.clearHighlights('目录');
    expect([s.cell(1, 1)?.fill, s.cell(2, 2)?.fill]).toEqual(['#FFFF00', undefined]);
  });

  it('uses one range per cell below ExcelApi 1.9', async () => {
    const { fake, port } = setup({ excelApi: '1.8' });
    const s = fake.addSheet('目录', block(3, 3));
    await port.highlight('目录', [finding('C3', 3, 3, 'error')]);
    expect(s.cell(3, 3)?.fill).toBe('#FFC7CE');
  });

  it('select() selects the range on its sheet', async () => {
    const { fake, port } = setup();
    fake.addSheet('A');
    fake.addSheet('目录', block(3, 3));
    await port.select('目录', { r1: 2, c1: 2, r2: 3, c2: 3 });
    expect(fake.selection).toEqual({ sheet: '目录', address: 'B2:C3' });
    expect(fake.activeSheet).toBe('目录');
  });
});

describe('log sheet and product sheets', () => {
  it('ensureLogSheet creates a very hidden sheet once and never replaces an existing one', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录');
    expect(await port.ensureLogSheet('_xxgk_log', ['时间', '事件', '哈希'])).toEqual({ created: true, visibility: 'veryHidden' });
    expect(await port.ensureLogSheet('_xxgk_log', ['别的表头'])).toEqual({ created: false, visibility: 'veryHidden' });
    expect(fake.sheets.filter((s) => s.name === '_xxgk_log')).toHaveLength(1);
    expect(fake.sheet('_xxgk_log')?.visibility).toBe('VeryHidden');
    expect(fake.sheet('_xxgk_log')?.snapshot()).toEqual({ A1: '时间', B1: '事件', C1: '哈希' });
    fake.addSheet('旧日志', [['x']]);
    expect(await port.ensureLogSheet('旧日志', ['时间'])).toEqual({ created: false, visibility: 'visible' });
    expect(fake.sheet('旧日志')?.snapshot()).toEqual({ A1: 'x' });
  });

  it('appendLog + readLog keep every cell as text (dates, numbers, leading zeros)', async () => {
    const { fake: f, port: p } = setup();
    f.addSheet('目录');
    await p.ensureLogSheet('_xxgk_log', ['时间', '编号', '值']);
    await p.appendLog('_xxgk_log', [['2026-01-05', '001', 'TRUE']]);
    await p.appendLog('_xxgk_log', [['2026-01-06', '=1+1', '12']]);
    expect(await p.readLog('_xxgk_log')).toEqual({
      visibility: 'veryHidden',
      header: ['时间', '编号', '值'],
      rows: [['2026-01-05', '001', 'TRUE'], ['2026-01-06', '=1+1', '12']],
    });
    expect(await p.readLog('没有')).toBeNull();
    await expect(p.appendLog('没有', [['x']])).rejects.toMatchObject({ code: 'log-missing' });
  });

  it('writeSheet creates, then replaces a product sheet, with bold frozen header rows and widths', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录');
    await port.writeSheet('月度统计', [['月份', '收到'], ['2026-01', 3], ['2026-02', 5]], { headerRows: 1, columnWidths: [10, 6] });
    const s = fake.sheet('月度统计');
    expect(s?.snapshot()).toEqual({ A1: '月份', B1: '收到', A2: '2026-01', B2: 3, A3: '2026-02', B3: 5 });
    expect([s?.cell(1, 1)?.bold, s?.cell(1, 2)?.bold, s?.cell(2, 1)?.bold, s?.frozenRows]).toEqual([true, true, undefined, 1]);
    expect([...(s?.columnWidths ?? [])]).toEqual([[1, 75], [2, 47]]);
    await port.writeSheet('月度统计', [['月份'], ['2026-03']]);
    expect(fake.sheet('月度统计')?.snapshot()).toEqual({ A1: '月份', A2: '2026-03' });
    fake.sheet('月度统计')!.protected = true;
    await expect(port.writeSheet('月度统计', [['x']])).rejects.toMatchObject({ code: 'protected' });
  });

  it('a protected workbook structure and cell-edit mode end in clear errors', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录', [['x']]);
    fake.workbookProtected = true;
    await expect(port.ensureLogSheet('_xxgk_log', ['时间'])).rejects.toMatchObject({
      code: 'workbook-protected',
      zh: '工作簿结构受保护，无法添加工作表「_xxgk_log」。请在「审阅」选项卡点击「保护工作簿」取消保护后重试。',
    });
    await expect(port.writeSheet('月度统计', [['x']])).rejects.toMatchObject({ code: 'workbook-protected' });
    expect(fake.sheets.map((s) => s.name)).toEqual(['目录']);
    fake.cellEditMode = true;
    await expect(port.readSheet('目录')).rejects.toMatchObject({ code: 'cell-edit', zh: 'Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，然后重试。' });
  });

  it('listSheets lists hidden sheets too', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录');
    await port.ensureLogSheet('_xxgk_log', ['时间']);
    expect(await port.listSheets()).toEqual(['目录', '_xxgk_log']);
  });
});

describe('cell conversion helpers', () => {
  it('isDateFormat', () => {
    expect(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm', '[h]:mm:ss', 'm/d/yy'].map(isDateFormat)).toEqual([true, true, true, true, true, true]);
    expect(['General', '@', '0.00', '#,##0', '"第"0"号"', '0.00E+00', '[Red]0'].map(isDateFormat)).toEqual([false, false, false, false, false, false, false]);
  });

  it('cellOf and excelInput', () => {
    expect(cellOf('', 'Empty', 'General')).toEqual({ v: null });
    expect(cellOf('#N/A', 'Error', 'General')).toEqual({ v: null, sp: { kind: 'error', error: '#N/A' } });
    expect(cellOf(60, 'Double', 'yyyy-mm-dd')).toEqual({ v: 60, sp: { kind: 'date' } });
    expect(['001', '12', 'TRUE', '2026-1-5', '=A1', '-', '机构 职能', '', null, 3].map(excelInput)).toEqual(["'001", "'12", "'TRUE", "'2026-1-5", "'=A1", "'-", '机构 职能', '', '', 3]);
  });

  it('treats both payload error codes (and the message form) as payload errors', () => {
    expect(isPayloadError(new FakeRichApiError('PayloadTooLarge', 'x'))).toBe(true);
    expect(isPayloadError(new FakeRichApiError('ResponsePayloadSizeLimitExceeded', 'x'))).toBe(true);
    expect(isPayloadError(new Error('The request payload size has exceeded the limit.'))).toBe(true);
    expect(isPayloadError(new FakeRichApiError('AccessDenied', 'x'))).toBe(false);
  });
});

describe('fix marks are kept apart from finding highlights', () => {
  const finding = (cell: string, row: number, col: number, severity: Finding['severity'] = 'error'): Finding => ({
    ruleId: 'r', severity, sheet: '目录', row, col, cell, field: null, value: null, messageId: 'm', data: {},
  });
  const rows = () => [
    ['序号', '事项', '时限'],
    [1, '机构 职能', '20个工作日'],
    [2, '政策文件', '001'],
  ];

  it('clearHighlights after a fix keeps the green marks; the next fix moves them; clearFixMarks restores the user fills', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('目录', rows());
    s.touch(2, 2).fill = '#FFFF00'; // the user's own yellow under B2
    await port.highlight('目录', [finding('B2', 2, 2), finding('C2', 2, 3, 'warning')]);
    expect([s.cell(2, 2)?.fill, s.cell(2, 3)?.fill]).toEqual(['#FFC7CE', '#FFEB9C']);
    fake.resetCounters();
    const r = await port.applyEdits('目录', [edit('B2', 2, 2, '机构 职能', '机构职能'), edit('B3', 3, 2, '政策文件', '政策性文件')]);
    expect(r.applied).toHaveLength(2);
    expect(fake.syncs.filter((x) => x.actions > 0)).toHaveLength(1);
    expect([s.cell(2, 2)?.fill, s.cell(3, 2)?.fill]).toEqual(['#C6EFCE', '#C6EFCE']);
    // The pane's re-check: clear the finding highlights, highlight again (B2 has a finding again).
    await port.clearHighlights('目录');
    await port.highlight('目录', [finding('B2', 2, 2), finding('C3', 3, 3)]);
    expect([s.cell(2, 2)?.fill, s.cell(3, 2)?.fill, s.cell(2, 3)?.fill, s.cell(3, 3)?.fill]).toEqual(['#C6EFCE', '#C6EFCE', undefined, '#FFC7CE']);
    expect((await port.readFixMarks('目录')).sort()).toEqual(['B2', 'B3']);
    // The next fix: its cells green, the previous fix's other cells back to their own fill.
    await port.applyEdits('目录', [edit('C3', 3, 3, '001', '0001')]);
    expect([s.cell(2, 2)?.fill, s.cell(3, 2)?.fill, s.cell(3, 3)?.fill]).toEqual(['#FFFF00', undefined, '#C6EFCE']);
    await port.clearHighlights('目录');
    expect(s.cell(3, 3)?.fill).toBe('#C6EFCE');
    await port.clearFixMarks('目录');
    expect(s.cell(3, 3)?.fill).toBeUndefined(); // C3 had no fill before its finding colour
    expect(await port.readFixMarks('目录')).toEqual([]);
  });

  it('an undo (revert) puts the values back and unmarks those cells in the same write', async () => {
    const { fake, port } = setup({ excelApi: '1.13' });
    const s = fake.addSheet('目录', rows());
    const r = await port.applyEdits('目录', [edit('B2', 2, 2, '机构 职能', '机构职能'), edit('B3', 3, 2, '政策文件', '政策性文件')]);
    fake.resetCounters();
    await port.revert('目录', r);
    expect(fake.syncs.filter((x) => x.actions > 0)).toHaveLength(1);
    expect([s.value(2, 2), s.cell(2, 2)?.fill, s.cell(3, 2)?.fill]).toEqual(['机构 职能', undefined, undefined]);
    expect(await port.readFixMarks('目录')).toEqual([]);
  });

  it('log rows from a function see what was applied (stale cells not counted), in the same write sync', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('目录', rows());
    fake.addSheet('_log', [['a', 'b']]).visibility = 'VeryHidden';
    s.touch(3, 2).value = '用户改过';
    fake.resetCounters();
    const seen: number[] = [];
    await port.applyEdits('目录', [edit('B2', 2, 2, '机构 职能', '机构职能'), edit('B3', 3, 2, '政策文件', '政策性文件')], {
      log: { name: '_log', rows: (res) => (seen.push(res.applied.length), [[`fixed ${res.applied.length}`, `skipped ${res.skipped.length}`]]) },
    });
    expect(seen).toEqual([1]);
    expect(fake.syncCount).toBe(2);
    expect(fake.sheet('_log')?.snapshot()).toEqual({ A1: 'a', B1: 'b', A2: 'fixed 1', B2: 'skipped 1' });
    fake.resetCounters();
    await port.applyEdits('目录', [edit('B2', 2, 2, '不对', 'x')], { log: { name: '_log', rows: (res) => (res.applied.length ? [['x']] : []) } });
    expect(fake.syncCount).toBe(1); // nothing applied, nothing logged: no write sync
  });
});

describe('the state sheet with writes in flight', () => {
  it('two writeState calls at once keep both keys, and create the sheet once (no raw ItemAlreadyExists)', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录', [['x']]);
    await Promise.all([port.writeState({ 'ignore:目录:r@A1': '{"v":"x"}' }), port.writeState({ 'ignore:目录:r@B1': '{"v":""}' })]);
    expect(await port.readState()).toEqual({ 'ignore:目录:r@A1': '{"v":"x"}', 'ignore:目录:r@B1': '{"v":""}' });
    expect(fake.sheets.filter((s) => s.name === '_xxgk_state')).toHaveLength(1);
    // the sheet exists now: three more at once, one of them deleting a key
    await Promise.all([port.writeState({ a: '1' }), port.writeState({ b: '2', 'ignore:目录:r@A1': null }), port.writeState({ c: '3' })]);
    expect(await port.readState()).toEqual({ 'ignore:目录:r@B1': '{"v":""}', a: '1', b: '2', c: '3' });
  });

  it('another runtime creating the sheet between our read and write is taken as "it exists"', async () => {
    const fake = new FakeExcel();
    fake.addSheet('目录', [['x']]);
    const caps = excelCapabilities((s, v) => fake.isSetSupported(s, v));
    const pane = new ExcelWorkbook(fake.run as unknown as ExcelRun, { capabilities: caps });
    const ribbon = new ExcelWorkbook(fake.run as unknown as ExcelRun, { capabilities: caps });
    await Promise.all([pane.writeState({ a: '1' }), ribbon.writeState({ b: '2' })]);
    expect(fake.syncs.map((s) => s.failed).filter(Boolean)).toEqual(['ItemAlreadyExists']); // it did happen, and was handled
    expect(await pane.readState()).toEqual({ a: '1', b: '2' });
    expect(fake.sheets.filter((s) => s.name === '_xxgk_state')).toHaveLength(1);
  });

  it('the fake refuses what Excel refuses: a second sheet of the same name, a cell text over 32,767 characters', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add('s');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x'.repeat(32_768)]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.sheet('S')!.value(1, 1)).toBeNull();
  });
});

describe('finding colours and fix marks are remembered in the workbook, not in one runtime', () => {
  const finding = (cell: string, row: number, col: number, severity: Finding['severity'] = 'error'): Finding => ({
    ruleId: 'r', severity, sheet: '目录', row, col, cell, field: null, value: null, messageId: 'm', data: {},
  });
  const two = (excelApi = '1.20') => {
    const fake = new FakeExcel({ excelApi });
    const caps = excelCapabilities((s, v) => fake.isSetSupported(s, v));
    const make = () => new ExcelWorkbook(fake.run as unknown as ExcelRun, { capabilities: caps });
    return { fake, pane: make(), ribbon: make(), make };
  };
  const rows = () => [
    ['序号', '事项', '时限'],
    [1, '机构 职能', '20个工作日'],
    [2, '政策文件', '001'],
  ];

  it('the pane clears the marks the ribbon painted, putting the user fills back', async () => {
    const { fake, pane, ribbon } = two();
    const s = fake.addSheet('目录', rows());
    s.touch(2, 2).fill = '#FFFF00';
    await pane.highlight('目录', [finding('B2', 2, 2), finding('C3', 3, 3, 'warning')]);
    // the ribbon's 一键修复: its own ExcelWorkbook (another runtime)
    await ribbon.applyEdits('目录', [edit('B2', 2, 2, '机构 职能', '机构职能'), edit('B3', 3, 2, '政策文件', '政策性文件')]);
    expect([s.cell(2, 2)?.fill, s.cell(3, 2)?.fill]).toEqual(['#C6EFCE', '#C6EFCE']);
    expect((await pane.readFixMarks('目录')).sort()).toEqual(['B2', 'B3']);
    await pane.clearHighlights('目录'); // C3 back; B2 keeps its fix mark
    expect([s.cell(2, 2)?.fill, s.cell(3, 3)?.fill]).toEqual(['#C6EFCE', undefined]);
    await pane.clearFixMarks('目录');
    expect([s.cell(2, 2)?.fill, s.cell(3, 2)?.fill]).toEqual(['#FFFF00', undefined]); // the yellow under B2's finding colour
    expect(await ribbon.readFixMarks('目录')).toEqual([]);
    // the ribbon's next fix moves the marks the pane made, too
    await pane.applyEdits('目录', [edit('C2', 2, 3, '20个工作日', '自该信息形成或者变更之日起20个工作日内')]);
    await ribbon.applyEdits('目录', [edit('C3', 3, 3, '001', '0001')]);
    expect([s.cell(2, 3)?.fill, s.cell(3, 3)?.fill]).toEqual([undefined, '#C6EFCE']);
  });

  it('after the file is reopened (a new adapter, nothing in memory) clearHighlights and 清除修复标记 still restore', async () => {
    const { fake, pane, make } = two();
    const s = fake.addSheet('目录', rows());
    s.touch(3, 3).fill = '#00B0F0';
    await pane.highlight('目录', [finding('C3', 3, 3), finding('A1', 1, 1, 'info')]);
    await pane.applyEdits('目录', [edit('B2', 2, 2, '机构 职能', '机构职能')]);
    const reopened = make();
    await reopened.clearHighlights('目录');
    expect([s.cell(3, 3)?.fill, s.cell(1, 1)?.fill]).toEqual(['#00B0F0', undefined]);
    await reopened.clearFixMarks('目录');
    expect(s.cell(2, 2)?.fill).toBeUndefined();
    const state = await reopened.readState();
    expect(Object.keys(state).filter((k) => k.startsWith('fills:'))).toEqual([]); // nothing left to remember
  });

  it('many marked cells: the memory is split over state cells under Excel\'s limit, and capped', async () => {
    const { fake, pane, make } = two();
    const s = fake.addSheet('目录', [['x']]);
    // 7,000 cells on every other column: no runs to shorten them, > 32,000 characters of addresses
    const many: Finding[] = [];
    for (let r = 1; r <= 1000; r++) for (let k = 0; k < 7; k++) many.push(finding(`${String.fromCharCode(65 + 2 * k)}${r}`, r, 1 + 2 * k));
    s.touch(500, 3).fill = '#FFFF00';
    await pane.highlight('目录', many);
    const state = await pane.readState();
    const chunks = Object.entries(state).filter(([k]) => k.startsWith('fills:目录'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const [, v] of chunks) expect(v.length).toBeLessThanOrEqual(32_767);
    expect(s.cell(1000, 13)?.fill).toBe('#FFC7CE');
    await make().clearHighlights('目录');
    expect(s.cell(1000, 13)?.fill).toBeUndefined();
    expect(s.cell(500, 3)?.fill).toBe('#FFFF00');
    expect(Object.keys(await pane.readState()).filter((k) => k.startsWith('fills:'))).toEqual([]);
  });

  it('past what the state holds, further cells are left uncoloured rather than unrestorable', async () => {
    const { fake, pane, make } = two();
    const s = fake.addSheet('目录', [['x']]);
    const many: Finding[] = [];
    // 60,000 scattered cells (about 7 characters each) are more than 8 state cells of 32,000 hold
    for (let r = 1; r <= 20_000; r++) for (const c of [1, 3, 5]) many.push(finding(`${String.fromCharCode(64 + c)}${r}`, r, c, c === 1 ? 'error' : 'warning'));
    await pane.highlight('目录', many);
    let painted = 0;
    for (const [, row] of s.cells) for (const [, c] of row) if (c.fill) painted++;
    expect(painted).toBeGreaterThan(30_000);
    expect(painted).toBeLessThan(60_000);
    expect(s.cell(20_000, 1)?.fill).toBe('#FFC7CE'); // errors first
    const chunks = Object.entries(await pane.readState()).filter(([k]) => k.startsWith('fills:'));
    expect(chunks.length).toBeLessThanOrEqual(8);
    await make().clearHighlights('目录');
    let left = 0;
    for (const [, row] of s.cells) for (const [, c] of row) if (c.fill) left++;
    expect(left).toBe(0);
  });

  it('a protected workbook structure without a state sheet still colours and clears, within this runtime', async () => {
    const { fake, pane } = two();
    const s = fake.addSheet('目录', rows());
    fake.workbookProtected = true;
    s.touch(2, 2).fill = '#FFFF00';
    await pane.highlight('目录', [finding('B2', 2, 2)]);
    await pane.applyEdits('目录', [edit('B3', 3, 2, '政策文件', '政策性文件')]);
    expect(fake.sheet('_xxgk_state')).toBeUndefined();
    await pane.clearHighlights('目录');
    await pane.clearFixMarks('目录');
    expect([s.cell(2, 2)?.fill, s.cell(3, 2)?.fill]).toEqual(['#FFFF00', undefined]);
  });
});
