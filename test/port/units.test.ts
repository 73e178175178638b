/** Table tests of the small pure pieces: dates, formula shifting, XML escaping, calcChain, CSV, zip. */
import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvValue, looksLikeCsv, parseCsv, sniffDelimiter } from '../../addin/port/file/csv.ts';
import { serialToIsoDate } from '../../addin/port/file/dates.ts';
import { shiftFormula } from '../../addin/port/file/ooxml/formula-shift.ts';
import { removeCalcChainCells, resolveTarget } from '../../addin/port/file/ooxml/package.ts';
import { escapeCellText, patchWorksheetXml } from '../../addin/port/file/ooxml/sheet-xml.ts';
import { crc32, readZip, writeZip } from '../../addin/port/file/ooxml/zip.ts';

describe('serialToIsoDate', () => {
  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, undefined], // Lotus's phantom 1900-02-29
    [61, false, '1900-03-01'],
    [45292, false, '2024-01-01'],
    [45351, false, '2024-02-29'],
    [45306.9999999999, false, '2024-01-16'], // rounds to the next day at display precision
    [45306.5, false, '2024-01-15'],
    [2958465, false, '9999-12-31'],
    [2958466, false, undefined],
    [-1, false, undefined],
    [0, true, '1904-01-01'],
    [43830, true, '2024-01-01'],
  ])('%s (1904: %s) -> %s', (serial, d1904, iso) => {
    expect(serialToIsoDate(serial, d1904)).toBe(iso);
  });
});

describe('shiftFormula', () => {
  it.each([
    ['A4*2', 1, 0, 'A5*2'],
    ['$A$4*B$2+$C3', 2, 1, '$A$4*C$2+$C5'],
    ['SUM(A4:A8)', 1, 1, 'SUM(B5:B9)'],
    ['Sheet1!B2+\'My sheet\'!C3', 1, 0, 'Sheet1!B3+\'My sheet\'!C4'],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ['LOG10(A1)+ATAN2(B1,C1)', 1, 0, 'LOG10(A2)+ATAN2(B2,C2)'],
    ['SUM(A:A)+SUM(2:3)', 1, 1, 'SUM(B:B)+SUM(3:4)'],
    ['Table1[Col1]+A1', 1, 0, 'Table1[Col1]+A2'],
    ['A1', -1, 0, '#REF!'],
    ['1.5E+3*A1', 0, 1, '1.5E+3*B1'],
  ])('%s by (%i, %i) -> %s', (f, dr, dc, out) => {
    expect(shiftFormula(f, dr, dc)).toBe(out);
  });
});

describe('escapeCellText', () => {
  it.each([
    ['a<b>&c', 'a&lt;b&gt;&amp;c'],
    ['_x0041_', '_x005F_x0041_'],
    ['tab\tnl\n', 'tab\tnl\n'],
    ['cr\r', 'cr_x000D_'],
    ['\u0000\u001f', '_x0000__x001F_'],
    ['😀 中文', '😀 中文'],
    ['lone\ud800', 'lone_xD800_'],
  ])('%j -> %j', (s, out) => {
    expect(escapeCellText(s)).toBe(out);
  });
});

describe('patchWorksheetXml', () => {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  it('orders new rows and cells, keeps everything else byte for byte', () => {
    const xml = `<worksheet xmlns="${ns}"><sheetData>\n  <row r="2"><c r="B2" s="4" t="s"><v>0</v></c>\n  <c r="D2"><v>1</v></c></row>\n  <row r="5"><c r="A5"><v>5</v></c></row>\n</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const { xml: out, removedFormulaCells } = patchWorksheetXml(xml, [
      { row: 2, col: 3, value: 'c' },
      { row: 2, col: 1, value: 1 },
      { row: 2, col: 5, value: false },
      { row: 1, col: 1, value: 'first' },
      { row: 3, col: 2, value: 'three' },
      { row: 9, col: 1, value: 9 },
      { row: 2, col: 2, value: null },
    ]);
    expect(removedFormulaCells).toEqual([]);
    expect(out).toBe(
      `<worksheet xmlns="${ns}"><sheetData>\n  <row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">first</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" s="4"/>\n  <c r="C2" t="inlineStr"><is><t xml:space="preserve">c</t></is></c><c r="D2"><v>1</v></c><c r="E2" t="b"><v>0</v></c></row>\n  <row r="3"><c r="B3" t="inlineStr"><is><t xml:space="preserve">three</t></is></c></row><row r="5"><c r="A5"><v>5</v></c></row>\n<row r="9"><c r="A9"><v>9</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
    );
  });

  it('is the identity without writes and rejects cells outside the sheet', () => {
    const xml = `<worksheet xmlns="${ns}"><sheetData/></worksheet>`;
    expect(patchWorksheetXml(xml, []).xml).toBe(xml);
    expect(() => patchWorksheetXml(xml, [{ row: 0, col: 1, value: 1 }])).toThrow(RangeError);
    expect(() => patchWorksheetXml(xml, [{ row: 1, col: 16385, value: 1 }])).toThrow(RangeError);
  });

  it('reports formula cells it overwrote and promotes a shared-formula master', () => {
    const xml = `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:C1" si="3">$D1+E1</f><v>1</v></c><c r="B1"><f t="shared" si="3"/><v>2</v></c><c r="C1"><f t="shared" si="3"/><v>3</v></c></row></sheetData></worksheet>`;
    const r = patchWorksheetXml(xml, [{ row: 1, col: 1, value: 'x' }]);
    expect(r.removedFormulaCells).toEqual(['A1']);
    expect(r.xml).toContain('<c r="B1"><f t="shared" ref="B1:C1" si="3">$D1+F1</f><v>2</v></c>');
    expect(r.xml).toContain('<c r="C1"><f t="shared" si="3"/><v>3</v></c>');
  });
});

describe('removeCalcChainCells', () => {
  const chain = (body: string): string => `<calcChain xmlns="x">${body}</calcChain>`;
  it('carries an inherited sheet id over to the next kept entry', () => {
    expect(removeCalcChainCells(chain('<c r="A1" i="1"/><c r="A2"/><c r="B1" i="2"/>'), '1', new Set(['A1']))).toBe(chain('<c i="1" r="A2"/><c r="B1" i="2"/>'));
  });
  it('only touches the given sheet', () => {
    expect(removeCalcChainCells(chain('<c r="A1" i="1"/><c r="A1" i="2"/>'), '2', new Set(['A1']))).toBe(chain('<c r="A1" i="1"/>'));
  });
  it('returns null when nothing is left, and the input when nothing matched', () => {
    expect(removeCalcChainCells(chain('<c r="A1" i="1"/>'), '1', new Set(['A1']))).toBeNull();
    const c = chain('<c r="A1" i="1"/>');
    expect(removeCalcChainCells(c, '1', new Set(['B9']))).toBe(c);
  });
});

describe('resolveTarget', () => {
  it.each([
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/worksheets/sheet1.xml', '../drawings/drawing1.xml', 'xl/drawings/drawing1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/workbook.xml', 'worksheets/My%20Sheet.xml', 'xl/worksheets/My Sheet.xml'],
  ])('%s + %s -> %s', (src, target, out) => {
    expect(resolveTarget(src, target)).toBe(out);
  });
});

describe('CSV', () => {
  it('parses quotes, doubled quotes, embedded newlines and a trailing delimiter', () => {
    const recs = parseCsv('a,"b ""q""","c\r\nd",\r\n"x"y,z\n', ',');
    expect(recs.map((r) => r.fields.map((f) => f.value))).toEqual([
      ['a', 'b "q"', 'c\r\nd', ''],
      ['xy', 'z'],
    ]);
    expect(recs.map((r) => r.raw).join('')).toBe('a,"b ""q""","c\r\nd",\r\n"x"y,z\n');
  });
  it('sniffs the delimiter and tells a table from prose', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n', 'x.csv')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n', 'x.txt')).toBe('\t');
    expect(looksLikeCsv('a,b\n1,2\n3,4\n', 'x.txt')).toBe(true);
    expect(looksLikeCsv('这是一段文字。\n另一段，含一个逗号。\n第三段。\n', 'x.txt')).toBe(false);
  });
  it.each([
    ['1', 1],
    ['-2.5', -2.5],
    ['001', '001'],
    ['1e3', '1e3'],
    ['1.50', '1.50'],
    ['', null],
    [' 1', ' 1'],
    ['12345678901234567890', '12345678901234567890'],
  ])('csvValue(%j) -> %j', (s, v) => {
    expect(csvValue(s)).toBe(v);
  });
});

describe('zip record rewrite', () => {
  it('copies unchanged entries raw, replaces, drops and adds entries', () => {
    const src = zipSync({ 'a.txt': strToU8('alpha'.repeat(100)), 'b/c.xml': strToU8('<c/>'), 'd.bin': new Uint8Array([1, 2, 3]) }, { level: 9 });
    const zip = readZip(src);
    const out = writeZip(zip, new Map<string, Uint8Array | null>([['b/c.xml', strToU8('<c>new</c>')], ['d.bin', null]]), [{ name: 'e/新.xml', data: strToU8('<e/>') }]);
    const files = unzipSync(out);
    expect(Object.keys(files)).toEqual(['a.txt', 'b/c.xml', 'e/新.xml']);
    expect(new TextDecoder().decode(files['b/c.xml'])).toBe('<c>new</c>');
    expect(new TextDecoder().decode(files['e/新.xml'])).toBe('<e/>');
    const a0 = zip.entries[0];
    const a1 = readZip(out).entries[0];
    expect(Buffer.from(out.subarray(a1.localOffset, a1.dataOffset + a1.compressedSize)).equals(Buffer.from(src.subarray(a0.localOffset, a0.dataOffset + a0.compressedSize)))).toBe(true);
  });
  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });
});

describe('addin/port/file runs in a browser', () => {
  it('imports no Node built-ins and uses no Node globals', () => {
    const dir = new URL('../../addin/port/file/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect([f, i]).toEqual([f, expect.stringMatching(/^(\.|xlsx$|fflate$)/)]);
      expect([f, /\b(Buffer|process|require)\b[.(]/.test(src)]).toEqual([f, false]);
    }
  });
});
