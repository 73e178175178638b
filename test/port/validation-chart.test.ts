/**
 * The file adapter's data validation (<dataValidations> patched into the sheet XML, existing
 * validations kept) and its DrawingML chart on a product sheet (drawing + chart parts, rels,
 * content types; re-running replaces, never duplicates), read back with ExcelJS.
 */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { dataValidationXml, patchDataValidations } from '../../addin/port/file/ooxml/validation.ts';
import { chartRef, isOwnDrawing } from '../../addin/port/file/ooxml/chart.ts';
import type { ChartSpec, ValidationRule } from '../../addin/port/workbook-port.ts';
import { makeRichWorkbook, RICH } from '../fixtures/make-rich.ts';
import { loadExcelJs, rawEntries } from './helpers.ts';

const dec = new TextDecoder();
const parts = (bytes: Uint8Array) => unzipSync(bytes);
const text = (bytes: Uint8Array, part: string): string => dec.decode(parts(bytes)[part]);
const changedParts = (a: Uint8Array, b: Uint8Array): string[] => {
  const x = rawEntries(a);
  const y = rawEntries(b);
  return [...new Set([...x.keys(), ...y.keys()])].filter((k) => !x.has(k) || !y.has(k) || !Buffer.from(x.get(k)!).equals(Buffer.from(y.get(k)!))).sort();
};

const TICK: ValidationRule = { range: { r1: 6, c1: 6, r2: 20, c2: 6 }, list: ['√'], errorStyle: 'stop', error: { title: '公开方式', message: '请选择「√」或留空' } };
const DEADLINE: ValidationRule = {
  range: { r1: 4, c1: 5, r2: 20, c2: 5 },
  list: ['自该信息形成或者变更之日起20个工作日内', '实时更新'],
  errorStyle: 'warning',
  prompt: { title: '公开时限', message: '可从列表中选择标准表述 & 其他' },
  error: { title: '公开时限', message: '不是标准表述，仍要使用吗？' },
};
const CHANNEL: ValidationRule = { range: { r1: 4, c1: 3, r2: 20, c2: 3 }, prompt: { title: '公开渠道和载体', message: '■已选 □未选\n政府网站、政府公报' } };

describe('file adapter: data validation', () => {
  it('writes list and prompt-only validations; the F4:F8 list keeps the cells outside the new range', async () => {
    const input = await makeRichWorkbook();
    const wb = readWorkbook(input, 'rich.xlsx');
    expect(wb.capabilities.dataValidation).toBe(true);
    await wb.addValidation(RICH.sheet, [TICK, DEADLINE, CHANNEL]);
    const out = wb.save();
    // the sheet part, and workbook.xml's recalculation flag (the rich workbook has formulas)
    expect(changedParts(input, out)).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const x = await loadExcelJs(out);
    const ws = x.getWorksheet(RICH.sheet)!;
    expect(ws.getCell('F4').dataValidation).toMatchObject({ type: 'list', formulae: ['"主动,依申请"'] });
    expect(ws.getCell('F5').dataValidation).toMatchObject({ type: 'list', formulae: ['"主动,依申请"'] });
    expect(ws.getCell('F6').dataValidation).toMatchObject({ type: 'list', formulae: ['"√"'], showErrorMessage: true, errorTitle: '公开方式', error: '请选择「√」或留空' });
    expect(ws.getCell('F6').dataValidation.errorStyle ?? 'stop').toBe('stop');
    expect(ws.getCell('F20').dataValidation).toMatchObject({ type: 'list', formulae: ['"√"'] });
    expect(ws.getCell('E10').dataValidation).toMatchObject({
      type: 'list',
      errorStyle: 'warning',
      formulae: ['"自该信息形成或者变更之日起20个工作日内,实时更新"'],
      showInputMessage: true,
      promptTitle: '公开时限',
      prompt: '可从列表中选择标准表述 & 其他',
    });
    expect(ws.getCell('C5').dataValidation).toMatchObject({ showInputMessage: true, promptTitle: '公开渠道和载体', prompt: '■已选 □未选\n政府网站、政府公报' });
    expect(ws.getCell('C5').dataValidation.type ?? 'any').toBe('any');
    expect(ws.getCell('F21').dataValidation).toBeUndefined();
    // values, styles and the rest of the sheet as they were
    const before = (await loadExcelJs(input)).getWorksheet(RICH.sheet)!;
    for (const a of ['A1', 'C3', 'D4', 'E4', 'B9', 'F4']) {
      expect(ws.getCell(a).value, a).toEqual(before.getCell(a).value);
      expect(ws.getCell(a).style, a).toEqual(before.getCell(a).style);
    }
    // a second run over the saved file replaces its own validations instead of stacking them
    const again = readWorkbook(out, 'rich.xlsx');
    await again.addValidation(RICH.sheet, [TICK, DEADLINE, CHANNEL]);
    const xml = text(again.save(), 'xl/worksheets/sheet1.xml');
    expect(xml.match(/<dataValidation /g)).toHaveLength(4);
    expect(/<dataValidations count="4">/.test(xml)).toBe(true);
  });

  it('creates <dataValidations> at its schema place (before hyperlinks/pageMargins) when the sheet has none', () => {
    const xml = '<worksheet xmlns="x"><sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="1"/><drawing r:id="rId1"/></worksheet>';
    const out = patchDataValidations(xml, [CHANNEL]);
    expect(out).toBe(`<worksheet xmlns="x"><sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><dataValidations count="1">${dataValidationXml(CHANNEL)}</dataValidations><pageMargins left="1"/><drawing r:id="rId1"/></worksheet>`);
    expect(dataValidationXml(CHANNEL)).toBe('<dataValidation allowBlank="1" showInputMessage="1" promptTitle="公开渠道和载体" prompt="■已选 □未选&#10;政府网站、政府公报" sqref="C4:C20"/>');
  });

  it('refuses a read-only format and lists Excel cannot hold', async () => {
    const csv = readWorkbook(new TextEncoder().encode('a,b\n'), 'x.csv');
    expect(csv.capabilities.dataValidation).toBe(false);
    await expect(csv.addValidation('x', [CHANNEL])).rejects.toMatchObject({ code: 'unsupported-write' });
    const wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await expect(wb.addValidation(RICH.sheet, [{ ...TICK, list: ['a"b'] }])).rejects.toThrow(RangeError);
    await expect(wb.addValidation(RICH.sheet, [{ ...CHANNEL, prompt: { title: 'x'.repeat(33), message: '' } }])).rejects.toThrow(/prompt title/);
    expect(wb.dirty).toBe(false);
  });
});

const MONTHS = ['2026-01', '2026-02', '2026-03'];
const ROWS = [['政府信息公开申请月度统计（2026年）'], ['月份', '新收申请', '其他', '办结'], ...MONTHS.map((m, i) => [m, i + 1, 0, i]), ['合计', 6, 0, 3]];
const spec = (title = '每月新收与办结'): ChartSpec => ({
  name: 'xxgk-monthly-chart',
  title,
  type: 'clusteredColumn',
  categories: { r1: 3, c1: 1, r2: 5, c2: 1 },
  series: [
    { name: '新收申请', nameCell: { row: 2, col: 2 }, values: { r1: 3, c1: 2, r2: 5, c2: 2 } },
    { name: '办结', nameCell: { row: 2, col: 4 }, values: { r1: 3, c1: 4, r2: 5, c2: 4 } },
  ],
  anchor: { row: 8, col: 1, cols: 8, rows: 16 },
  cache: { categories: MONTHS, series: [[1, 2, 3], [0, 1, 2]] },
});

describe('file adapter: chart on 月度统计', () => {
  it('adds drawing + chart parts referencing the sheet ranges; ExcelJS reads the workbook with nothing lost', async () => {
    const input = await makeRichWorkbook();
    const wb = readWorkbook(input, 'rich.xlsx');
    await wb.writeSheet('月度统计', ROWS, { headerRows: 2 });
    await wb.writeChart('月度统计', spec());
    const out = wb.save();
    const z = parts(out);
    const sheetPath = 'xl/worksheets/sheet5.xml';
    const sheetXml = text(out, sheetPath);
    expect(sheetXml).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    const rels = text(out, 'xl/worksheets/_rels/sheet5.xml.rels');
    expect(rels).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing2.xml"');
    expect(z['xl/drawings/drawing1.xml']).toBeDefined(); // the image of 说明 keeps its own drawing
    expect(isOwnDrawing(text(out, 'xl/drawings/drawing1.xml'))).toBe(false);
    const drawing = text(out, 'xl/drawings/drawing2.xml');
    expect(isOwnDrawing(drawing)).toBe(true);
    expect(drawing).toContain('<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row>');
    const chartPath = /Target="\.\.\/charts\/(chart\d+\.xml)"/.exec(text(out, 'xl/drawings/_rels/drawing2.xml.rels'))![1];
    const chart = text(out, `xl/charts/${chartPath}`);
    expect([...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1])).toEqual([
      "'月度统计'!$B$2", "'月度统计'!$A$3:$A$5", "'月度统计'!$B$3:$B$5",
      "'月度统计'!$D$2", "'月度统计'!$A$3:$A$5", "'月度统计'!$D$3:$D$5",
    ]);
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain('<a:t>每月新收与办结</a:t>');
    expect(chart).toContain('<c:pt idx="2"><c:v>3</c:v></c:pt>');
    const ct = text(out, '[Content_Types].xml');
    expect(ct).toContain(`<Override PartName="/xl/charts/${chartPath}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    expect(ct).toContain('<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    // every original part is still there, and only the package lists changed besides new parts
    const changed = changedParts(input, out).filter((k) => k in parts(input));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml']);
    const x = await loadExcelJs(out);
    expect(x.worksheets.map((w) => w.name)).toEqual([RICH.sheet, '说明', '隐藏', '日志', '月度统计']);
    expect(x.getWorksheet('月度统计')!.getCell('D5').value).toBe(2);
    expect(x.getWorksheet('说明')!.getImages()).toHaveLength(1);
    const before = (await loadExcelJs(input)).getWorksheet(RICH.sheet)!;
    expect(x.getWorksheet(RICH.sheet)!.getCell('F5').dataValidation).toEqual(before.getCell('F5').dataValidation);
  });

  it('re-running over the saved file replaces the chart (one drawing, one chart) and rewriting the sheet keeps it', async () => {
    const first = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await first.writeSheet('月度统计', ROWS, { headerRows: 2 });
    await first.writeChart('月度统计', spec());
    const saved = first.save();
    // statistics again (sheet + chart): replaced
    const again = readWorkbook(saved, 'rich.xlsx');
    await again.writeSheet('月度统计', ROWS, { headerRows: 2 });
    await again.writeChart('月度统计', spec('第二次'));
    const out = again.save();
    const names = Object.keys(parts(out));
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(2); // ours + the image's
    const chartXml = names.filter((n) => /^xl\/charts\//.test(n)).map((n) => text(out, n)).join('');
    expect(chartXml).toContain('<a:t>第二次</a:t>');
    expect(text(out, 'xl/worksheets/sheet5.xml').match(/<drawing /g)).toHaveLength(1);
    expect(text(out, '[Content_Types].xml').match(/drawingml\.chart\+xml/g)).toHaveLength(1);
    // the sheet written again without a chart (e.g. by the CLI) keeps the chart it had
    const third = readWorkbook(out, 'rich.xlsx');
    await third.writeSheet('月度统计', ROWS, { headerRows: 2 });
    const out3 = third.save();
    expect(text(out3, 'xl/worksheets/sheet5.xml')).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(Object.keys(parts(out3)).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    expect((await loadExcelJs(out3)).getWorksheet('月度统计')!.getCell('B3').value).toBe(1);
  });

  it('refuses a chart on a sheet with a drawing of its own, and a spec that is not one column', async () => {
    const wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await expect(wb.writeChart('说明', spec())).rejects.toMatchObject({ code: 'not-product-sheet' });
    await wb.writeSheet('月度统计', ROWS);
    await expect(wb.writeChart('月度统计', { ...spec(), categories: { r1: 3, c1: 1, r2: 5, c2: 2 } })).rejects.toThrow(/one column/);
    await expect(wb.writeChart('月度统计', { ...spec(), name: 'Chart 1' })).rejects.toThrow(/xxgk-/);
    expect(chartRef("It's", { r1: 1, c1: 1, r2: 2, c2: 1 })).toBe("'It''s'!$A$1:$A$2");
  });
});

/** Package integrity: every override names a part, every internal target exists, every part is reachable from the root. */
function packageProblems(bytes: Uint8Array): string[] {
  const z = parts(bytes);
  const names = Object.keys(z).filter((n) => !n.endsWith('/'));
  const has = (p: string) => names.some((n) => n.toLowerCase() === p.toLowerCase());
  const problems: string[] = [];
  for (const m of text(bytes, '[Content_Types].xml').matchAll(/<Override PartName="\/([^"]+)"/g)) if (!has(m[1])) problems.push(`override without part: ${m[1]}`);
  const relsOf = (part: string) => {
    const i = part.lastIndexOf('/');
    const rels = `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
    if (!has(rels)) return [];
    const base = part.split('/').slice(0, -1);
    return [...text(bytes, rels).matchAll(/<Relationship\b([^>]*)\/>/g)]
      .filter((m) => !/TargetMode="External"/.test(m[1]))
      .map((m) => {
        const target = /Target="([^"]+)"/.exec(m[1])![1];
        const segs = target.startsWith('/') ? [] : [...base];
        for (const seg of target.replace(/^\//, '').split('/')) {
          if (seg === '..') segs.pop();
          else if (seg !== '.') segs.push(seg);
        }
        return segs.join('/');
      });
  };
  const seen = new Set<string>();
  const todo = [''];
  while (todo.length) {
    const p = todo.pop()!;
    for (const t of relsOf(p)) {
      if (!has(t)) problems.push(`missing target ${t} (from ${p || 'the package'})`);
      else if (!seen.has(t)) {
        seen.add(t);
        todo.push(t);
      }
    }
  }
  for (const n of names) if (n !== '[Content_Types].xml' && !n.endsWith('.rels') && !seen.has(n)) problems.push(`unreachable part: ${n}`);
  return problems;
}

describe('file adapter: replacing our chart after Excel saved the file', () => {
  it('removes the chart style and colour parts Excel added to it (and their overrides), keeping a part another drawing shares', async () => {
    const first = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await first.writeSheet('月度统计', ROWS, { headerRows: 2 });
    await first.writeChart('月度统计', spec());
    const saved = first.save();
    expect(packageProblems(saved)).toEqual([]);
    // What Excel adds to a chart part when it saves: chartStyle + chartColorStyle parts (and here
    // a rel to the image the 说明 sheet's drawing uses as well).
    const z = parts(saved);
    const chartName = Object.keys(z).find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))!;
    const enc = new TextEncoder();
    z['xl/charts/style1.xml'] = enc.encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>');
    z['xl/charts/colors1.xml'] = enc.encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>');
    z[`xl/charts/_rels/${chartName.slice('xl/charts/'.length)}.rels`] = enc.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/>' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
    );
    z['[Content_Types].xml'] = enc.encode(
      text(saved, '[Content_Types].xml').replace(
        '</Types>',
        '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors1.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>',
      ),
    );
    const resaved = zipSync(z);
    expect(packageProblems(resaved)).toEqual([]);

    const again = readWorkbook(resaved, 'rich.xlsx');
    await again.writeSheet('月度统计', ROWS, { headerRows: 2 });
    await again.writeChart('月度统计', spec('第二次'));
    const out = again.save();
    expect(packageProblems(out)).toEqual([]);
    const names = Object.keys(parts(out));
    expect(names.filter((n) => /^xl\/charts\/(style|colors)\d+\.xml$/.test(n))).toEqual([]);
    expect(names.filter((n) => /^xl\/charts\/_rels\//.test(n))).toEqual([]);
    expect(text(out, '[Content_Types].xml')).not.toMatch(/chartstyle|chartcolorstyle/);
    expect(names).toContain('xl/media/image1.png'); // still the 说明 sheet's image
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    expect((await loadExcelJs(out)).getWorksheet('说明')!.getImages()).toHaveLength(1);
  });
});

describe('file adapter: readRows and activeCell', () => {
  it('gives the rows asked for with their edits, and the last selected cell', async () => {
    const wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    const g = await wb.readSheet(RICH.sheet);
    await wb.applyEdits(RICH.sheet, [{ row: 5, col: 3, cell: 'C5', expect: g.values[4][2], set: '改过' }]);
    const r = await wb.readRows(RICH.sheet, [{ r1: 5, r2: 5 }], 4);
    expect(r.rows).toEqual([{ row: 5, values: [...g.values[4].slice(0, 2), '改过', g.values[4][3]] }]);
    expect(await wb.activeCell()).toBeNull();
    await wb.select(RICH.sheet, { r1: 7, c1: 2, r2: 9, c2: 3 });
    expect(await wb.activeCell()).toEqual({ sheet: RICH.sheet, row: 7, col: 2 });
  });
});
