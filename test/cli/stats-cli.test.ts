/**
 * `xxgk stats` (text and JSON, 表四, catalogue counts, the running month, a damaged log) and
 * `xxgk log sync` on the bundled sample register.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { catalogueCounts } from '../../addin/usecases/stats.ts';
import { catalogueGrid, validItem } from '../../addin/catalogue/testing.ts';

const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
const CATALOGUE = path.join(ROOT, 'test/fixtures/samples/shangdang-district-catalogue.xlsx');
let tmp: string;


beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-stats-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('xxgk stats', () => {
  it('text: the months up to today (the running one as of today), 表三, 表四 from the register’s 行政复议 column, the checks and the log state', async () => {
    const r = await run(['stats', REGISTER, '--year', '2026', '--today', '2026-11-20']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${REGISTER} · 2026 年`);
    expect(lines).toContain('月度统计 / monthly');
    const months = lines.filter((l) => /^ {2}2026-\d\d /.test(l));
    expect(months.map((l) => l.slice(2, 9))).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(months[10]).toMatch(/（截至 2026-11-20）$/);
    expect(lines).toContain('2026年度 表三 收到和处理政府信息公开申请情况');
    expect(lines.find((l) => l.includes('一、本年新收'))!.replace(/\s+/g, ' ').trim()).toBe('一、本年新收政府信息公开申请数量 7 2 1 1 1 1 13');
    expect(lines).toContain('2026年度 表四 行政复议、行政诉讼情况');
    expect(lines.filter((l) => l.startsWith('  ✓ ')).length).toBeGreaterThanOrEqual(5);
    expect(lines.some((l) => l.startsWith('  ✗'))).toBe(false);
    expect(r.out).toContain('事件日志：尚无（未生成过文书）');
  });

  it('json: log state, catalogue counts from --catalogue in today’s month, 表四 CSV', async () => {
    const r = await run(['stats', REGISTER, '--year', '2026', '--today', '2026-11-20', '--format', 'json', '--catalogue', CATALOGUE, '--csv', path.join(tmp, 'csv')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.log).toBeNull();
    expect(j.catalogue).toEqual({ sheet: '主动公开事项目录', counts: { proactive: 80 } });
    expect(j.monthly).toHaveLength(11);
    expect(j.monthly[10]).toMatchObject({ month: '2026-11', asOf: '2026-11-20', catalogue: { proactive: 80 } });
    expect(j.monthly[9].catalogue).toBeUndefined();
    expect(j.table4.rows.map((x: { label: string }) => x.label)).toEqual(['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉']);
    expect(fs.readFileSync(path.join(tmp, 'csv', '表四-2026.csv'), 'utf8').split('\r\n')[0]).toBe('\uFEFF类别,结果维持,结果纠正,其他结果,尚未审结,总计');
  });

  it('exits 1 and says so in JSON when the log does not verify', async () => {
    const reg = path.join(tmp, 'broken.xlsx');
    fs.copyFileSync(REGISTER, reg);
    expect((await run(['log', 'sync', reg])).code).toBe(0);
    const wb = readWorkbook(fs.readFileSync(reg), 'broken.xlsx');
    const res = await wb.applyEdits('_xxgk_log', [{ row: 3, col: 5, cell: 'E3', expect: 'CXSW-2026-001', set: 'CXSW-2026-099' }]);
    expect(res.applied).toHaveLength(1);
    fs.writeFileSync(reg, wb.save());
    const r = await run(['stats', reg, '--year', '2026', '--today', '2026-11-20', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).log).toMatchObject({ ok: false, firstBrokenRow: 3, code: 'edited' });
    expect(r.err).toContain('事件日志校验未通过（第 3 行）');
  });

  it('counts a catalogue sheet of the same workbook whose name says 目录', () => {
    const grid = catalogueGrid([validItem(1), validItem(2, { modeActive: null, modeOnRequest: '√' }), validItem(3, { modeOnRequest: '√' }), null, validItem(4, { modeActive: null })]);
    // 4 items; item 2 is 依申请公开 only, 3 is both, 4 has lost its mark (still an item)
    expect(catalogueCounts(grid)).toEqual({ proactive: 3, onRequest: 2 });
  });
});

describe('xxgk log verify', () => {
  it('catches the last rows of the log being deleted, from the head the workbook remembers', async () => {
    const reg = path.join(tmp, 'truncated.xlsx');
    fs.copyFileSync(REGISTER, reg);
    expect((await run(['log', 'sync', reg])).code).toBe(0);
    const wb = readWorkbook(fs.readFileSync(reg), 'truncated.xlsx');
    const rows = (await wb.readLog('_xxgk_log'))!.rows;
    expect(rows).toHaveLength(20);
    expect((await wb.readState())['log.head:_xxgk_log']).toBe(`20 ${rows[19][11]}`);
    // the last row emptied: what deleting it leaves
    const last = rows[19];
    const res = await wb.applyEdits('_xxgk_log', last.map((v, k) => ({ row: 21, col: k + 1, cell: '', expect: v, set: null })));
    expect(res.applied).toHaveLength(12);
    fs.writeFileSync(reg, wb.save());
    const v = await run(['log', 'verify', reg, '--format', 'json']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.out)).toMatchObject({ ok: false, code: 'truncated', rowCount: 19, firstBrokenRow: 21 });
    // and nothing more is appended to it
    const sync = await run(['log', 'sync', reg]);
    expect(sync.code).toBe(2);
    expect(sync.err).toContain('末尾的行被删除');
  });
});

describe('xxgk log verify without a remembered head', () => {
  it('says that deleted last rows cannot be ruled out, and prints the head to compare', async () => {
    const reg = path.join(tmp, 'headless.xlsx');
    fs.copyFileSync(REGISTER, reg);
    expect((await run(['log', 'sync', reg])).code).toBe(0);
    const wb = readWorkbook(fs.readFileSync(reg), 'headless.xlsx');
    const head = (await wb.readLog('_xxgk_log'))!.rows[19]![11]!;
    await wb.writeState({ 'log.head:_xxgk_log': null });
    fs.writeFileSync(reg, wb.save());
    const v = await run(['log', 'verify', reg]);
    expect(v.code).toBe(0);
    expect(v.out).toContain(`末行哈希 ${head.slice(0, 16)}`);
    expect(v.err).toContain('工作簿中没有登记日志末行');
    const j = JSON.parse((await run(['stats', reg, '--year', '2026', '--today', '2026-11-20', '--format', 'json'])).out);
    expect(j.log).toMatchObject({ ok: true, rowCount: 20, head, warnings: ['log-head-missing'] });
  });
});

describe('catalogue counts remembered per month', () => {
  it('keeps each month the count it had when the statistics ran in it', async () => {
    const copy = path.join(tmp, 'with-counts.xlsx');
    const r1 = await run(['stats', REGISTER, '--year', '2026', '--today', '2026-10-15', '--catalogue', CATALOGUE, '--out', copy, '--format', 'json']);
    expect(JSON.parse(r1.out).monthly[9].catalogue).toEqual({ proactive: 80 });
    const other = path.join(ROOT, 'test/fixtures/samples/changzhi-commerce-catalogue.xlsx');
    const r2 = await run(['stats', copy, '--year', '2026', '--today', '2026-11-20', '--catalogue', other, '--format', 'json']);
    const j = JSON.parse(r2.out);
    expect(j.monthly[9].catalogue).toEqual({ proactive: 80 });
    expect(j.monthly[10].catalogue).toEqual({ proactive: 15 });
    expect(j.monthly[8].catalogue).toBeUndefined();
  });
});

describe('xxgk log sync', () => {
  it('logs the register once, then only what changed, losslessly and in place', async () => {
    const reg = path.join(tmp, 'sync.xlsx');
    fs.copyFileSync(REGISTER, reg);
    const first = await run(['log', 'sync', reg, '--operator', '张三']);
    expect(first.code).toBe(0);
    expect(first.out).toBe(`${reg}：已记入事件日志 20 条（登记 13，办结 7）。 / 20 events logged.`);
    const again = await run(['log', 'sync', reg]);
    expect(again.out).toBe(`${reg}：登记表与事件日志一致，无需记录。 / the log is up to date with the register.`);

    // 延期 granted for CXSW-2026-009 (sheet row 11, column S)
    const wb = readWorkbook(fs.readFileSync(reg), 'sync.xlsx');
    expect((await wb.applyEdits('申请登记', [{ row: 11, col: 19, cell: 'S11', expect: null, set: '是' }])).applied).toHaveLength(1);
    fs.writeFileSync(reg, wb.save());
    const third = await run(['log', 'sync', reg, '--format', 'json']);
    expect(JSON.parse(third.out)).toMatchObject({ appended: 1, byType: { 'state-changed': 1 } });
    const after = readWorkbook(fs.readFileSync(reg), 'sync.xlsx');
    expect(after.sheets.map((s) => s.name)).toEqual(['申请登记', '填写说明', '_xxgk_log', '_xxgk_state']);
    const rows = (await after.readLog('_xxgk_log'))!.rows;
    expect(rows).toHaveLength(21);
    expect(rows[20].slice(3, 5)).toEqual(['state-changed', 'CXSW-2026-009']);
    // recorded as written: 「是」 means the office's maximum, whichever settings a run uses
    expect(rows[20][9]).toBe('延期：是');
    expect((await run(['log', 'sync', reg, '--settings', path.join(ROOT, 'test/fixtures/samples/office-settings.json')])).out).toContain('无需记录');
    expect(rows[0][8]).toBe('张三');
    expect((await run(['log', 'verify', reg])).code).toBe(0);
  });
});

describe('xxgk form --log saves the register in place losslessly', () => {
  it('changes only the workbook index parts and adds the log and state sheets; every other part byte for byte', async () => {
    const reg = path.join(tmp, 'lossless.xlsx');
    fs.copyFileSync(REGISTER, reg);
    const before = unzipSync(fs.readFileSync(reg));
    const r = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-009', '--out', path.join(tmp, 'l.pdf'), '--today', '2026-11-20', '--log']);
    expect(r.code).toBe(0);
    const after = unzipSync(fs.readFileSync(reg));
    const same = (a: Uint8Array, b: Uint8Array | undefined) => b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
    const changed = Object.keys(before).filter((k) => !same(before[k], after[k])).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
    const added = Object.keys(after).filter((k) => !(k in before)).sort();
    expect(added).toEqual(['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('lossless.xlsx.') && f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('xxgk stats on a register it cannot read', () => {
  it('a renamed required column: exit 2 naming the column and the header row; no table, no ✓, nothing written', async () => {
    const wb = readWorkbook(fs.readFileSync(REGISTER), 'register-sample.xlsx');
    const grid = await wb.readSheet('申请登记');
    const col = grid.values[1]!.indexOf('收到日期') + 1;
    expect((await wb.applyEdits('申请登记', [{ row: 2, col, cell: '', expect: '收到日期', set: '收件日期' }])).applied).toHaveLength(1);
    const reg = path.join(tmp, 'reg-nohdr.xlsx');
    fs.writeFileSync(reg, wb.save());
    const copy = path.join(tmp, 'nohdr-copy.xlsx');
    const csv = path.join(tmp, 'nohdr-csv');
    for (const format of ['text', 'json']) {
      const r = await run(['stats', reg, '--year', '2026', '--today', '2026-11-20', '--format', format, '--out', copy, '--csv', csv]);
      expect(r.code).toBe(2);
      // text: nothing on stdout; json: only the error object
      if (format === 'text') expect(r.out).toBe('');
      else expect(JSON.parse(r.out)).toEqual({ error: { code: 'register-unreadable', zh: expect.stringContaining('缺少必需的列「收到日期」'), en: expect.stringContaining('required column "收到日期" is missing') } });
      expect(r.err.split('\n')).toEqual([
        '错误：无法读取登记表「申请登记」：缺少必需的列「收到日期」：表头在第 2 行（A2:Y2），其中没有「收到日期」；表头中的「收件日期」（C2）如是这一列，请改名为「收到日期」。请更正表头后重试',
        'Error: cannot read the register sheet "申请登记": required column "收到日期" is missing: the header is row 2 (A2:Y2) and has no "收到日期"; if "收件日期" (C2) is that column, rename it "收到日期". Correct the header and try again',
      ]);
      expect(fs.existsSync(copy)).toBe(false);
      expect(fs.existsSync(csv)).toBe(false);
    }
    const sync = await run(['log', 'sync', reg]);
    expect(sync.code).toBe(2);
    expect(sync.err).toContain('缺少必需的列「收到日期」');
    expect(sync.out).toBe('');
  });

  it('no header row at all: exit 2, the header problem named', async () => {
    const wb = readWorkbook(fs.readFileSync(REGISTER), 'register-sample.xlsx');
    const grid = await wb.readSheet('申请登记');
    const header = grid.values[1]!;
    const edits = header.map((v, i) => ({ row: 2, col: i + 1, cell: '', expect: v as string, set: '' })).filter((e) => e.expect !== null && e.expect !== '');
    expect((await wb.applyEdits('申请登记', edits)).applied).toHaveLength(edits.length);
    const reg = path.join(tmp, 'reg-noheader.xlsx');
    fs.writeFileSync(reg, wb.save());
    const r = await run(['stats', reg, '--year', '2026', '--today', '2026-11-20']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('错误：无法读取登记表「申请登记」：找不到表头行：前 30 行中没有一行包含至少 4 个登记表列名');
    expect(r.err).toContain('Error: cannot read the register sheet "申请登记": no header row: none of the first 30 rows');
  });
});

describe('xxgk stats with register rows it had to leave out', () => {
  it('prints the tables of the rows it could read, names the bad cell and the rows left out, and exits 1', async () => {
    const wb = readWorkbook(fs.readFileSync(REGISTER), 'register-sample.xlsx');
    const grid = await wb.readSheet('申请登记');
    const col = grid.values[1]!.indexOf('收到日期') + 1;
    const was = grid.values[13]![col - 1] as string;
    expect((await wb.applyEdits('申请登记', [{ row: 14, col, cell: '', expect: was, set: '2026-02-30' }])).applied).toHaveLength(1);
    const reg = path.join(tmp, 'reg-badrow.xlsx');
    fs.writeFileSync(reg, wb.save());
    const r = await run(['stats', reg, '--year', '2026', '--today', '2026-11-20']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('2026年度 表三');
    expect(r.err).toContain('登记表 C14：');
    expect(r.err).toContain('提示：登记表有 1 行因错误未计入统计（第 14 行）');
  });
});

describe('xxgk stats / log: one FILE', () => {
  it('a second FILE is a usage error naming it, not silently ignored', async () => {
    for (const args of [['stats', REGISTER, 'other.xlsx', '--year', '2026'], ['log', 'verify', REGISTER, 'other.xlsx'], ['form', 'receipt', 'x', '--register', REGISTER, '--id', 'CXSW-2026-009', '--out', path.join(tmp, 'x.pdf')]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`多余的参数「${args.includes('other.xlsx') ? 'other.xlsx' : 'x'}」`);
    }
  });

  it('an office settings file that is a folder is said in words, not EISDIR', async () => {
    const r = await run(['stats', REGISTER, '--year', '2026', '--settings', tmp]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`无法读取机关设置文件「${tmp}」：「${tmp}」是一个文件夹，不是文件`);
    expect(r.err).not.toContain('EISDIR');
  });
});
