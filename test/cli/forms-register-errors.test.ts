/**
 * `xxgk form` on registers with errors: a row rejected for its errors is named with its cells (not
 * called missing), --all-open lists the rows it leaves out and exits 1 while making the others,
 * and a register without a required column stops with the header row named (exit 2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';

const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
const TODAY = '2026-11-20';
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-form-errors-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the sample register with cells (by row and header label) set to new values. */
async function edited(name: string, edits: { row: number; label: string; set: string }[]): Promise<string> {
  const wb = readWorkbook(fs.readFileSync(REGISTER), 'register-sample.xlsx');
  const grid = await wb.readSheet('申请登记');
  const res = await wb.applyEdits(
    '申请登记',
    edits.map((e) => {
      const col = grid.values[1]!.indexOf(e.label) + 1;
      expect(col).toBeGreaterThan(0);
      return { row: e.row, col, cell: '', expect: grid.values[e.row - 1]![col - 1] as string, set: e.set };
    }),
  );
  expect(res.applied).toHaveLength(edits.length);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, wb.save());
  return file;
}

const lines = (s: string) => s.split('\n').filter((l) => !l.startsWith('提示：'));

describe('xxgk form --id on a row rejected for its errors', () => {
  it('names that row and its cells in both languages, not another row, and writes nothing (exit 2)', async () => {
    // row 4 = CXSW-2026-002 (impossible date), row 3 = CXSW-2026-001 (applicant blank)
    const reg = await edited('reg-bad.xlsx', [{ row: 4, label: '收到日期', set: '2026-02-30' }, { row: 3, label: '申请人', set: '' }]);
    const pdf = path.join(tmp, 'x.pdf');
    const r = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-002', '--out', pdf, '--today', TODAY]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([
      '错误：登记编号「CXSW-2026-002」所在行有错误，请先更正登记表：C4 「收到日期」"2026-02-30" 不是存在的日期。',
      'Error: the register row of "CXSW-2026-002" has errors; correct it first: C4 收到日期 "2026-02-30" is not a real date.',
    ]);
    expect(fs.existsSync(pdf)).toBe(false);

    const b = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-001', '--out', pdf, '--today', TODAY]);
    expect(b.code).toBe(2);
    expect(lines(b.err)).toEqual([
      '错误：登记编号「CXSW-2026-001」所在行有错误，请先更正登记表：F3 第 3 行缺少「申请人」。',
      'Error: the register row of "CXSW-2026-001" has errors; correct it first: F3 Row 3: 申请人 is blank.',
    ]);
    expect(fs.existsSync(pdf)).toBe(false);
  });

  it('says "not in the register" only when no row carries the 登记编号, without pointing at unrelated rows', async () => {
    const reg = await edited('reg-bad2.xlsx', [{ row: 4, label: '收到日期', set: '2026-02-30' }]);
    const r = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-099', '--out', path.join(tmp, 'y.pdf'), '--today', TODAY]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['错误：登记表「申请登记」中没有登记编号「CXSW-2026-099」', 'Error: no application "CXSW-2026-099" in the register sheet "申请登记"']);
  });

  it('a row whose 登记编号 is blank could be the one asked for: it is named as such', async () => {
    const reg = await edited('reg-noid.xlsx', [{ row: 5, label: '登记编号', set: '' }]);
    const r = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-003', '--out', path.join(tmp, 'z.pdf'), '--today', TODAY]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([
      '错误：登记表「申请登记」中没有登记编号「CXSW-2026-003」（第 5 行有错误且登记编号无法读取，未读入）',
      'Error: no application "CXSW-2026-003" in the register sheet "申请登记" (row 5 has errors and no readable 登记编号, so it was not read)',
    ]);
  });
});

describe('xxgk form --all-open with rows in error', () => {
  it('makes the good ones, lists the rows left out with their 登记编号 and cells on stderr, and exits 1', async () => {
    // rows 14 and 15 are the open applications CXSW-2026-012 and -013
    const reg = await edited('reg-open.xlsx', [{ row: 14, label: '收到日期', set: '2026-02-30' }, { row: 15, label: '申请人', set: '' }]);
    const dir = path.join(tmp, 'open');
    const r = await run(['form', 'receipt', '--register', reg, '--all-open', '--out', dir, '--today', TODAY]);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['CXSW-2026-008-receipt.pdf', 'CXSW-2026-009-receipt.pdf', 'CXSW-2026-010-receipt.pdf', 'CXSW-2026-011-receipt.pdf']);
    expect(r.out.split('\n').map((l) => l.split('：')[1]?.split(' ')[0])).toEqual(['CXSW-2026-008', 'CXSW-2026-009', 'CXSW-2026-010', 'CXSW-2026-011']);
    const err = lines(r.err).filter((l) => !l.startsWith('提示：'));
    expect(err.slice(-6)).toEqual([
      '错误：登记表有 2 行有错误，未生成文书，请更正后重新生成：',
      '  第 14 行（登记编号「CXSW-2026-012」）：C14 「收到日期」"2026-02-30" 不是存在的日期。',
      '  第 15 行（登记编号「CXSW-2026-013」）：F15 第 15 行缺少「申请人」。',
      'Error: 2 register rows have errors and got no form; correct and generate again:',
      '  row 14 ("CXSW-2026-012"): C14 收到日期 "2026-02-30" is not a real date.',
      '  row 15 ("CXSW-2026-013"): F15 Row 15: 申请人 is blank.',
    ]);
  });

  it('an open row kept in the register with an error (a wrong ID check digit) is left out too; JSON lists the skipped rows', async () => {
    // row 10 = CXSW-2026-008, a 居民身份证 in column H
    const id = '532301200002290668';
    const wrong = '532301200002290660';
    const reg = await edited('reg-checkdigit.xlsx', [{ row: 10, label: '证件号码', set: wrong }]);
    const dir = path.join(tmp, 'open-json');
    const r = await run(['form', 'receipt', '--register', reg, '--all-open', '--out', dir, '--today', TODAY, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.forms.map((f: { id: string }) => f.id)).toEqual(['CXSW-2026-009', 'CXSW-2026-010', 'CXSW-2026-011', 'CXSW-2026-012', 'CXSW-2026-013']);
    expect(j.skipped).toEqual([{ row: 10, id: 'CXSW-2026-008', errors: [expect.objectContaining({ cell: 'H10', code: 'resident-id-check-digit' })] }]);
    expect(fs.readdirSync(dir)).not.toContain('CXSW-2026-008-receipt.pdf');
    expect(fs.readdirSync(dir)).toHaveLength(5);
    expect(r.err).toContain(`  第 10 行（登记编号「CXSW-2026-008」）：H10 居民身份证号码「${wrong}」校验码错误（按 GB 11643 应为 ${id[17]}），请核对。`);
  });

  it('exits 0 with no mention when every open row is sound', async () => {
    const r = await run(['form', 'receipt', '--register', REGISTER, '--all-open', '--out', path.join(tmp, 'clean'), '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('错误');
  });
});

describe('xxgk form on a register without a required column', () => {
  it('stops with the column label and the header row, for --id and --all-open (exit 2), writing nothing', async () => {
    const reg = await edited('reg-nohdr.xlsx', [{ row: 2, label: '收到日期', set: '收件日期' }]);
    const expected = [
      '错误：无法读取登记表「申请登记」：缺少必需的列「收到日期」：表头在第 2 行（A2:Y2），其中没有「收到日期」；表头中的「收件日期」（C2）如是这一列，请改名为「收到日期」。请更正表头后重试',
      'Error: cannot read the register sheet "申请登记": required column "收到日期" is missing: the header is row 2 (A2:Y2) and has no "收到日期"; if "收件日期" (C2) is that column, rename it "收到日期". Correct the header and try again',
    ];
    const pdf = path.join(tmp, 'nohdr.pdf');
    const a = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-001', '--out', pdf, '--today', TODAY]);
    expect(a.code).toBe(2);
    expect(lines(a.err)).toEqual(expected);
    expect(a.err).not.toContain('没有登记编号');
    expect(a.err).not.toContain('Z2');
    expect(fs.existsSync(pdf)).toBe(false);
    const dir = path.join(tmp, 'nohdr-open');
    const b = await run(['form', 'receipt', '--register', reg, '--all-open', '--out', dir, '--today', TODAY]);
    expect(b.code).toBe(2);
    expect(lines(b.err)).toEqual(expected);
    expect(b.out).toBe('');
    expect(fs.existsSync(dir)).toBe(false);
  });
});
