/**
 * The event log and the statistics sheets through the file adapter: created very hidden, appended,
 * saved, read back and verified; every other part of the workbook byte for byte as it was.
 */
import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { SheetWriteError } from '../../addin/port/file/file-workbook.ts';
import { LOG_HEADER, LOG_SHEET, appendEvents, verifyLog } from '../../forms-lib/stats/index.ts';
import type { LogEventInput } from '../../forms-lib/stats/index.ts';
import { makeRichWorkbook, RICH } from '../fixtures/make-rich.ts';
import { loadExcelJs, makeXlsx, rawEntries, SHEET_NS } from '../port/helpers.ts';

const dec = new TextDecoder();
const text = (bytes: Uint8Array, part: string): string => dec.decode(unzipSync(bytes)[part]);

const EVENTS: LogEventInput[] = Array.from({ length: 5 }, (_, i) => ({
  type: i % 2 === 0 ? 'form-generated' : 'state-changed',
  time: `2025-06-0${i + 1}T09:00:00+08:00`,
  applicationId: `2025-00${i + 1}`,
  form: i % 2 === 0 ? '答复书' : '',
  docNo: i % 2 === 0 ? `某政信答〔2025〕${i + 1}号` : '',
  operator: '王五',
  detail: i === 1 ? '  前后空格 & <符号> "引号"  ' : '',
}));

describe('log sheet through the file adapter', () => {
  let input: Uint8Array;
  let saved: Uint8Array;
  let rows: string[][];

  beforeAll(async () => {
    input = await makeRichWorkbook();
    const wb = readWorkbook(input, 'rich.xlsx');
    expect(await wb.ensureLogSheet(LOG_SHEET, LOG_HEADER)).toEqual({ created: true, visibility: 'veryHidden' });
    rows = appendEvents([], EVENTS);
    await wb.appendLog(LOG_SHEET, rows.slice(0, 2));
    await wb.appendLog(LOG_SHEET, rows.slice(2));
    saved = wb.save();
  });

  it('writes the sheet very hidden in workbook.xml, at the end of the sheet list', () => {
    const wbXml = text(saved, 'xl/workbook.xml');
    const sheets = [...wbXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
    expect(sheets).toHaveLength(5);
    expect(sheets[4]).toMatch(/^<sheet name="_xxgk_log" sheetId="5" state="veryHidden" r:id="rId\d+"\/>$/);
    const ct = text(saved, '[Content_Types].xml');
    expect(ct).toContain('<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
  });

  it('reads back the same rows, and the chain verifies', async () => {
    const back = readWorkbook(saved, 'rich.xlsx');
    expect(back.sheets.at(-1)).toEqual({ name: LOG_SHEET, state: 'veryHidden' });
    const log = await back.readLog(LOG_SHEET);
    expect(log?.visibility).toBe('veryHidden');
    expect(log?.header).toEqual([...LOG_HEADER]);
    expect(log?.rows).toEqual(rows);
    expect(verifyLog(log!)).toEqual({ ok: true, rowCount: 5, head: rows[4][11], warnings: [] });
    expect(await back.readLog('没有这个表')).toBeNull();
  });

  it('leaves every other part byte for byte, and ExcelJS still reads styles, names and validation', async () => {
    const a = rawEntries(input);
    const b = rawEntries(saved);
    const changed = [...b.keys()].filter((k) => !a.has(k) || !Buffer.from(a.get(k)!).equals(Buffer.from(b.get(k)!)));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet5.xml'].sort());
    expect([...a.keys()].every((k) => b.has(k))).toBe(true);
    const before = await loadExcelJs(input);
    const after = await loadExcelJs(saved);
    const ws0 = before.getWorksheet(RICH.sheet)!;
    const ws1 = after.getWorksheet(RICH.sheet)!;
    for (const addr of ['A1', 'C3', 'D4', 'E4', 'B9', 'F4']) {
      expect(ws1.getCell(addr).value, addr).toEqual(ws0.getCell(addr).value);
      expect(ws1.getCell(addr).style, addr).toEqual(ws0.getCell(addr).style);
    }
    expect(ws1.getCell('F5').dataValidation).toEqual(ws0.getCell('F5').dataValidation);
    expect(after.definedNames.model).toEqual(before.definedNames.model);
    expect(after.getWorksheet('日志')!.state).toBe('veryHidden');
    const log = after.getWorksheet(LOG_SHEET)!;
    expect(log.state).toBe('veryHidden');
    expect(log.getCell('B1').value).toBe('事件编号');
    expect(log.getCell('J3').value).toBe('  前后空格 & <符号> "引号"  ');
    expect(log.getCell('A2').value).toBe('1');
    expect(log.rowCount).toBe(6);
  });

  it('appends to an existing log after re-reading, and a second save keeps the chain', async () => {
    const wb = readWorkbook(saved, 'rich.xlsx');
    expect(await wb.ensureLogSheet(LOG_SHEET, LOG_HEADER)).toEqual({ created: false, visibility: 'veryHidden' });
    const log = await wb.readLog(LOG_SHEET);
    const more = appendEvents(log!.rows, [{ type: 'closed', time: '2025-06-10T09:00:00+08:00', applicationId: '2025-001', outcome: '予以公开' }]);
    await wb.appendLog(LOG_SHEET, more);
    expect((await wb.readLog(LOG_SHEET))!.rows).toHaveLength(6);
    const again = wb.save();
    const back = await readWorkbook(again, 'rich.xlsx').readLog(LOG_SHEET);
    expect(back!.rows).toEqual([...rows, ...more]);
    expect(verifyLog(back!)).toMatchObject({ ok: true, rowCount: 6 });
    // only the log's part changed this time
    const a = rawEntries(saved);
    const b = rawEntries(again);
    expect([...b.keys()].filter((k) => !Buffer.from(a.get(k)!).equals(Buffer.from(b.get(k)!)))).toEqual(['xl/worksheets/sheet5.xml']);
  });

  it('detects an edited cell and a deleted row in the saved file, at the right sheet row', async () => {
    // tamper as another program would: open the file with ExcelJS, change the sheet, save
    const tamper = async (change: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> => {
      const wb = await loadExcelJs(saved);
      change(wb.getWorksheet(LOG_SHEET)!);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const edited = await tamper((ws) => {
      ws.getCell('C4').value = '2025-06-03T10:00:00+08:00';
    });
    const v = verifyLog((await readWorkbook(edited, 'x.xlsx').readLog(LOG_SHEET))!);
    expect([v.ok, v.firstBrokenRow, v.code]).toEqual([false, 4, 'edited']);

    const deleted = await tamper((ws) => ws.spliceRows(3, 1));
    const log = (await readWorkbook(deleted, 'x.xlsx').readLog(LOG_SHEET))!;
    expect(log.visibility).toBe('veryHidden');
    expect(log.rows).toHaveLength(4);
    const v2 = verifyLog(log);
    expect([v2.ok, v2.firstBrokenRow, v2.code]).toEqual([false, 3, 'row-deleted']);
    expect(v2.reason?.zh).toBe('第 3 行：序号应为 2，实为 3：本行之前有 1 行被删除');

    const unhidden = await tamper((ws) => {
      ws.state = 'visible';
    });
    const v3 = verifyLog((await readWorkbook(unhidden, 'x.xlsx').readLog(LOG_SHEET))!);
    expect(v3.ok).toBe(true);
    expect(v3.warnings.map((w) => w.code)).toEqual(['log-visible']);
  });

  it('reports an existing sheet of that name and never replaces it', async () => {
    const wb = readWorkbook(input, 'rich.xlsx');
    expect(await wb.ensureLogSheet('说明', LOG_HEADER)).toEqual({ created: false, visibility: 'visible' });
    const log = await wb.readLog('说明');
    expect(verifyLog(log!)).toMatchObject({ ok: false, firstBrokenRow: 1, code: 'foreign-header' });
    expect(wb.dirty).toBe(false);
    await expect(wb.appendLog('不存在', [['x']])).rejects.toThrowError(SheetWriteError);
  });

  it('refuses formats it cannot write, and bad sheet names', async () => {
    const csv = readWorkbook(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv');
    await expect(csv.ensureLogSheet(LOG_SHEET, LOG_HEADER)).rejects.toMatchObject({ code: 'unsupported-write' });
    const wb = readWorkbook(input, 'rich.xlsx');
    await expect(wb.ensureLogSheet('a/b', LOG_HEADER)).rejects.toMatchObject({ code: 'bad-sheet-name' });
    await expect(wb.writeSheet('x'.repeat(32), [])).rejects.toMatchObject({ code: 'bad-sheet-name' });
  });
});

describe('writeSheet: product-owned visible sheets', () => {
  let input: Uint8Array;
  let saved: Uint8Array;
  const rows = [
    ['标题'],
    ['月份', '新收', '平均'],
    ['2025-01', 3, 12.5],
    ['2025-02', 0, null],
  ];

  beforeAll(async () => {
    input = await makeRichWorkbook();
    const wb = readWorkbook(input, 'rich.xlsx');
    await wb.writeSheet('月度统计', rows, { headerRows: 2, columnWidths: [10, 8, 20] });
    saved = wb.save();
  });

  it('adds a visible sheet with bold header rows, widths, a frozen pane and typed values', async () => {
    const after = await loadExcelJs(saved);
    const ws = after.getWorksheet('月度统计')!;
    expect(ws.state).toBe('visible');
    expect(ws.getCell('A1').value).toBe('标题');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('C2').font?.bold).toBe(true);
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
    expect(ws.getCell('B3').value).toBe(3);
    expect(ws.getCell('C3').value).toBe(12.5);
    expect(ws.getCell('C4').value).toBe(null);
    expect(ws.getColumn(1).width).toBe(10);
    expect(ws.getColumn(3).width).toBe(20);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // the user's own sheet keeps its styles (styles.xml only gained one font and one xf)
    const before = await loadExcelJs(input);
    for (const addr of ['A1', 'C3', 'E5', 'B9']) {
      expect(after.getWorksheet(RICH.sheet)!.getCell(addr).style, addr).toEqual(before.getWorksheet(RICH.sheet)!.getCell(addr).style);
    }
    const s0 = text(input, 'xl/styles.xml');
    const s1 = text(saved, 'xl/styles.xml');
    const count = (x: string, tag: string): number => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(x)?.[1]);
    expect(count(s1, 'fonts')).toBe(count(s0, 'fonts') + 1);
    expect(count(s1, 'cellXfs')).toBe(count(s0, 'cellXfs') + 1);
    const a = rawEntries(input);
    const b = rawEntries(saved);
    const changed = [...b.keys()].filter((k) => !a.has(k) || !Buffer.from(a.get(k)!).equals(Buffer.from(b.get(k)!)));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet5.xml'].sort());
  });

  it('replaces the sheet it wrote before, keeping the part and the sheet list', async () => {
    const wb = readWorkbook(saved, 'rich.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual([RICH.sheet, '说明', '隐藏', '日志', '月度统计']);
    await wb.writeSheet('月度统计', [['新标题'], ['月份'], ['2025-03']], { headerRows: 2 });
    expect((await wb.readSheet('月度统计')).values).toEqual([['新标题'], ['月份'], ['2025-03']]);
    const again = wb.save();
    expect(readWorkbook(again, 'x.xlsx').sheets.map((s) => s.name)).toEqual([RICH.sheet, '说明', '隐藏', '日志', '月度统计']);
    const after = await loadExcelJs(again);
    expect(after.getWorksheet('月度统计')!.getCell('A3').value).toBe('2025-03');
    expect(after.getWorksheet('月度统计')!.getCell('B3').value).toBe(null);
    expect(after.getWorksheet('月度统计')!.getCell('A2').font?.bold).toBe(true);
    const a = rawEntries(saved);
    const b = rawEntries(again);
    const changed = [...b.keys()].filter((k) => !Buffer.from(a.get(k)!).equals(Buffer.from(b.get(k)!)));
    expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/worksheets/sheet5.xml']);
  });

  it('refuses to overwrite a sheet with a drawing (not one it wrote)', async () => {
    const wb = readWorkbook(input, 'rich.xlsx');
    await expect(wb.writeSheet('说明', [['x']])).rejects.toMatchObject({ code: 'not-product-sheet' });
    await expect(wb.writeSheet('日志', [['x']])).rejects.toMatchObject({ code: 'not-product-sheet' });
    expect(wb.dirty).toBe(false);
  });

  it('works on a minimal workbook without styles and with an unusual sheet part path', async () => {
    const bytes = makeXlsx(`<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`);
    const wb = readWorkbook(bytes, 'min.xlsx');
    await wb.ensureLogSheet(LOG_SHEET, LOG_HEADER);
    await wb.appendLog(LOG_SHEET, appendEvents([], EVENTS.slice(0, 1)));
    await wb.writeSheet('年度报告表三', [['a', 1]], { headerRows: 1 });
    const out = wb.save();
    const back = readWorkbook(out, 'min.xlsx');
    expect(back.sheets).toEqual([
      { name: 'Sheet1', state: 'visible' },
      { name: LOG_SHEET, state: 'veryHidden' },
      { name: '年度报告表三', state: 'visible' },
    ]);
    expect(verifyLog((await back.readLog(LOG_SHEET))!)).toMatchObject({ ok: true, rowCount: 1 });
    expect((await back.readSheet('年度报告表三')).values).toEqual([['a', 1]]);
    expect(text(out, 'xl/workbook.xml')).toContain('<sheet name="_xxgk_log" sheetId="8" state="veryHidden" r:id="rId2"/>');
    const after = await loadExcelJs(out);
    expect(after.getWorksheet('年度报告表三')!.getCell('B1').value).toBe(1);
  });
});
