/**
 * The Excel adapter's data validation, chart, partial reads, active cell and events, against
 * the fake (which throws on load-before-read, counts syncs, gates requirement sets and insists
 * that event handlers are removed in the RequestContext that added them).
 */
import { describe, expect, it } from 'vitest';
import type { ExcelRun, ExcelRunIn } from './excel-workbook.ts';
import { ExcelWorkbook, excelCapabilities, sheetOfAddress } from './excel-workbook.ts';
import { FakeContext, FakeExcel } from './fake-excel.ts';
import type { CellsChangedEvent, ChartSpec, SelectionEvent, ValidationRule } from '../workbook-port.ts';

function setup(excelApi = '1.20', o: { runIn?: boolean } = {}) {
  const fake = new FakeExcel({ excelApi });
  const port = new ExcelWorkbook(fake.run as unknown as ExcelRun, {
    capabilities: excelCapabilities((s, v) => fake.isSetSupported(s, v)),
    runIn: o.runIn === false ? undefined : (fake.runIn as unknown as ExcelRunIn),
  });
  return { fake, port };
}

const RULES: ValidationRule[] = [
  { range: { r1: 3, c1: 2, r2: 50, c2: 2 }, list: ['√'], errorStyle: 'stop', error: { title: '公开对象', message: '请选择「√」或留空' } },
  { range: { r1: 3, c1: 3, r2: 50, c2: 3 }, list: ['实时更新', '自该信息形成或者变更之日起20个工作日内'], errorStyle: 'warning', prompt: { title: '公开时限', message: '可从下拉列表选择' } },
  { range: { r1: 3, c1: 4, r2: 50, c2: 4 }, prompt: { title: '公开渠道和载体', message: '■已选 □未选' } },
];

describe('addValidation', () => {
  it('clears and sets list, prompt and alert per range in 1 read + 1 write sync; validations elsewhere stay', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('目录', [['序号']]);
    s.validations.push({ rect: { r1: 1, c1: 9, r2: 9, c2: 9 }, rule: { list: { inCellDropDown: true, source: 'x,y' } } }, { rect: { r1: 1, c1: 2, r2: 10, c2: 2 }, rule: { list: { inCellDropDown: true, source: 'old' } } });
    fake.resetCounters();
    await port.addValidation('目录', RULES);
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[0].actions).toBe(0);
    const byRect = (r1: number, c1: number, r2: number, c2: number) => s.validations.find((v) => v.rect.r1 === r1 && v.rect.c1 === c1 && v.rect.r2 === r2 && v.rect.c2 === c2);
    expect(byRect(1, 9, 9, 9)?.rule?.list?.source).toBe('x,y'); // untouched
    expect(byRect(1, 2, 2, 2)?.rule?.list?.source).toBe('old'); // the part of B1:B10 outside B3:B50
    expect(byRect(3, 2, 50, 2)).toEqual({
      rect: { r1: 3, c1: 2, r2: 50, c2: 2 },
      rule: { list: { inCellDropDown: true, source: '√' } },
      errorAlert: { showAlert: true, style: 'Stop', title: '公开对象', message: '请选择「√」或留空' },
      ignoreBlanks: true,
    });
    expect(byRect(3, 3, 50, 3)?.errorAlert?.style).toBe('Warning');
    expect(byRect(3, 3, 50, 3)?.rule?.list?.source).toBe('实时更新,自该信息形成或者变更之日起20个工作日内');
    expect(byRect(3, 4, 50, 4)).toEqual({ rect: { r1: 3, c1: 4, r2: 50, c2: 4 }, prompt: { showPrompt: true, title: '公开渠道和载体', message: '■已选 □未选' }, ignoreBlanks: true });
    // a second run replaces, never stacks
    await port.addValidation('目录', RULES);
    expect(s.validations.filter((v) => v.rect.r1 === 3)).toHaveLength(3);
  });

  it('below ExcelApi 1.8 says so in Chinese and never touches Range.dataValidation', async () => {
    const { fake, port } = setup('1.7');
    fake.addSheet('目录', [['x']]);
    expect(port.capabilities.dataValidation).toBe(false);
    await expect(port.addValidation('目录', RULES)).rejects.toMatchObject({ code: 'unsupported', zh: expect.stringContaining('需要 ExcelApi 1.8') });
    expect(fake.syncCount).toBe(0);
  });

  it('refuses a protected sheet and values Excel cannot hold in a literal list', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录', [['x']]).protected = true;
    await expect(port.addValidation('目录', RULES)).rejects.toMatchObject({ code: 'protected' });
    await expect(port.addValidation('目录', [{ range: { r1: 1, c1: 1, r2: 1, c2: 1 }, list: ['a,b'] }])).rejects.toThrow(/comma/);
  });
});

const CHART: ChartSpec = {
  name: 'xxgk-monthly-chart',
  title: '每月新收与办结',
  type: 'clusteredColumn',
  categories: { r1: 3, c1: 1, r2: 14, c2: 1 },
  series: [
    { name: '新收申请', nameCell: { row: 2, col: 2 }, values: { r1: 3, c1: 2, r2: 14, c2: 2 } },
    { name: '办结', nameCell: { row: 2, col: 12 }, values: { r1: 3, c1: 12, r2: 14, c2: 12 } },
  ],
  anchor: { row: 17, col: 1, cols: 10, rows: 18 },
};

describe('writeChart', () => {
  it('adds a named clustered column chart of the given ranges in 1 write sync, and a re-run replaces it', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('月度统计', [['标题'], ['月份', '新收申请']]);
    s.charts.push({ name: '用户的图', type: 'Pie', title: '', series: [] });
    fake.resetCounters();
    await port.writeChart('月度统计', CHART);
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs.filter((x) => x.actions > 0)).toHaveLength(1);
    const mine = () => s.charts.filter((c) => c.name === 'xxgk-monthly-chart');
    expect(mine()).toEqual([
      {
        name: 'xxgk-monthly-chart',
        type: 'ColumnClustered',
        title: '每月新收与办结',
        legend: 'Bottom',
        series: [
          { name: '新收申请', values: 'B3:B14', categories: 'A3:A14' },
          { name: '办结', values: 'L3:L14', categories: 'A3:A14' },
        ],
        position: { start: 'A17', end: 'J34' },
      },
    ]);
    await port.writeChart('月度统计', { ...CHART, title: '又一次' });
    expect(mine()).toHaveLength(1);
    expect(mine()[0].title).toBe('又一次');
    expect(s.charts.map((c) => c.name)).toEqual(['用户的图', 'xxgk-monthly-chart']);
  });
});

describe('readRows and activeCell', () => {
  it('reads only the asked rows in 1 sync, dates as ISO text', async () => {
    const { fake, port } = setup();
    const s = fake.addSheet('目录', [['a', 'b', 'c'], ['d', 'e'], ['f'], ['g', null, 45658]]);
    s.touch(4, 3).numberFormat = 'yyyy-mm-dd';
    fake.resetCounters();
    const r = await port.readRows('目录', [{ r1: 2, r2: 2 }, { r1: 4, r2: 5 }], 3);
    expect(fake.syncCount).toBe(1);
    expect(r.rows).toEqual([
      { row: 2, values: ['d', 'e'] },
      { row: 4, values: ['g', null, '2025-01-01'] },
      { row: 5, values: [] },
    ]);
    expect(r.special).toEqual({ C4: { kind: 'date', iso: '2025-01-01' } });
    expect(JSON.stringify(r)).not.toContain('"f"'); // row 3 was not read
  });

  it('activeCell gives the sheet and 1-based cell of the selection', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录');
    fake.addSheet('申请 登记');
    await fake.emitSelection('申请 登记', 'C5:D9');
    expect(await port.activeCell()).toEqual({ sheet: '申请 登记', row: 5, col: 3 });
    expect(sheetOfAddress("'It''s'!A1")).toBe("It's");
  });
});

describe('events (ExcelApi 1.9)', () => {
  it('onChanged delivers sheet name, address, type and source; removal happens in the adding context', async () => {
    const { fake, port } = setup();
    fake.addSheet('目录', [['x']]);
    fake.addSheet('其他');
    const seen: CellsChangedEvent[] = [];
    const off = await port.events!.onChanged((e) => seen.push(e));
    expect(fake.handlers).toHaveLength(1);
    await fake.emitChanged('目录', 'B3:C4');
    await fake.emitChanged('其他', 'A1', { source: 'Remote', changeType: 'RowInserted' });
    expect(seen).toEqual([
      { sheet: '目录', address: 'B3:C4', changeType: 'RangeEdited', source: 'Local' },
      { sheet: '其他', address: 'A1', changeType: 'RowInserted', source: 'Remote' },
    ]);
    await off();
    expect(fake.handlers).toHaveLength(0);
    await off(); // idempotent
    await fake.emitChanged('目录', 'A1');
    expect(seen).toHaveLength(2);
  });

  it('the fake refuses a removal from another RequestContext (what Office.js does)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('目录');
    let handle: { remove(): void } | undefined;
    await fake.run(async (ctx) => {
      handle = ctx.workbook.worksheets.onChanged.add(async () => undefined);
      await ctx.sync();
    });
    await expect(
      fake.run(async (ctx) => {
        handle!.remove();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(fake.handlers).toHaveLength(1);
    expect(FakeContext.current).toBeUndefined();
  });

  it('onSelectionChanged delivers the selected range', async () => {
    const { fake, port } = setup();
    fake.addSheet('申请登记');
    const seen: SelectionEvent[] = [];
    const off = await port.events!.onSelectionChanged((e) => seen.push(e));
    await fake.emitSelection('申请登记', 'A7');
    expect(seen).toEqual([{ sheet: '申请登记', address: 'A7' }]);
    await off();
    expect(fake.handlers).toHaveLength(0);
  });

  it('below ExcelApi 1.9 (or without runIn) there are no events: the pane offers 重新校验 only', () => {
    expect(setup('1.8').port.events).toBeUndefined();
    expect(setup('1.20', { runIn: false }).port.events).toBeUndefined();
  });
});
