/**
 * Measures write-back: ExcelJS 4.4 round trip vs our zip-level patch, on the rich fixture and the
 * two real catalogues. The numbers in docs/design/write-back.md come from this script.
 *
 *   npx tsx test/port/measure-write-back.ts
 *
 * Both writers make the same edits (C4 text, A9 formula -> number, B10 new cell). Survival checks
 * read the output XML directly (not through ExcelJS, which would only see what ExcelJS models).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { makeRichWorkbook } from '../fixtures/make-rich.ts';

const dec = new TextDecoder();
type Files = Record<string, Uint8Array>;
const text = (f: Files, name: string): string => (f[name] ? dec.decode(f[name]) : '');

async function viaExcelJs(bytes: Uint8Array, sheet: string, edits: [string, ExcelJS.CellValue][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet)!;
  for (const [a, v] of edits) ws.getCell(a).value = v;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function viaPatch(bytes: Uint8Array, sheet: string, edits: [string, string | number][]): Uint8Array {
  const wb = readWorkbook(bytes, 'in.xlsx');
  const g = wb.readSheetSync(sheet);
  const r = wb.applyEditsSync(
    sheet,
    edits.map(([cell, set]) => {
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const row = Number(m[2]);
      return { cell, row, col, expect: g.values[row - 1]?.[col - 1] ?? null, set };
    }),
  );
  if (r.skipped.length) throw new Error('unexpected skip');
  return wb.save();
}

/** Element names used in a part (a cheap structural fingerprint). */
function elements(xml: string): Set<string> {
  return new Set([...xml.matchAll(/<([A-Za-z][\w:.-]*)[\s/>]/g)].map((m) => m[1]));
}

interface Check {
  name: string;
  ok: (f: Files) => boolean;
}

const richChecks: Check[] = [
  { name: 'fills (A1 yellow, header grey)', ok: (f) => /FFFFFF00/.test(text(f, 'xl/styles.xml')) && /FFD9D9D9/.test(text(f, 'xl/styles.xml')) },
  { name: 'fonts (宋体 16 bold, italic red)', ok: (f) => /宋体/.test(text(f, 'xl/styles.xml')) && /<i\/>/.test(text(f, 'xl/styles.xml')) },
  { name: 'borders (thin)', ok: (f) => /style="thin"/.test(text(f, 'xl/styles.xml')) },
  { name: 'merges A1:G1, B4:B5', ok: (f) => /ref="A1:G1"/.test(text(f, 'xl/worksheets/sheet1.xml')) && /ref="B4:B5"/.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'column widths', ok: (f) => /<col min="4" max="4" width="40"/.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'data validation list', ok: (f) => /<dataValidation [^>]*type="list"/.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'conditional formatting', ok: (f) => /<conditionalFormatting sqref="A4:A8"/.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'frozen pane', ok: (f) => /<pane [^>]*state="frozen"/.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'comment', ok: (f) => Object.keys(f).some((n) => /comments\d*\.xml$/.test(n) && /一级事项备注/.test(text(f, n))) },
  { name: 'other, hidden, very hidden sheets', ok: (f) => /name="说明"/.test(text(f, 'xl/workbook.xml')) && /state="hidden"/.test(text(f, 'xl/workbook.xml')) && /state="veryHidden"/.test(text(f, 'xl/workbook.xml')) },
  { name: 'defined name', ok: (f) => /<definedName name="目录区域"/.test(text(f, 'xl/workbook.xml')) },
  { name: 'image (same bytes)', ok: (f) => Object.keys(f).some((n) => n.startsWith('xl/media/') && f[n].length > 0) },
  { name: 'calcChain (pruned, not dropped)', ok: (f) => /<c r="G8"/.test(text(f, 'xl/calcChain.xml')) },
  { name: 'shared-formula group G4:G6', ok: (f) => /t="shared"/.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'row height 30', ok: (f) => /<row r="1"[^>]*ht="30"/.test(text(f, 'xl/worksheets/sheet1.xml')) },
];

const realChecks: Check[] = [
  { name: 'ignoredErrors (no green triangles on numbers-as-text)', ok: (f) => /<ignoredErrors>/.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'xl/metadata.xml', ok: (f) => 'xl/metadata.xml' in f },
  { name: 'workbook codeName', ok: (f) => /codeName="ThisWorkbook"/.test(text(f, 'xl/workbook.xml')) },
  { name: 'merges', ok: (f) => /<mergeCell ref="A1:[A-Z]+1"\/>/.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'column widths', ok: (f) => /width="40.83203125"/.test(text(f, 'xl/worksheets/sheet1.xml')) },
];

async function measure(label: string, bytes: Uint8Array, sheet: string, checks: Check[], edits: [string, string | number][]): Promise<void> {
  const runs = 5;
  let tE = 0;
  let tP = 0;
  let outE: Uint8Array = new Uint8Array();
  let outP: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    outE = await viaExcelJs(bytes, sheet, edits);
    tE += performance.now() - t;
    t = performance.now();
    outP = viaPatch(bytes, sheet, edits);
    tP += performance.now() - t;
  }
  const fin = unzipSync(bytes);
  const fe = unzipSync(outE);
  const fp = unzipSync(outP);
  const same = (a: Files, n: string): boolean => !!a[n] && Buffer.from(a[n]).equals(Buffer.from(fin[n]));
  const names = Object.keys(fin);
  console.log(`\n## ${label} (${bytes.length} bytes, ${names.length} parts)\n`);
  console.log('| | ExcelJS 4.4 round trip | zip patch |');
  console.log('|---|---|---|');
  console.log(`| time (mean of ${runs}, load+edit+write) | ${(tE / runs).toFixed(1)} ms | ${(tP / runs).toFixed(1)} ms |`);
  console.log(`| output size | ${outE.length} (${((outE.length / bytes.length - 1) * 100).toFixed(1)}%) | ${outP.length} (${((outP.length / bytes.length - 1) * 100).toFixed(1)}%) |`);
  console.log(`| parts unchanged (content) | ${names.filter((n) => same(fe, n)).length}/${names.length} | ${names.filter((n) => same(fp, n)).length}/${names.length} |`);
  const lostE = names.filter((n) => !(n in fe));
  const lostP = names.filter((n) => !(n in fp));
  console.log(`| parts dropped | ${lostE.join(', ') || '–'} | ${lostP.join(', ') || '–'} |`);
  const addedE = Object.keys(fe).filter((n) => !(n in fin));
  console.log(`| parts added | ${addedE.join(', ') || '–'} | ${Object.keys(fp).filter((n) => !(n in fin)).join(', ') || '–'} |`);
  for (const c of checks) console.log(`| ${c.name} | ${c.ok(fe) ? 'kept' : '**lost**'} | ${c.ok(fp) ? 'kept' : '**lost**'} |`);
  const s = 'xl/worksheets/sheet1.xml';
  const inEls = elements(text(fin, s));
  const goneE = [...inEls].filter((e) => !elements(text(fe, s)).has(e));
  const goneP = [...inEls].filter((e) => !elements(text(fp, s)).has(e));
  console.log(`| sheet1 XML elements gone | ${goneE.join(', ') || '–'} | ${goneP.join(', ') || '–'} |`);
  const wbE = [...elements(text(fin, 'xl/workbook.xml'))].filter((e) => !elements(text(fe, 'xl/workbook.xml')).has(e));
  const wbP = [...elements(text(fin, 'xl/workbook.xml'))].filter((e) => !elements(text(fp, 'xl/workbook.xml')).has(e));
  console.log(`| workbook.xml elements gone | ${wbE.join(', ') || '–'} | ${wbP.join(', ') || '–'} |`);
}

/**
 * Things Excel itself writes that ExcelJS does not model: a list validation whose source is on
 * another sheet (Excel stores it as x14 in extLst) and manual page breaks.
 */
function withExcelisms(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const s = 'xl/worksheets/sheet1.xml';
  const ext =
    '<rowBreaks count="1" manualBreakCount="1"><brk id="8" max="16383" man="1"/></rowBreaks>' +
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">' +
    '<x14:formula1><xm:f>说明!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>C4:C8</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
  files[s] = strToU8(dec.decode(files[s]).replace(/(<legacyDrawing[^>]*\/>)<\/worksheet>$/, `${ext.split('<extLst>')[0]}$1<extLst>${ext.split('<extLst>')[1]}</worksheet>`));
  return zipSync(files);
}

richChecks.push(
  { name: 'x14 list validation from another sheet (extLst)', ok: (f) => /x14:dataValidation /.test(text(f, 'xl/worksheets/sheet1.xml')) },
  { name: 'manual page break', ok: (f) => /<rowBreaks/.test(text(f, 'xl/worksheets/sheet1.xml')) },
);

const rich = withExcelisms(await makeRichWorkbook());
await measure('rich fixture (ExcelJS-made + calcChain, x14 validation, page break)', rich, '目录', richChecks, [
  ['C4', '新内容'],
  ['A9', 99],
  ['B10', '新行'],
]);
for (const f of ['shangdang-district-catalogue', 'changzhi-commerce-catalogue']) {
  await measure(`${f}.xlsx`, new Uint8Array(readFileSync(`/work/shared/fixtures/${f}.xlsx`)), '主动公开事项目录', realChecks, [
    ['B5', '政府信息公开指南（修订）'],
    ['C6', '新内容'],
  ]);
}
