import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellAt } from '../../addin/catalogue/grid.ts';
import { readWorkbook, WorkbookReadError } from '../../addin/port/file/index.ts';
import type { FileWorkbook } from '../../addin/port/file/index.ts';
import { makeRichWorkbook, RICH } from '../fixtures/make-rich.ts';
import { makeXlsx, SHEET_NS } from './helpers.ts';

const FIXTURES = '/work/shared/fixtures';

describe('readWorkbook: rich ExcelJS workbook', () => {
  let wb: FileWorkbook;
  beforeAll(async () => {
    wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
  });

  it('lists every sheet with its visibility and defaults to the first visible one', async () => {
    expect(wb.format).toBe('xlsx');
    expect(wb.writable).toBe(true);
    expect(wb.capabilities).toEqual({ host: 'file', mergeUndoGroup: false, notes: false, dataValidation: true });
    expect(await wb.listSheets()).toEqual(['目录', '说明', '隐藏', '日志']);
    expect(wb.sheets.map((s) => s.state)).toEqual(['visible', 'visible', 'hidden', 'veryHidden']);
    expect((await wb.readSheet()).sheet).toBe('目录');
    expect((await wb.readSheet('日志')).values).toEqual([['log']]);
  });

  it('gives values at 1-based sheet coordinates, strings untrimmed, numbers as numbers', async () => {
    const g = await wb.readSheet('目录');
    expect(g.values[0]).toEqual([RICH.title]);
    expect(g.values[1]).toEqual([]);
    expect(g.values[2]).toEqual(RICH.header);
    expect(cellAt(g, 4, 1)).toBe(1);
    expect(cellAt(g, 4, 4)).toBe(RICH.spaced); // whitespace kept for the rules
    expect(cellAt(g, 5, 2)).toBeNull(); // under the B4:B5 merge
    expect(cellAt(g, 5, 4)).toBe('加粗 普通'); // rich-text shared string, runs joined
    expect(cellAt(g, 5, 5)).toBe(20); // number in a text column
    expect(cellAt(g, 6, 4)).toBe(RICH.special);
    expect(cellAt(g, 8, 5)).toBe('1900-01-01'); // a date-looking string stays a string
    expect(cellAt(g, 11, 3)).toBe(true);
    expect(g.values.length).toBe(11);
    expect(g.values[9]).toEqual([]); // row 10 does not exist in the file
  });

  it('reports merges as 1-based ranges', async () => {
    const g = await wb.readSheet('目录');
    expect(g.merges).toEqual([
      { r1: 1, c1: 1, r2: 1, c2: 7 },
      { r1: 4, c1: 2, r2: 5, c2: 2 },
    ]);
  });

  it('describes formulas, errors and dates in special', async () => {
    const g = await wb.readSheet('目录');
    expect(g.special).toEqual({
      E4: { kind: 'date', iso: '2024-01-15' },
      E7: { kind: 'date', iso: '2023-12-31' },
      G4: { kind: 'formula', formula: 'A4*2' },
      G5: { kind: 'formula', formula: 'A5*2' }, // shared formula, expanded
      G6: { kind: 'formula', formula: 'A6*2' },
      G7: { kind: 'error', error: '#REF!' },
      G8: { kind: 'formula', formula: '1/0', error: '#DIV/0!' },
      A9: { kind: 'formula', formula: 'SUM(A4:A8)' },
    });
    expect(cellAt(g, 4, 5)).toBe('2024-01-15'); // displayed text of the date
    expect(cellAt(g, 7, 5)).toBe('2023年12月31日');
    expect(cellAt(g, 4, 7)).toBe(2); // cached result
    expect(cellAt(g, 9, 1)).toBe(15);
    expect(cellAt(g, 7, 7)).toBeNull();
    expect(cellAt(g, 8, 7)).toBeNull();
  });

  it('names the sheets that exist when asked for one that does not', async () => {
    const err = await wb.readSheet('不存在').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    const e = err as WorkbookReadError;
    expect(e.code).toBe('no-such-sheet');
    expect(e.zh).toContain('「不存在」');
    expect(e.zh).toContain('「目录」、「说明」、「隐藏」、「日志」');
    expect(e.en).toContain('"不存在"');
  });

  it('records highlights and selection in memory without touching the file', async () => {
    const before = wb.save();
    const finding = { ruleId: 'r', severity: 'error' as const, sheet: '目录', row: 4, col: 3, cell: 'C4', field: null, value: null, messageId: 'm', data: {} };
    await wb.highlight('目录', [finding]);
    expect(wb.highlights('目录')).toEqual([finding]);
    await wb.select('目录', { r1: 4, c1: 3, r2: 4, c2: 3 });
    expect(wb.selection).toEqual({ sheet: '目录', range: { r1: 4, c1: 3, r2: 4, c2: 3 } });
    await wb.clearHighlights('目录');
    expect(wb.highlights('目录')).toEqual([]);
    expect(wb.save()).toEqual(before);
  });
});

describe('readWorkbook: the real catalogues', () => {
  it('shangdang: title in A1, two-row header from row 3, merges', async () => {
    const wb = readWorkbook(new Uint8Array(readFileSync(`${FIXTURES}/shangdang-district-catalogue.xlsx`)), 'shangdang-district-catalogue.xlsx');
    expect(await wb.listSheets()).toEqual(['主动公开事项目录']);
    const g = await wb.readSheet();
    expect(cellAt(g, 1, 1)).toBe('上党区人民政府主动公开事项目录');
    expect(g.values[2].slice(0, 2)).toEqual(['序号', '公开事项']);
    expect(cellAt(g, 3, 6)).toBe('公开内容（要素）');
    expect(cellAt(g, 3, 13)).toBe('公开方式 主动公开');
    expect(g.values[3].slice(1, 5)).toEqual(['一级事项', '二级事项', '三级事项', '四级事项']);
    expect(cellAt(g, 4, 1)).toBeNull(); // t="str" with an empty value reads as empty
    expect(cellAt(g, 5, 1)).toBe(1);
    expect(cellAt(g, 5, 2)).toBe('政府信息公开指南');
    expect(g.merges).toContainEqual({ r1: 1, c1: 1, r2: 1, c2: 14 });
    expect(g.merges).toContainEqual({ r1: 3, c1: 2, r2: 3, c2: 5 });
    expect(g.values.length).toBeLessThanOrEqual(99);
  });

  it('changzhi: 12 columns, ✓ marks and ■ channel text', async () => {
    const wb = readWorkbook(new Uint8Array(readFileSync(`${FIXTURES}/changzhi-commerce-catalogue.xlsx`)), 'changzhi-commerce-catalogue.xlsx');
    const g = await wb.readSheet('主动公开事项目录');
    expect(cellAt(g, 1, 1)).toBe('长治市商务局主动公开事项目录');
    expect(g.values[2]).toEqual(['序号', '公开事项', null, null, '公开内容(要素)', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', null, '公开方式']);
    expect(cellAt(g, 4, 10)).toBe('全社会');
    expect(cellAt(g, 19, 8)).toBe('长治市商务局');
    expect(cellAt(g, 19, 9)).toBe('■政府网站');
    expect(cellAt(g, 19, 10)).toBe('✓');
    expect(cellAt(g, 19, 12)).toBe('✓');
    expect(g.merges).toContainEqual({ r1: 1, c1: 1, r2: 1, c2: 12 });
  });
});

describe('readWorkbook: other formats and layouts', () => {
  const aoa = [
    ['序号', '事项', '时限'],
    [1, '  指南 ', '2024-01-05'],
    [2, '制度', 20],
  ];

  it('reads .xls (BIFF8) read-only; save() asks for .xlsx', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '目录');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const wb = readWorkbook(bytes, 'old.xls');
    expect(wb.format).toBe('xls');
    expect(wb.writable).toBe(false);
    expect((await wb.readSheet()).values).toEqual(aoa);
    const r = await wb.applyEdits('目录', [{ row: 2, col: 2, cell: 'B2', expect: '  指南 ', set: '指南' }]);
    expect(r.applied).toHaveLength(1); // in memory, so a host can still show the fixed grid
    const err = (() => {
      try {
        wb.save();
      } catch (e) {
        return e;
      }
    })() as WorkbookReadError;
    expect(err.code).toBe('unsupported-write');
    expect(err.zh).toContain('另存为');
    expect(err.zh).toContain('.xlsx');
    expect(err.zh).toContain('XLS');
  });

  it('reads .ods read-only', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '目录');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'ods' }) as ArrayBuffer);
    const wb = readWorkbook(bytes, 'table.ods');
    expect(wb.format).toBe('ods');
    expect((await wb.readSheet()).values).toEqual(aoa);
    expect(() => wb.save()).toThrowError(expect.objectContaining({ code: 'unsupported-write' }));
  });

  it('reads a .xlsx renamed to .xls by content', async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/changzhi-commerce-catalogue.xlsx`));
    const wb = readWorkbook(bytes, 'renamed.xls');
    expect(wb.format).toBe('xlsx');
    expect(wb.suggestedFileName).toBe('renamed.xlsx');
  });

  it('reads CSV (UTF-8 with BOM) keeping text as text and canonical numbers as numbers', async () => {
    const text = '\uFEFF序号,事项,时限,编号\r\n1,"  指南 ","2024-01-05",001\r\n2,"含,逗号",20,1e3\r\n';
    const wb = readWorkbook(new TextEncoder().encode(text), '目录.csv');
    expect(wb.format).toBe('csv');
    expect(await wb.listSheets()).toEqual(['目录']);
    expect((await wb.readSheet()).values).toEqual([
      ['序号', '事项', '时限', '编号'],
      [1, '  指南 ', '2024-01-05', '001'],
      [2, '含,逗号', 20, '1e3'],
    ]);
  });

  it('reads GB18030 CSV (what Excel saves on a Chinese Windows) and TSV', async () => {
    // "序号,事项\r\n1,指南\r\n" in GBK.
    const gbk = Uint8Array.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xca, 0xc2, 0xcf, 0xee, 0x0d, 0x0a, 0x31, 0x2c, 0xd6, 0xb8, 0xc4, 0xcf, 0x0d, 0x0a]);
    expect((await readWorkbook(gbk, 'gbk.csv').readSheet()).values).toEqual([
      ['序号', '事项'],
      [1, '指南'],
    ]);
    const tsv = new TextEncoder().encode('a\tb\n1\tx,y\n');
    expect((await readWorkbook(tsv, 'x.tsv').readSheet()).values).toEqual([
      ['a', 'b'],
      [1, 'x,y'],
    ]);
  });

  it('reads an HTML table saved as .xls (what many web systems export) read-only', async () => {
    const html = '<html><head><meta charset="utf-8"></head><body><table><tr><td>序号</td><td>事项</td></tr><tr><td>1</td><td>政府信息公开指南</td></tr></table></body></html>';
    const wb = readWorkbook(new TextEncoder().encode(html), 'export.xls');
    expect(wb.format).toBe('html');
    expect(wb.writable).toBe(false);
    expect((await wb.readSheet()).values).toEqual([
      ['序号', '事项'],
      [1, '政府信息公开指南'],
    ]);
  });

  it('computes ISO dates in the 1904 date system without timezone drift', async () => {
    const e = new ExcelJS.Workbook();
    e.properties.date1904 = true;
    const ws = e.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 1, 29));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    const bytes = new Uint8Array(await e.xlsx.writeBuffer());
    const g = await readWorkbook(bytes, 'mac.xlsx').readSheet();
    expect(g.special?.A1).toEqual({ kind: 'date', iso: '2024-02-29' });
    expect(cellAt(g, 1, 1)).toBe('2024-02-29');
  });

  it('defaults to the first visible sheet when the first sheet is hidden', async () => {
    const e = new ExcelJS.Workbook();
    e.addWorksheet('log', { state: 'veryHidden' }).getCell('A1').value = 'x';
    e.addWorksheet('目录').getCell('A1').value = 'y';
    const wb = readWorkbook(new Uint8Array(await e.xlsx.writeBuffer()), 'h.xlsx');
    expect((await wb.readSheet()).sheet).toBe('目录');
  });

  it('returns an empty grid for an empty sheet (the caller reports it)', async () => {
    const e = new ExcelJS.Workbook();
    e.addWorksheet('空表');
    const g = await readWorkbook(new Uint8Array(await e.xlsx.writeBuffer()), 'empty.xlsx').readSheet();
    expect(g).toEqual({ sheet: '空表', values: [], merges: [] });
  });

  it('resolves the sheet part through the relationships and reads a prefixed (x:) worksheet', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${SHEET_NS}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve"> 前导空格</x:t></x:is></x:c><x:c r="C2"><x:v>3.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = readWorkbook(makeXlsx(xml), 'prefixed.xlsx');
    const g = await wb.readSheet();
    expect(g.values).toEqual([[], [null, ' 前导空格', 3.5]]);
  });
});
