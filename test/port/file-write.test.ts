import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellAt, withEdits } from '../../addin/catalogue/grid.ts';
import type { CellEdit } from '../../addin/catalogue/types.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { makeRichWorkbook, RICH } from '../fixtures/make-rich.ts';
import { entryOrder, loadExcelJs, makeXlsx, rawEntries, SHEET_NS } from './helpers.ts';

const dec = new TextDecoder('utf-8', { ignoreBOM: true });
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const trimRows = (values: unknown[][]): unknown[][] =>
  values.map((r) => {
    const row = r.slice();
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
const edit = (cell: string, row: number, col: number, expect: CellEdit['expect'], set: CellEdit['set']): CellEdit => ({ cell, row, col, expect, set });

/** Every value ExcelJS sees, by "sheet!A1", as text. */
function snapshot(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      });
    });
  });
  return out;
}

describe('FileWorkbook.save(): zip-level patch of the rich workbook', () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;
  const edits = [
    edit('C4', 4, 3, '指南', '政府信息公开指南 <新> & "引号"'), // plain overwrite, style kept
    edit('C5', 5, 3, '已被别人改过', '不应写入'), // stale: skipped
    edit('B10', 10, 2, null, '新行中的单元格'), // row 10 does not exist in the XML
    edit('A9', 9, 1, '15', 99), // formula overwritten (expect as text equals the number 15)
    edit('G4', 4, 7, 2, null), // master of the shared formula G4:G6 cleared
    edit('D6', 6, 4, RICH.special, '  两端空格\t与制表符  '),
    edit('H5', 5, 8, '', 3.25), // new cell at the end of an existing row
    edit('E7', 7, 5, '2023年12月31日', '每年1月31日前'), // date cell -> text
    edit('D7', 7, 4, '内设机构职责', 'x_x0041_y\n第二行'), // a literal OOXML escape and a line break
  ];
  let result: { applied: CellEdit[]; skipped: CellEdit[] };
  let grid0: ReturnType<ReturnType<typeof readWorkbook>['readSheetSync']>;

  beforeAll(async () => {
    input = await makeRichWorkbook();
    const wb = readWorkbook(input, 'rich.xlsx');
    grid0 = wb.readSheetSync('目录');
    result = await wb.applyEdits('目录', edits);
    output = wb.save();
    before = await loadExcelJs(input);
    after = await loadExcelJs(output);
  });

  it('applies fresh edits and skips the stale one', () => {
    expect(result.skipped.map((e) => e.cell)).toEqual(['C5']);
    expect(result.applied.map((e) => e.cell)).toEqual(['C4', 'B10', 'A9', 'G4', 'D6', 'H5', 'E7', 'D7']);
  });

  it('reads back (SheetJS) as exactly the edited grid', () => {
    const g = readWorkbook(output, 'out.xlsx').readSheetSync('目录');
    const expected = withEdits(grid0, result.applied);
    expect(g.values).toEqual(trimRows(expected.values));
    expect(g.merges).toEqual(grid0.merges);
    const special = { ...grid0.special };
    for (const c of ['A9', 'G4', 'E7']) delete special[c];
    expect(g.special).toEqual(special); // G5/G6 still formulas (G5 promoted to master)
  });

  it('reads back (ExcelJS): only the edited cells changed', () => {
    const a = snapshot(before);
    const b = snapshot(after);
    const changed = new Set(result.applied.map((e) => `目录!${e.cell}`));
    changed.add('目录!G5'); // promoted: same formula and result, now written as the master
    changed.add('目录!G6'); // its shared formula now points at G5
    for (const [k, v] of a) if (!changed.has(k)) expect([k, b.get(k)]).toEqual([k, v]);
    for (const k of b.keys()) if (!changed.has(k)) expect(a.has(k), k).toBe(true);
    const ws = after.getWorksheet('目录')!;
    expect(ws.getCell('C4').value).toBe('政府信息公开指南 <新> & "引号"');
    expect(ws.getCell('C5').value).toBe('制度');
    expect(ws.getCell('B10').value).toBe('新行中的单元格');
    expect(ws.getCell('A9').value).toBe(99);
    expect(ws.getCell('A9').formula).toBeUndefined();
    expect(ws.getCell('G4').value).toBeNull();
    expect(ws.getCell('G5').formula).toBe('A5*2');
    expect(ws.getCell('G6').result ?? ws.getCell('G6').value).toBeTruthy();
    expect(ws.getCell('D6').value).toBe('  两端空格\t与制表符  ');
    expect(ws.getCell('H5').value).toBe(3.25);
    expect(ws.getCell('E7').value).toBe('每年1月31日前');
    // ExcelJS does not decode ST_Xstring escapes (_xHHHH_); Excel and SheetJS do (see the grid test).
    expect(ws.getCell('D7').value).toBe('x_x005F_x0041_y\n第二行');
  });

  it('keeps styles of edited and untouched cells (fills, fonts, borders, number formats)', () => {
    const ws = after.getWorksheet('目录')!;
    const w0 = before.getWorksheet('目录')!;
    for (const a of ['A1', 'A3', 'G3', 'C4', 'G4', 'D6', 'E4', 'E5', 'E7', 'B9']) {
      expect([a, ws.getCell(a).style]).toEqual([a, w0.getCell(a).style]);
    }
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16, name: '宋体' });
    expect(ws.getCell('C4').border?.top?.style).toBe('thin');
    expect(ws.getCell('E4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('E7').numFmt).toBe('yyyy"年"m"月"d"日"'); // kept even though the value is now text
  });

  it('keeps merges, column widths, row height, frozen pane, validation, conditional formatting, comment', () => {
    const ws = after.getWorksheet('目录')!;
    expect(ws.model.merges.sort()).toEqual(['A1:G1', 'B4:B5']);
    expect(RICH.widths.map((_, i) => ws.getColumn(i + 1).width)).toEqual(RICH.widths);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('F6').dataValidation).toMatchObject({ type: 'list', formulae: ['"主动,依申请"'] });
    // Not in ExcelJS's typings, but it is where ExcelJS puts what it read.
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe('A4:A8');
    expect(cf[0].rules[0].type).toBe('cellIs');
    const note = ws.getCell('B4').note;
    expect(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')).toBe(RICH.comment);
  });

  it('keeps the other, hidden and very hidden sheets, the defined name and the image', () => {
    expect(after.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['目录', 'visible'],
      ['说明', 'visible'],
      ['隐藏', 'hidden'],
      ['日志', 'veryHidden'],
    ]);
    expect(after.definedNames.model).toEqual(before.definedNames.model);
    expect(after.definedNames.model[0].name).toBe(RICH.definedName);
    const notes = after.getWorksheet('说明')!;
    expect(notes.getImages()).toHaveLength(1);
    expect(notes.getColumn(1).width).toBe(30);
  });

  it('copies every untouched zip entry byte for byte, in the same order', () => {
    const a = rawEntries(input);
    const b = rawEntries(output);
    expect(entryOrder(output)).toEqual(entryOrder(input));
    const touched = new Set(['xl/worksheets/sheet1.xml', 'xl/calcChain.xml', 'xl/workbook.xml']);
    for (const [name, raw] of a) {
      if (touched.has(name)) continue;
      expect([name, Buffer.from(b.get(name)!).equals(Buffer.from(raw))]).toEqual([name, true]);
    }
    // and the changed ones really changed
    for (const name of touched) expect(Buffer.from(b.get(name)!).equals(Buffer.from(a.get(name)!)), name).toBe(false);
  });

  it('drops the calcChain entries of overwritten formulas and asks for a recalculation on open', () => {
    const files = unzipSync(output);
    const chain = dec.decode(files['xl/calcChain.xml']);
    expect(chain).toContain('<c i="1" r="G5"/><c r="G6"/><c r="G8"/>');
    expect(chain).not.toContain('"G4"');
    expect(chain).not.toContain('"A9"');
    expect(dec.decode(files['xl/workbook.xml'])).toContain('<calcPr calcId="171027" fullCalcOnLoad="1"/>');
  });

  it('writes inline strings and leaves sharedStrings.xml alone', () => {
    const sheet = dec.decode(unzipSync(output)['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="C4" s="3" t="inlineStr"><is><t xml:space="preserve">政府信息公开指南 &lt;新&gt; &amp; "引号"</t></is></c>');
    expect(sheet).toContain('<row r="10"><c r="B10" t="inlineStr">');
    expect(sheet).toMatch(/<row r="9"[^>]*><c r="A9"><v>99<\/v><\/c>/);
    expect(sheet).toContain('<c r="G4" s="3"/>');
    expect(sheet).toContain('<c r="G5" s="3"><f t="shared" ref="G5:G6" si="0">A5*2</f><v>4</v></c>');
    expect(sheet).toContain('<row r="5" spans="1:8"'); // spans widened for H5
    expect(sheet).toContain('<dimension ref="A1:H11"/>');
  });

  it('saves the input bytes unchanged when nothing was edited, and is repeatable', async () => {
    const wb = readWorkbook(input, 'rich.xlsx');
    expect(same(wb.save(), input)).toBe(true);
    await wb.applyEdits('目录', [edit('C4', 4, 3, '指南', 'x')]);
    expect(same(wb.save(), wb.save())).toBe(true);
    // An edit to the same value (a formula cell set to its cached result) writes nothing.
    const wb2 = readWorkbook(input, 'rich.xlsx');
    const r = await wb2.applyEdits('目录', [edit('A9', 9, 1, 15, 15)]);
    expect(r.applied).toHaveLength(1);
    expect(wb2.dirty).toBe(false);
  });

  it('sees its own edits: a second edit is checked against the first one', async () => {
    const wb = readWorkbook(input, 'rich.xlsx');
    const r = await wb.applyEdits('目录', [edit('C4', 4, 3, '指南', '一'), edit('C4', 4, 3, '指南', '二'), edit('C4', 4, 3, '一', '三')]);
    expect(r.applied.map((e) => e.set)).toEqual(['一', '三']);
    expect(r.skipped.map((e) => e.set)).toEqual(['二']);
    expect(cellAt(await wb.readSheet('目录'), 4, 3)).toBe('三');
  });

  it('rejects edits outside the sheet or with a mismatched address', async () => {
    const wb = readWorkbook(input, 'rich.xlsx');
    await expect(wb.applyEdits('目录', [edit('A0', 0, 1, null, 'x')])).rejects.toThrow(RangeError);
    await expect(wb.applyEdits('目录', [edit('B2', 2, 3, null, 'x')])).rejects.toThrow(/does not match/);
    await expect(wb.applyEdits('无此表', [])).rejects.toMatchObject({ code: 'no-such-sheet' });
  });
});

describe('FileWorkbook.save(): odd but valid worksheet XML', () => {
  it('handles a namespace prefix, implicit cell/row numbers and XML escapes', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${SHEET_NS}"><x:dimension ref="A1:C2"/><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = readWorkbook(makeXlsx(xml), 'p.xlsx');
    expect((await wb.readSheet()).values).toEqual([
      [1, 2],
      ['a', 3],
    ]);
    // B1 inserted before an implicit cell? Not possible (B1 exists). Insert C1 after, A1 replaced,
    // a literal _x0041_ and a control character, and a whole new row 1.5 -> row 2 exists, so row 4.
    await wb.applyEdits('Sheet1', [
      edit('A1', 1, 1, 1, 'x_x0041_y\u0001z\r\n'),
      edit('C1', 1, 3, null, true),
      edit('A4', 4, 1, null, -0.5),
    ]);
    const out = wb.save();
    const sheet = dec.decode(unzipSync(out)['xl/worksheets/data.xml']);
    expect(sheet).toContain('<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">x_x005F_x0041_y_x0001_z_x000D_\n</x:t></x:is></x:c>');
    expect(sheet).toContain('<x:c r="B1"><x:v>2</x:v></x:c>'); // implicit column pinned after the rewrite
    expect(sheet).toContain('<x:c r="C1" t="b"><x:v>1</x:v></x:c>');
    expect(sheet).toContain('<x:row r="4"><x:c r="A4"><x:v>-0.5</x:v></x:c></x:row>');
    expect(sheet).toContain('<x:dimension ref="A1:C4"/>');
    const g = readWorkbook(out, 'p.xlsx').readSheetSync();
    // SheetJS folds CR LF to LF when it reads (the file has _x000D_ followed by LF).
    expect(g.values).toEqual([['x_x0041_y\u0001z\n', 2, true], ['a', 3], [], [-0.5]]);
  });

  it('inserts a row before an implicit row number and pins it', async () => {
    const xml = `<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row><c r="A3"><v>3</v></c></row></sheetData></worksheet>`;
    // The second row is implicitly row 2 even though its cell says A3: Excel would repair; we keep
    // the row numbering logic simple and consistent: implicit row = previous + 1.
    const xml2 = xml.replace('<c r="A3"><v>3</v></c>', '<c><v>3</v></c>');
    const wb = readWorkbook(makeXlsx(xml2), 'i.xlsx');
    expect(wb.readSheetSync().values).toEqual([[1], [3]]);
    // Writing row 2 patches the implicit row in place.
    await wb.applyEdits('Sheet1', [edit('B2', 2, 2, null, 'b')]);
    const sheet = dec.decode(unzipSync(wb.save())['xl/worksheets/data.xml']);
    expect(sheet).toContain('<row><c><v>3</v></c><c r="B2" t="inlineStr">');
  });

  it('writes into an empty <sheetData/> and keeps the row/column default style', async () => {
    const xml = `<worksheet xmlns="${SHEET_NS}"><dimension ref="A1"/><cols><col min="2" max="3" width="12" style="5" customWidth="1"/></cols><sheetData/></worksheet>`;
    const wb = readWorkbook(makeXlsx(xml), 'e.xlsx');
    expect(wb.readSheetSync().values).toEqual([]);
    await wb.applyEdits('Sheet1', [edit('C2', 2, 3, null, '新'), edit('A2', 2, 1, null, 1)]);
    const sheet = dec.decode(unzipSync(wb.save())['xl/worksheets/data.xml']);
    expect(sheet).toContain('<sheetData><row r="2"><c r="A2"><v>1</v></c><c r="C2" s="5" t="inlineStr">');
    expect(sheet).toContain('<dimension ref="A1:C2"/>');
  });

  it('gives a new cell in a formatted row the row style', async () => {
    const xml = `<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1" s="7" customFormat="1"><c r="A1" s="7"><v>1</v></c></row></sheetData></worksheet>`;
    const wb = readWorkbook(makeXlsx(xml), 'r.xlsx');
    await wb.applyEdits('Sheet1', [edit('D1', 1, 4, null, 4)]);
    const sheet = dec.decode(unzipSync(wb.save())['xl/worksheets/data.xml']);
    expect(sheet).toContain('<c r="A1" s="7"><v>1</v></c><c r="D1" s="7"><v>4</v></c>');
  });

  it('removes the calcChain part when its last entry goes, with its relationship and content type', async () => {
    const xml = `<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`;
    const bytes = makeXlsx(xml, {
      'xl/calcChain.xml': `<calcChain xmlns="${SHEET_NS}"><c r="A1" i="7"/></calcChain>`,
    });
    // add the rel + override the way Excel has them
    const files = unzipSync(bytes);
    const relsXml = dec.decode(files['xl/_rels/workbook.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    );
    const ct = dec.decode(files['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
    const { strToU8, zipSync } = await import('fflate');
    const full = zipSync({ ...files, 'xl/_rels/workbook.xml.rels': strToU8(relsXml), '[Content_Types].xml': strToU8(ct) });
    const wb = readWorkbook(full, 'c.xlsx');
    await wb.applyEdits('Sheet1', [edit('A1', 1, 1, 2, 'text')]);
    const out = unzipSync(wb.save());
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(dec.decode(out['xl/_rels/workbook.xml.rels'])).not.toContain('calcChain');
    expect(dec.decode(out['[Content_Types].xml'])).not.toContain('calcChain');
    expect(dec.decode(out['xl/workbook.xml'])).toContain('<calcPr fullCalcOnLoad="1"/>');
  });
});

describe('FileWorkbook.save(): Excel Tables', () => {
  it('renames a table column when its header cell is edited, so Excel does not repair the file', async () => {
    const { default: ExcelJSLib } = await import('exceljs');
    const e = new ExcelJSLib.Workbook();
    const ws = e.addWorksheet('目录');
    ws.addTable({ name: 'T1', ref: 'A1', headerRow: true, columns: [{ name: '序号' }, { name: '公开内容(要素)' }], rows: [[1, '指南']] });
    const bytes = new Uint8Array(await e.xlsx.writeBuffer());
    const wb = readWorkbook(bytes, 't.xlsx');
    expect(wb.readSheetSync().values[0]).toEqual(['序号', '公开内容(要素)']);
    await wb.applyEdits('目录', [edit('B1', 1, 2, '公开内容(要素)', '公开内容（要素）<&>'), edit('A1', 1, 1, '序号', '公开内容（要素）<&>')]);
    const files = unzipSync(wb.save());
    const table = Object.keys(files).find((n) => /tables\/table\d+\.xml$/.test(n))!;
    const xml = dec.decode(files[table]);
    expect(xml).toContain('name="公开内容（要素）&lt;&amp;&gt;"');
    expect(xml).toContain('name="序号"'); // A1 would duplicate B1's new name: left for Excel
  });
});

describe('FileWorkbook.save(): CSV', () => {
  it('rewrites only the edited records; quoting, line endings and BOM of the rest stay', async () => {
    const text = '\uFEFF序号,事项,"时限"\r\n1,"指南",2024-01-05\r\n2,"含,逗号",20\r\n';
    const wb = readWorkbook(new TextEncoder().encode(text), 'a.csv');
    const r = await wb.applyEdits('a', [
      edit('B3', 3, 2, '含,逗号', '改为"引号"'),
      edit('C2', 2, 3, 'stale', 'x'),
      edit('B5', 5, 2, null, '新行'),
    ]);
    expect(r.skipped.map((e) => e.cell)).toEqual(['C2']);
    const out = wb.save();
    expect(dec.decode(out)).toBe('\uFEFF序号,事项,"时限"\r\n1,"指南",2024-01-05\r\n2,"改为""引号""",20\r\n\r\n,新行\r\n');
    expect(readWorkbook(out, 'a.csv').readSheetSync().values).toEqual([
      ['序号', '事项', '时限'],
      [1, '指南', '2024-01-05'],
      [2, '改为"引号"', 20],
      [],
      [null, '新行'],
    ]);
  });

  it('writes GB18030 input back as UTF-8 with a BOM', async () => {
    const gbk = Uint8Array.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xca, 0xc2, 0xcf, 0xee, 0x0d, 0x0a, 0x31, 0x2c, 0xd6, 0xb8, 0xc4, 0xcf]);
    const wb = readWorkbook(gbk, 'g.csv');
    await wb.applyEdits('g', [edit('B2', 2, 2, '指南', '制度')]);
    const out = wb.save();
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(dec.decode(out.subarray(3))).toBe('序号,事项\r\n1,制度');
  });
});
