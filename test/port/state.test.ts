/**
 * readState/writeState: product state kept inside the workbook on the very-hidden `_xxgk_state`
 * sheet, the same layout in both adapters, so it travels with the file between the browser
 * workbench (file adapter) and Excel (the Excel adapter, here on the fake).
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExcelRun } from '../../addin/port/excel/excel-workbook.ts';
import { ExcelWorkbook, excelCapabilities } from '../../addin/port/excel/excel-workbook.ts';
import { FakeExcel } from '../../addin/port/excel/fake-excel.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { STATE_HEADER, STATE_SHEET, mergeState, stateFromRows } from '../../addin/port/workbook-port.ts';
import { makeRichWorkbook, RICH } from '../fixtures/make-rich.ts';
import { loadExcelJs, makeXlsx, rawEntries, SHEET_NS } from './helpers.ts';

const dec = new TextDecoder();
const text = (bytes: Uint8Array, part: string): string => dec.decode(unzipSync(bytes)[part]);
const changedParts = (a: Uint8Array, b: Uint8Array): string[] => {
  const x = rawEntries(a);
  const y = rawEntries(b);
  return [...y.keys()].filter((k) => !x.has(k) || !Buffer.from(x.get(k)!).equals(Buffer.from(y.get(k)!))).sort();
};

describe('state helpers', () => {
  it('reads rows under the header, skipping blank keys, last value wins; merge reports changes', () => {
    expect([...stateFromRows([['key', 'value'], ['a', '1'], [null, 'x'], ['b', 2], ['a', '3'], ['c']])]).toEqual([['a', '3'], ['b', '2'], ['c', '']]);
    const cur = new Map([['a', '1']]);
    expect(mergeState(cur, { a: '1' }).changed).toBe(false);
    expect(mergeState(cur, { z: null }).changed).toBe(false);
    expect([...mergeState(cur, { a: null, b: '2' }).next]).toEqual([['b', '2']]);
    expect(() => mergeState(cur, { '': 'x' })).toThrow(RangeError);
    expect(() => mergeState(cur, { k: 'x'.repeat(32_768) })).toThrow(/longer than an Excel cell/);
  });
});

describe('file adapter: state sheet', () => {
  let input: Uint8Array;
  let saved: Uint8Array;
  const entries = { 'ignore:目录:blank-row@A14': '{"v":""}', leading: '001', formula: '=1+1', spaced: '  两端空格 & <符号>  ' };

  beforeAll(async () => {
    input = await makeRichWorkbook();
    const wb = readWorkbook(input, 'rich.xlsx');
    expect(await wb.readState()).toEqual({});
    await wb.writeState(entries);
    expect(await wb.readState()).toEqual(entries);
    saved = wb.save();
  });

  it('writes nothing and stays clean when nothing changes', async () => {
    const wb = readWorkbook(input, 'rich.xlsx');
    await wb.writeState({ gone: null });
    expect(wb.dirty).toBe(false);
    expect(Buffer.from(wb.save()).equals(Buffer.from(input))).toBe(true);
  });

  it('adds one very-hidden sheet at the end; every other part byte for byte, styles intact', async () => {
    expect(changedParts(input, saved)).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet5.xml']);
    expect(text(saved, 'xl/workbook.xml')).toMatch(new RegExp(`<sheet name="${STATE_SHEET}" sheetId="\\d+" state="veryHidden" r:id="rId\\d+"/>`));
    const before = await loadExcelJs(input);
    const after = await loadExcelJs(saved);
    const ws = after.getWorksheet(STATE_SHEET)!;
    expect(ws.state).toBe('veryHidden');
    expect([ws.getCell('A1').value, ws.getCell('B1').value]).toEqual([...STATE_HEADER]);
    expect(ws.getCell('B3').value).toBe('001');
    for (const addr of ['A1', 'C3', 'D4', 'E4', 'B9', 'F4']) {
      expect(after.getWorksheet(RICH.sheet)!.getCell(addr).style, addr).toEqual(before.getWorksheet(RICH.sheet)!.getCell(addr).style);
      expect(after.getWorksheet(RICH.sheet)!.getCell(addr).value, addr).toEqual(before.getWorksheet(RICH.sheet)!.getCell(addr).value);
    }
  });

  it('a saved and reopened file keeps the state; a later write replaces the same part (created once)', async () => {
    const wb = readWorkbook(saved, 'rich.xlsx');
    expect(await wb.readState()).toEqual(entries);
    const sheetsBefore = wb.sheets.length;
    await wb.writeState({ leading: null, more: '二' });
    expect(await wb.readState()).toEqual({ 'ignore:目录:blank-row@A14': '{"v":""}', formula: '=1+1', spaced: '  两端空格 & <符号>  ', more: '二' });
    expect(wb.sheets.length).toBe(sheetsBefore);
    const again = wb.save();
    expect(changedParts(saved, again)).toEqual(['xl/worksheets/sheet5.xml']);
    const back = readWorkbook(again, 'rich.xlsx');
    expect(back.sheets.filter((s) => s.name === STATE_SHEET)).toEqual([{ name: STATE_SHEET, state: 'veryHidden' }]);
    expect(await back.readState()).toEqual(await wb.readState());
  });

  it('a CSV keeps the state for the session only (the format has no sheets to carry it)', async () => {
    const wb = readWorkbook(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv');
    await wb.writeState({ k: 'v' });
    expect(await wb.readState()).toEqual({ k: 'v' });
    expect(wb.dirty).toBe(false);
  });

  it('works on a minimal workbook too', async () => {
    const bytes = makeXlsx(`<worksheet xmlns="${SHEET_NS}"><sheetData/></worksheet>`);
    const wb = readWorkbook(bytes, 'min.xlsx');
    await wb.writeState({ k: 'v' });
    const back = readWorkbook(wb.save(), 'min.xlsx');
    expect(await back.readState()).toEqual({ k: 'v' });
    expect(back.sheets).toEqual([{ name: 'Sheet1', state: 'visible' }, { name: STATE_SHEET, state: 'veryHidden' }]);
  });
});

function excelSetup(excelApi = '1.20') {
  const fake = new FakeExcel({ excelApi });
  const port = new ExcelWorkbook(fake.run as unknown as ExcelRun, { capabilities: excelCapabilities((s, v) => fake.isSetSupported(s, v)) });
  return { fake, port };
}

describe('Excel adapter: state sheet', () => {
  it('round trip: created very hidden once, text kept as text, one write sync, nothing else touched', async () => {
    const { fake, port } = excelSetup();
    const user = fake.addSheet('目录', [['序号', '事项'], [1, '机构职能']]);
    user.touch(2, 2).fill = '#FFEB9C';
    const snap = user.snapshot();
    expect(await port.readState()).toEqual({});
    expect(fake.sheets.map((s) => s.name)).toEqual(['目录']);
    fake.resetCounters();
    await port.writeState({ a: '001', b: 'TRUE', c: '=1+1' });
    expect(fake.syncCount).toBe(2); // read + one write
    expect(fake.syncs[1].actions).toBeGreaterThan(0);
    const s = fake.sheet(STATE_SHEET)!;
    expect(s.visibility).toBe('VeryHidden');
    expect(s.snapshot()).toEqual({ A1: 'key', B1: 'value', A2: 'a', B2: '001', A3: 'b', B3: 'TRUE', A4: 'c', B4: '=1+1' });
    expect(await port.readState()).toEqual({ a: '001', b: 'TRUE', c: '=1+1' });
    await port.writeState({ a: null, d: '四' });
    expect(await port.readState()).toEqual({ b: 'TRUE', c: '=1+1', d: '四' });
    expect(fake.sheets.filter((x) => x.name === STATE_SHEET)).toHaveLength(1);
    expect(fake.sheet(STATE_SHEET)!.snapshot()).toEqual({ A1: 'key', B1: 'value', A2: 'b', B2: 'TRUE', A3: 'c', B3: '=1+1', A4: 'd', B4: '四' });
    expect(user.snapshot()).toEqual(snap);
    expect(user.cell(2, 2)?.fill).toBe('#FFEB9C');
    expect(fake.activeSheet).toBe('目录');
    fake.resetCounters();
    await port.writeState({ d: '四', zz: null });
    expect(fake.syncCount).toBe(1); // nothing changed: no write sync
  });

  it('a protected workbook structure ends in the clear message, nothing created', async () => {
    const { fake, port } = excelSetup();
    fake.addSheet('目录', [['x']]);
    fake.workbookProtected = true;
    await expect(port.writeState({ a: 'b' })).rejects.toMatchObject({ code: 'workbook-protected' });
    expect(fake.sheets.map((s) => s.name)).toEqual(['目录']);
  });
});

describe('the state travels between the hosts', () => {
  it('file adapter -> saved .xlsx -> Excel reads the same entries', async () => {
    const wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await wb.writeState({ 'ignore:目录:text-whitespace@D6': '{"v":"x"}', n: '007' });
    const file = readWorkbook(wb.save(), 'rich.xlsx');
    const { fake, port } = excelSetup();
    for (const name of await file.listSheets()) {
      const g = await file.readSheet(name);
      const s = fake.addSheet(name, g.values);
      s.visibility = file.sheets.find((x) => x.name === name)!.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    }
    expect(await port.readState()).toEqual({ 'ignore:目录:text-whitespace@D6': '{"v":"x"}', n: '007' });
  });

  it('a state sheet as Excel leaves it (shared strings, written by another tool) reads in the file adapter', async () => {
    const { fake, port } = excelSetup();
    fake.addSheet('目录', [['x']]);
    await port.writeState({ k1: 'v1', k2: '002' });
    const x = new ExcelJS.Workbook();
    x.addWorksheet('目录').getCell('A1').value = 'x';
    const st = x.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    for (const [a, v] of Object.entries(fake.sheet(STATE_SHEET)!.snapshot())) st.getCell(a).value = v;
    const bytes = new Uint8Array(await x.xlsx.writeBuffer());
    expect(await readWorkbook(bytes, 'excel.xlsx').readState()).toEqual({ k1: 'v1', k2: '002' });
  });
});
