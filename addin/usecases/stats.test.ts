import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../port/file/index.ts';
import { GENESIS_HASH, LOG_SHEET, TABLE3_ROW_LABELS } from '../../forms-lib/stats/index.ts';
import type { Application } from '../../forms-lib/register/types.ts';
import { makeRichWorkbook } from '../../test/fixtures/make-rich.ts';
import { generateRegister } from '../../test/stats/gen.ts';
import { LogIntegrityError, logEvents, verifyPortLog, writeStats } from './stats.ts';

const at = (d: string): string => `${d}T09:00:00+08:00`;

describe('logEvents / verifyPortLog', () => {
  it('creates the log once, appends, and verifies after a save', async () => {
    const wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    expect(await verifyPortLog(wb)).toEqual({ exists: false, ok: true, rowCount: 0, head: GENESIS_HASH, warnings: [] });
    const first = await logEvents(wb, [{ type: 'registered', time: at('2025-01-02'), applicationId: 'A' }]);
    expect(first.created).toBe(true);
    expect(first.rows).toHaveLength(1);
    const second = await logEvents(wb, [
      { type: 'form-generated', time: at('2025-01-03'), applicationId: 'A', form: '答复书', docNo: '某〔2025〕1号' },
      { type: 'closed', time: at('2025-01-03'), applicationId: 'A', outcome: '予以公开' },
    ]);
    expect(second.created).toBe(false);
    expect(second.rows.map((r) => r[0])).toEqual(['2', '3']);
    const saved = readWorkbook(wb.save(), 'rich.xlsx');
    const v = await verifyPortLog(saved, { expectedHead: second.head });
    expect(v).toEqual({ exists: true, ok: true, rowCount: 3, head: second.head, warnings: [] });
    expect((await verifyPortLog(saved, { expectedHead: 'f'.repeat(64) })).code).toBe('truncated');
  });

  it('refuses to extend a damaged or foreign log and leaves it untouched', async () => {
    const wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await logEvents(wb, [
      { type: 'registered', time: at('2025-01-02'), applicationId: 'A' },
      { type: 'registered', time: at('2025-01-03'), applicationId: 'B' },
    ]);
    await wb.applyEdits(LOG_SHEET, [{ cell: 'E3', row: 3, col: 5, expect: 'B', set: 'C' }]);
    const err = await logEvents(wb, [{ type: 'registered', time: at('2025-01-04') }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LogIntegrityError);
    expect((err as LogIntegrityError).verification).toMatchObject({ ok: false, firstBrokenRow: 3, code: 'edited' });
    expect((err as LogIntegrityError).zh).toBe('事件日志「_xxgk_log」已损坏，未追加新记录：第 3 行：本行内容与其哈希不符：有单元格被修改');
    expect((await wb.readLog(LOG_SHEET))!.rows).toHaveLength(2);
    // a user's sheet that happens to carry the log's name is foreign: reported, not replaced
    const other = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await expect(logEvents(other, [{ type: 'registered' }], { sheet: '说明' })).rejects.toMatchObject({ verification: { code: 'foreign-header', firstBrokenRow: 1 } });
  });
});

describe('writeStats', () => {
  it('writes 「月度统计」 and 「年度报告表三」, counts forms from the log and returns the JSON contract', async () => {
    const apps: Application[] = generateRegister({ count: 220, seed: 5, from: '2024-01-01', to: '2025-12-31' });
    const wb = readWorkbook(await makeRichWorkbook(), 'rich.xlsx');
    await logEvents(wb, [
      { type: 'form-generated', time: at('2025-03-05'), form: '答复书' },
      { type: 'form-generated', time: at('2025-03-06'), form: '补正告知书' },
      { type: 'form-generated', time: at('2025-07-01'), form: '答复书' },
    ]);
    const r = await writeStats(wb, { applications: apps, year: 2025, catalogue: { '2025-12': { proactive: 80 } } });
    expect(r.sheets).toEqual(['月度统计', '年度报告表三']);
    expect(r.log).toMatchObject({ ok: true, rowCount: 3 });
    expect(Object.keys(r.json)).toEqual(['monthly', 'table3', 'checks']);
    expect(r.json.monthly.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    expect(r.json.monthly[2].formsIssued).toEqual({ 答复书: 1, 补正告知书: 1 });
    expect(r.json.monthly[6].formsIssued).toEqual({ 答复书: 1, 补正告知书: 0 });
    expect(r.json.monthly[11].catalogue).toEqual({ proactive: 80 });
    expect(r.json.table3.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(r.json.table3.rows.map((x) => x.label)).toEqual([...TABLE3_ROW_LABELS]);
    expect(r.json.checks.every((c) => c.ok)).toBe(true);
    // received in 2025 per month sums to row 一's total
    expect(r.json.monthly.reduce((s, m) => s + m.received, 0)).toBe(r.json.table3.rows[0].values[6]);
    expect(r.json.monthly.reduce((s, m) => s + m.closed, 0)).toBe(r.json.table3.rows[23].values[6]);
    expect(r.json.monthly[11].openAtMonthEnd).toBe(r.json.table3.rows[24].values[6]);

    const back = readWorkbook(wb.save(), 'rich.xlsx');
    expect(back.sheets.map((s) => [s.name, s.state])).toEqual([
      ['目录', 'visible'],
      ['说明', 'visible'],
      ['隐藏', 'hidden'],
      ['日志', 'veryHidden'],
      [LOG_SHEET, 'veryHidden'],
      // the log's head, remembered to catch its last rows being deleted
      ['_xxgk_state', 'veryHidden'],
      ['月度统计', 'visible'],
      ['年度报告表三', 'visible'],
    ]);
    const t3 = await back.readSheet('年度报告表三');
    expect(t3.values[4]).toEqual(['一、本年新收政府信息公开申请数量', ...r.json.table3.rows[0].values]);
    const monthly = await back.readSheet('月度统计');
    expect(monthly.values[0]).toEqual(['政府信息公开申请月度统计（2025年）']);
    expect(monthly.values[2][0]).toBe('2025-01');
    expect(monthly.values[2][1]).toBe(r.json.monthly[0].received);

    // regenerating on demand replaces the sheets in place
    const again = await writeStats(back, { applications: apps, year: 2025, month: '2025-03' });
    expect(again.json.monthly).toHaveLength(1);
    const twice = readWorkbook(back.save(), 'rich.xlsx');
    expect(twice.sheets).toHaveLength(8);
    expect((await twice.readSheet('月度统计')).values[2][0]).toBe('2025-03');
  });
});
