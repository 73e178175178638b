/**
 * The file adapter's fix marks (in memory, drawn by a host, never written into the file) are
 * kept apart from finding highlights, and a fix's log rows are appended with its edits.
 */
import { describe, expect, it } from 'vitest';
import type { CellEdit, Finding } from '../../addin/catalogue/types.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { makeXlsx, SHEET_NS } from './helpers.ts';

const edit = (cell: string, row: number, col: number, expect: CellEdit['expect'], set: CellEdit['set']): CellEdit => ({ cell, row, col, expect, set });
const finding = (cell: string, row: number, col: number): Finding => ({ ruleId: 'r', severity: 'error', sheet: 'Sheet1', row, col, cell, field: null, value: null, messageId: 'm', data: {} });
const book = () =>
  readWorkbook(
    makeXlsx(`<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row></sheetData></worksheet>`),
    'x.xlsx',
  );

describe('file adapter fix marks', () => {
  it('survive clearHighlights, move with the next fix, go with clearFixMarks or an undo', async () => {
    const wb = book();
    await wb.highlight('Sheet1', [finding('A1', 1, 1), finding('C1', 1, 3)]);
    await wb.applyEdits('Sheet1', [edit('A1', 1, 1, 'a', 'A'), edit('B1', 1, 2, 'b', 'B')]);
    await wb.clearHighlights('Sheet1');
    expect(wb.highlights('Sheet1')).toEqual([]);
    expect(wb.fixMarks('Sheet1').sort()).toEqual(['A1', 'B1']);
    await wb.applyEdits('Sheet1', [edit('C1', 1, 3, 'c', 'C')]);
    expect(wb.fixMarks('Sheet1')).toEqual(['C1']);
    await wb.applyEdits('Sheet1', [edit('C1', 1, 3, 'C', 'c')], { highlight: false });
    expect(wb.fixMarks('Sheet1')).toEqual([]);
    await wb.applyEdits('Sheet1', [edit('A1', 1, 1, 'A', 'a')]);
    await wb.clearFixMarks('Sheet1');
    expect(wb.fixMarks('Sheet1')).toEqual([]);
  });

  it('appends the log rows with the edits, built from what was applied', async () => {
    const wb = book();
    await wb.ensureLogSheet('_log', ['h1', 'h2']);
    await wb.applyEdits('Sheet1', [edit('A1', 1, 1, 'a', 'A'), edit('B1', 1, 2, 'stale', 'B')], { log: { name: '_log', rows: (r) => [[`applied ${r.applied.length}`, `skipped ${r.skipped.length}`]] } });
    expect((await wb.readLog('_log'))!.rows).toEqual([['applied 1', 'skipped 1']]);
    await expect(wb.applyEdits('Sheet1', [edit('A1', 1, 1, 'A', 'a')], { log: { name: '没有', rows: [['x']] } })).rejects.toMatchObject({ code: 'no-such-log' });
    expect((await wb.readSheet('Sheet1')).values[0][0]).toBe('A'); // refused before anything was applied
    const back = readWorkbook(wb.save(), 'x.xlsx');
    expect((await back.readLog('_log'))!.rows).toEqual([['applied 1', 'skipped 1']]);
  });
});
