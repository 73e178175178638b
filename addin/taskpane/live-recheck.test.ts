import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../catalogue/grid.ts';
import type { RowsRead } from '../port/workbook-port.ts';
import { OwnWrites, gridWidth, mergeRows, rowsToReread, widestColumn } from './live-recheck.ts';

const edit = (address: string) => ({ address, changeType: 'RangeEdited' });
const read = (rows: [number, (string | number | null)[]][], special: RowsRead['special'] = {}): RowsRead => ({ sheet: 'S', rows: rows.map(([row, values]) => ({ row, values })), special });

describe('rows to read again', () => {
  it('merges the changed rows into spans; structural changes and big pastes read the sheet', () => {
    expect(rowsToReread([edit('B3'), edit('C4:D6'), edit('A10'), edit('$B$11')])).toEqual([{ r1: 3, r2: 6 }, { r1: 10, r2: 11 }]);
    expect(rowsToReread([edit('A1, C8:C9')])).toEqual([{ r1: 1, r2: 1 }, { r1: 8, r2: 9 }]);
    expect(rowsToReread([edit('5:7')])).toEqual([{ r1: 5, r2: 7 }]);
    expect(rowsToReread([{ address: '5:5', changeType: 'RowInserted' }])).toBeNull();
    expect(rowsToReread([edit('B:B')])).toBeNull();
    expect(rowsToReread([edit('A1:A3000')])).toBeNull();
    expect(widestColumn([edit('B3'), edit('C4:F6'), edit('5:7')])).toBe(6);
  });
});

describe('merging changed rows into the cached grid', () => {
  it('replaces just those rows and their specials', () => {
    const g = { ...gridFromRows('S', [['h1', 'h2'], ['a', 'b'], ['c', 'd']]), special: { B2: { kind: 'date' as const, iso: '2025-01-01' }, A3: { kind: 'formula' as const, formula: 'X' } } };
    const m = mergeRows(g, read([[2, ['A', null, 'new']], [5, ['far']]], { C2: { kind: 'error', error: '#N/A' } }));
    expect(m.values).toEqual([['h1', 'h2'], ['A', null, 'new'], ['c', 'd'], [], ['far']]);
    expect(m.special).toEqual({ A3: { kind: 'formula', formula: 'X' }, C2: { kind: 'error', error: '#N/A' } });
    expect(g.values[1]).toEqual(['a', 'b']); // the cached grid itself is not changed
    expect(mergeRows(gridFromRows('S', [['x'], ['y']]), read([[2, []]])).values).toEqual([['x']]);
    expect(gridWidth(m)).toBe(3);
  });
});

describe('own writes are told from user edits by address and value', () => {
  const grid = gridFromRows('S', [['h'], ['机构 职能', '20个工作日'], ['x', 'y']]);

  it('the echo of our fix is ours (and consumed); the same cell typed differently is the user', () => {
    const own = new OwnWrites();
    own.record('S', [{ row: 2, col: 1, set: '机构职能' }]);
    expect(own.explains('S', 'A2', read([[2, ['机构职能', '20个工作日']]]), grid)).toBe(true);
    expect(own.size).toBe(0);
    own.record('S', [{ row: 2, col: 1, set: '机构职能' }]);
    expect(own.explains('S', 'A2', read([[2, ['用户输入的', '20个工作日']]]), grid)).toBe(false);
    expect(own.size).toBe(1); // not consumed: our echo may still come
  });

  it('an event covering cells we did not write is ours only when they still hold what the grid had', () => {
    const own = new OwnWrites();
    own.record('S', [{ row: 2, col: 1, set: '机构职能' }]);
    expect(own.explains('S', 'A2:B2', read([[2, ['机构职能', '20个工作日']]]), grid)).toBe(true);
    own.record('S', [{ row: 2, col: 1, set: '机构职能' }]);
    expect(own.explains('S', 'A2:B2', read([[2, ['机构职能', '15个工作日']]]), grid)).toBe(false);
  });

  it('with nothing of ours pending, an edit that changed a value is the user; one that changed nothing is not', () => {
    const own = new OwnWrites();
    expect(own.explains('S', 'B3', read([[3, ['x', 'z']]]), grid)).toBe(false);
    expect(own.explains('S', 'B3', read([[3, ['x', 'y']]]), grid)).toBe(true);
    expect(own.explains('S', 'B9', read([[3, ['x', 'y']]]), grid)).toBe(false); // row not read: cannot tell
    own.record('S', [{ row: 3, col: 2, set: null }]);
    own.clear('S');
    expect(own.size).toBe(0);
  });
});

describe('the re-check path on the fake Excel: events -> changed rows -> own-write filter -> merged grid', () => {
  it('drops the echo of our fix, re-checks the row the user typed in, without reading the sheet again', async () => {
    const { FakeExcel } = await import('../port/excel/fake-excel.ts');
    const { ExcelWorkbook, excelCapabilities } = await import('../port/excel/excel-workbook.ts');
    const { validateGrid } = await import('../catalogue/engine.ts');
    const fake = new FakeExcel();
    const HEAD = ['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式'];
    const row = (i: number, content: string) => [i, '机构职能', `事项${i}`, content, '《条例》', '自该信息形成或者变更之日起20个工作日内', '本机关', '■政府网站', '√', '√'];
    fake.addSheet('目录', [HEAD, row(1, '内容一'), row(2, ' 内容二 '), row(3, '内容三')]);
    const port = new ExcelWorkbook(fake.run as never, { capabilities: excelCapabilities((a, b) => fake.isSetSupported(a, b)), runIn: fake.runIn as never });
    let grid = await port.readSheet('目录');
    const ws = (g: typeof grid) => validateGrid(g).findings.filter((f) => f.ruleId === 'text-whitespace').map((f) => f.cell);
    expect(ws(grid)).toEqual(['D3']);
    const own = new OwnWrites();
    const events: { address: string; changeType: string }[] = [];
    const off = await port.events!.onChanged((e) => e.sheet === '目录' && events.push(e));

    // our fix of D3, and Excel's echo of it
    const fix = await port.applyEdits('目录', [{ row: 3, col: 4, cell: 'D3', expect: ' 内容二 ', set: '内容二' }]);
    own.record('目录', fix.applied);
    await fake.emitChanged('目录', 'D3');
    // the user types a stray space into D4
    fake.sheet('目录')!.touch(4, 4).value = '内容三 ';
    await fake.emitChanged('目录', 'D4');
    expect(events.map((e) => e.address)).toEqual(['D3', 'D4']);

    fake.resetCounters();
    const spans = rowsToReread(events)!;
    const read = await port.readRows('目录', spans, gridWidth(grid));
    expect(fake.syncCount).toBe(1);
    const user = events.filter((e) => !own.explains('目录', e.address, read, grid));
    expect(user.map((e) => e.address)).toEqual(['D4']);
    grid = mergeRows(grid, read);
    expect(ws(grid)).toEqual(['D4']);
    await off();
    expect(fake.handlers).toHaveLength(0);
  });
});
