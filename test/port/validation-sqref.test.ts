/**
 * Data validations the file adapter writes never overlap: drop-downs added twice in one session
 * replace the earlier ones cell for cell, existing whole-column/whole-row validations are read
 * (and kept where they do not overlap), and <dataValidations> sits where CT_Worksheet puts it.
 * The overlap and order checks below are written independently of the adapter's own code.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { OoxmlPackage } from '../../addin/port/file/ooxml/package.ts';
import { patchDataValidations } from '../../addin/port/file/ooxml/validation.ts';
import type { ValidationRule } from '../../addin/port/workbook-port.ts';
import { addCatalogueDropdowns } from '../../addin/usecases/catalogue.ts';
import { makeRichWorkbook, RICH } from '../fixtures/make-rich.ts';
import { loadExcelJs, makeXlsx, SHEET_NS } from './helpers.ts';

const dec = new TextDecoder();
const text = (bytes: Uint8Array, part: string): string => dec.decode(unzipSync(bytes)[part]);

type Rect = [r1: number, c1: number, r2: number, c2: number];

/** One sqref token as a rectangle, or throw: A1, A1:B2, H:H, 3:5 (with or without $). */
function rectOf(token: string): Rect {
  const t = token.replace(/\$/g, '');
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(t);
  if (m) return [Number(m[2]), col(m[1]), Number(m[4] ?? m[2]), col(m[3] ?? m[1])];
  m = /^([A-Z]+):([A-Z]+)$/.exec(t);
  if (m) return [1, col(m[1]), 1048576, col(m[2])];
  m = /^(\d+):(\d+)$/.exec(t);
  if (m) return [Number(m[1]), 1, Number(m[2]), 16384];
  throw new Error(`not a sqref token: ${token}`);
}

/** Pairs of <dataValidation> elements (by index) whose sqrefs share a cell. */
function intersecting(sqrefs: readonly string[]): [number, number][] {
  const rects = sqrefs.map((s) => s.split(/\s+/).filter(Boolean).map(rectOf));
  const hit = (a: Rect, b: Rect) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
  const out: [number, number][] = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) if (rects[i].some((a) => rects[j].some((b) => hit(a, b)))) out.push([i, j]);
  }
  return out;
}

/** sqref of every <dataValidation> directly under <dataValidations> (not the x14 ones in extLst). */
function sqrefsOf(xml: string): string[] {
  const block = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(xml);
  return block ? [...block[1].matchAll(/<dataValidation\b[^>]*?\ssqref="([^"]*)"/g)].map((m) => m[1]) : [];
}

const ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

/** Local names of the worksheet root's children, by depth-counting every tag. */
function topLevel(xml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)(?:\s[^>]*?)?(\/?)>/g)) {
    if (m[0].startsWith('<?')) continue;
    if (m[1]) {
      depth--;
      continue;
    }
    if (depth === 1) out.push(m[2]);
    if (!m[3]) depth++;
  }
  return out;
}

function expectSchemaOrder(xml: string): void {
  const names = topLevel(xml);
  const ranks = names.map((n) => ORDER.indexOf(n));
  expect(ranks.every((k) => k >= 0), names.join(',')).toBe(true);
  expect(ranks, names.join(',')).toEqual([...ranks].sort((a, b) => a - b));
  expect(names.filter((n) => n === 'dataValidations')).toHaveLength(1);
  const count = /<dataValidations count="(\d+)"/.exec(xml)?.[1];
  expect(Number(count)).toBe(sqrefsOf(xml).length);
}

const list = (r1: number, c1: number, r2: number, c2: number, values: string[]): ValidationRule => ({ range: { r1, c1, r2, c2 }, list: values });

describe('drop-downs added twice in one session', () => {
  it('the second call replaces the first cell for cell: no two sqrefs intersect, the later rule holds the shared cells', async () => {
    const wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await wb.addValidation(RICH.sheet, [list(4, 3, 20, 3, ['甲']), list(4, 5, 20, 5, ['乙'])]);
    // the same columns again, one of them over a longer range, plus a block across both
    await wb.addValidation(RICH.sheet, [list(4, 3, 30, 3, ['丙']), list(4, 5, 20, 5, ['丁'])]);
    await wb.addValidation(RICH.sheet, [list(10, 2, 12, 6, ['戊'])]);
    const out = wb.save();
    const xml = text(out, 'xl/worksheets/sheet1.xml');
    const sqrefs = sqrefsOf(xml);
    expect(intersecting(sqrefs)).toEqual([]);
    expectSchemaOrder(xml);
    const ws = (await loadExcelJs(out)).getWorksheet(RICH.sheet)!;
    expect(ws.getCell('C5').dataValidation).toMatchObject({ formulae: ['"丙"'] });
    expect(ws.getCell('C25').dataValidation).toMatchObject({ formulae: ['"丙"'] });
    expect(ws.getCell('E5').dataValidation).toMatchObject({ formulae: ['"丁"'] });
    expect(ws.getCell('E11').dataValidation).toMatchObject({ formulae: ['"戊"'] });
    expect(ws.getCell('F4').dataValidation).toMatchObject({ formulae: ['"主动,依申请"'] }); // the file's own, outside every new range
    expect(ws.getCell('F11').dataValidation).toMatchObject({ formulae: ['"戊"'] });
    expect(xml).not.toContain('"甲"');
    expect(xml).not.toContain('"乙"');
  });

  it('添加下拉列表 pressed twice on a sample catalogue writes each column once', async () => {
    const name = 'shangdang-district-catalogue.xlsx';
    const wb = readWorkbook(new Uint8Array(readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url))), name);
    const first = await addCatalogueDropdowns(wb);
    await addCatalogueDropdowns(wb);
    const out = wb.save();
    const xml = text(out, OoxmlPackage.open(out).sheets().find((x) => x.name === first!.sheet)!.path);
    expect(intersecting(sqrefsOf(xml))).toEqual([]);
    expect(sqrefsOf(xml).length).toBe(first!.rules.length);
    expectSchemaOrder(xml);
  });

  it('a new <dataValidations> goes after conditionalFormatting (whose own extLst is not a worksheet child) and before hyperlinks', () => {
    const xml =
      `<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      '<conditionalFormatting sqref="A1:A9"><cfRule type="expression" priority="1"><formula>A1&gt;1</formula></cfRule><extLst><ext uri="{x}"/></extLst></conditionalFormatting>' +
      '<hyperlinks><hyperlink ref="B2" display="x"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<extLst><ext uri="{y}"/></extLst></worksheet>';
    const out = patchDataValidations(patchDataValidations(xml, [list(2, 3, 9, 3, ['a'])]), [list(5, 3, 12, 3, ['b'])]);
    expectSchemaOrder(out);
    expect(topLevel(out)).toEqual(['sheetData', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'pageMargins', 'extLst']);
    expect(sqrefsOf(out)).toEqual(['C2:C4', 'C5:C12']);
  });
});

describe('existing validations on whole columns and rows', () => {
  const sheet = (validations: string) =>
    `<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
    `<dataValidations count="3">${validations}</dataValidations><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></worksheet>`;
  const dv = (sqref: string, f: string) => `<dataValidation type="list" allowBlank="1" sqref="${sqref}"><formula1>"${f}"</formula1></dataValidation>`;

  it('keeps one on H:H and one on 3:3 that the new range does not touch', async () => {
    for (const [xml, kept] of [
      [sheet(dv('H:H', 'h') + dv('$J:$K', 'jk') + dv('A2:B2', 'ab')), [dv('H:H', 'h'), dv('$J:$K', 'jk'), dv('A2:B2', 'ab')]],
      [sheet(dv('3:3', 'row') + dv('A1:B2', 'ab') + dv('2:2', 'x').replace('2:2', 'D1')), [dv('3:3', 'row'), dv('A1:B2', 'ab')]],
    ] as const) {
      expect(intersecting(sqrefsOf(xml))).toEqual([]); // a valid sheet to start from
      const out = patchDataValidations(xml, [list(4, 3, 20, 3, ['c'])]);
      for (const k of kept) expect(out).toContain(k);
      expect(sqrefsOf(out)).toHaveLength(4);
      expect(intersecting(sqrefsOf(out))).toEqual([]);
      expectSchemaOrder(out);
    }
    // through the adapter: the saved part
    const wb = readWorkbook(makeXlsx(sheet(dv('H:H', 'h') + dv('A3:B3', 'ab') + dv('$J:$K', 'jk'))), 'x.xlsx');
    await wb.addValidation('Sheet1', [list(4, 3, 20, 3, ['c'])]);
    const saved = text(wb.save(), 'xl/worksheets/data.xml');
    expect(sqrefsOf(saved)).toEqual(['H:H', 'A3:B3', '$J:$K', 'C4:C20']);
    expectSchemaOrder(saved);
  });

  it('cuts the new cells out of a whole column or row it overlaps, and leaves a sqref it cannot read as it was', () => {
    const xml = sheet(dv('C:C', 'col') + dv('5:5', 'row') + dv('A1 R1C1', 'odd'));
    const out = patchDataValidations(xml, [list(4, 3, 20, 3, ['c'])]);
    const sqrefs = sqrefsOf(out);
    expect(sqrefs).toEqual(['C1:C3 C21:C1048576', 'A5:B5 D5:XFD5', 'A1 R1C1', 'C4:C20']);
    expect(intersecting(sqrefs.filter((s) => !s.includes('R1C1')))).toEqual([]);
    expect(out).toContain(dv('A1 R1C1', 'odd'));
  });
});
