import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gridFromRows } from '../catalogue/grid.ts';
import type { Grid } from '../catalogue/grid.ts';
import { readWorkbook } from '../port/file/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { defineRules } from '../../forms-lib/calendar/index.ts';
import { REGISTER_COLUMNS } from '../../forms-lib/register/index.ts';
import { loadRegister } from './register.ts';

const SAMPLE = new URL('../../test/fixtures/samples/register-sample.xlsx', import.meta.url);

/** A port that only answers readSheet: loadRegister must need nothing else. */
function gridPort(grid: Grid, asked: (string | undefined)[] = []): WorkbookPort {
  const no = () => {
    throw new Error('loadRegister must only read');
  };
  return {
    capabilities: { host: 'file', mergeUndoGroup: false, notes: false, dataValidation: false },
    listSheets: no, applyEdits: no, highlight: no, clearHighlights: no, select: no, ensureLogSheet: no, appendLog: no, readLog: no, writeSheet: no, readState: no, writeState: no, clearFixMarks: no,
    readRows: no, activeCell: no, addValidation: no, writeChart: no,
    readSheet: async (name?: string) => {
      asked.push(name);
      return grid;
    },
  };
}

describe('loadRegister', () => {
  it('reads the sample workbook through the file adapter, with statuses on the given day', async () => {
    const port = readWorkbook(new Uint8Array(readFileSync(SAMPLE)), 'register-sample.xlsx');
    const r = await loadRegister(port, '申请登记', { today: '2026-11-20' });
    expect(r.sheet).toBe('申请登记');
    expect(r.issues).toEqual([]);
    expect(r.records).toHaveLength(13);
    expect(r.statuses.map((s) => s.id)).toEqual(r.records.map((a) => a.id));
    expect(r.stats).toEqual({
      records: 13, errors: 0, warnings: 0,
      byState: { closed: 7, open: 1, 'awaiting-correction': 1, consulting: 1, extended: 1, overdue: 1, 'due-soon': 1 },
    });
  });

  it('asks the port for 申请登记 by default, and derives no statuses without today', async () => {
    const asked: (string | undefined)[] = [];
    const grid = gridFromRows('申请登记', [
      [...REGISTER_COLUMNS],
      ['T-1', '2026-09-28', '当面', '自然人', '李华', null, null, null, null, null, null, '文件'],
    ]);
    const r = await loadRegister(gridPort(grid, asked));
    expect(asked).toEqual(['申请登记']);
    expect(r.records.map((a) => a.id)).toEqual(['T-1']);
    expect(r.statuses).toEqual([]);
  });

  it('passes the office rules to the reader and to the deadlines', async () => {
    const grid = gridFromRows('申请登记', [
      [...REGISTER_COLUMNS],
      ['T-1', '2026-09-28', '当面', '自然人', '李华', null, null, null, null, null, null, '文件', null, null, null, null, null, '是'],
      ['T-2', '2026-09-28', '当面', '自然人', '李华', null, null, null, null, null, null, '文件', null, null, null, null, null, '20'],
    ]);
    const r = await loadRegister(gridPort(grid), '申请登记', { today: '2026-10-09', rules: defineRules({ replyDays: 15, maxExtensionDays: 15 }) });
    expect(r.records.map((a) => a.extensionDays)).toEqual([15]);
    expect(r.statuses.map((s) => [s.replyDueWithoutExtension, s.replyDue, s.state])).toEqual([['2026-10-23', '2026-11-13', 'extended']]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['extension-too-long', 'R3']]);
    expect(r.rejectedRows).toEqual([3]);
    expect(r.stats.errors).toBe(1);
  });
});
