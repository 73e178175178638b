/**
 * `xxgk form`, `xxgk stats` and `xxgk log verify` on the bundled sample register: PDFs with the
 * filled values, 文号 that continue across runs through the workbook's own log, the log's hash
 * chain detecting an edit, 表三 from the register, and inputs never overwritten unless --log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText as text, ROOT, run, sha } from './helpers.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { listForms } from '../../forms-lib/templates/index.ts';

const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
const TODAY = '2026-11-20';
let tmp: string;


beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-forms-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('xxgk form', () => {
  it('--list prints one type id per line, then its Chinese name', async () => {
    const r = await run(['form', '--list']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(listForms().length);
    expect(lines[0]).toBe('receipt\t政府信息公开受理回执');
    expect(lines).toContain('reply-refuse\t政府信息公开申请答复书（不予公开）');
  });

  it('fills 受理回执 from a register row: applicant (a 生僻字), 登记编号, 文号 and the due date after the consultation pause', async () => {
    const pdf = path.join(tmp, 'receipt-003.pdf');
    const before = sha(REGISTER);
    const r = await run(['form', 'receipt', '--register', REGISTER, '--id', 'CXSW-2026-003', '--out', pdf, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`政府信息公开受理回执：CXSW-2026-003 → ${pdf}（1 页，文号 楚商公开收〔2026〕1号）`);
    const t = text(pdf);
    expect(t).toContain('王堃');
    expect(t).toContain('CXSW-2026-003');
    expect(t).toContain('楚商公开收〔2026〕1号');
    // received 2026-05-06, 15 working days (sample office) = 2026-05-26, plus the 10 working days of 征求意见 2026-05-11…05-22
    expect(t).toContain('答复期限：2026年6月9日');
    expect(sha(REGISTER)).toBe(before);
    expect(r.err).toContain('未加 --log');
  });

  it('--all-open --log writes one PDF per open application, numbers them in turn and logs them in the register; the next run continues', async () => {
    const reg = path.join(tmp, 'register.xlsx');
    fs.copyFileSync(REGISTER, reg);
    const dir = path.join(tmp, 'open');
    const r = await run(['form', 'receipt', '--register', reg, '--all-open', '--out', dir, '--today', TODAY, '--log', '--operator', '张三', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.forms.map((f: { id: string }) => f.id)).toEqual(['CXSW-2026-008', 'CXSW-2026-009', 'CXSW-2026-010', 'CXSW-2026-011', 'CXSW-2026-012', 'CXSW-2026-013']);
    expect(j.forms.map((f: { docNumber: string }) => f.docNumber)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `楚商公开收〔2026〕${n}号`));
    expect(fs.readdirSync(dir).sort()).toEqual(j.forms.map((f: { id: string }) => `${f.id}-receipt.pdf`));
    expect(text(path.join(dir, 'CXSW-2026-010-receipt.pdf'))).toContain('楚雄示例物流有限公司');

    const wb = readWorkbook(fs.readFileSync(reg), 'register.xlsx');
    expect(wb.sheets.find((s) => s.name === '_xxgk_log')?.state).toBe('veryHidden');
    const log = await wb.readLog('_xxgk_log');
    // the log first catches up with the register (13 applications registered, 7 of them closed),
    // then the 6 forms
    expect(log?.rows).toHaveLength(26);
    expect(log?.rows.slice(0, 3).map((r) => [r[3], r[4]])).toEqual([['registered', 'CXSW-2026-001'], ['closed', 'CXSW-2026-001'], ['registered', 'CXSW-2026-002']]);
    expect(log?.rows.filter((r) => r[3] === 'registered')).toHaveLength(13);
    expect(log?.rows.filter((r) => r[3] === 'closed')).toHaveLength(7);
    expect(log?.rows.slice(20).map((r) => r[3])).toEqual(Array(6).fill('form-generated'));
    expect(log?.rows[22]).toContain('CXSW-2026-010');
    expect(log?.rows[22]).toContain('楚商公开收〔2026〕3号');
    expect(log?.rows[22]).toContain('张三');

    const again = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-009', '--out', path.join(tmp, 'again.pdf'), '--today', TODAY, '--log']);
    expect(again.out).toContain('文号 楚商公开收〔2026〕7号');

    const v = await run(['log', 'verify', reg]);
    expect(v.code).toBe(0);
    // the second run finds no register change: one more row, the form
    expect(v.out).toContain('共 27 条');
  });

  it('log verify exits 1 and names the first broken row after a logged cell is edited', async () => {
    const reg = path.join(tmp, 'tampered.xlsx');
    fs.copyFileSync(REGISTER, reg);
    expect((await run(['form', 'receipt', '--register', reg, '--all-open', '--out', path.join(tmp, 't'), '--today', TODAY, '--log'])).code).toBe(0);
    const wb = readWorkbook(fs.readFileSync(reg), 'tampered.xlsx');
    const log = (await wb.readLog('_xxgk_log'))!;
    const at = log.rows.findIndex((r) => r.includes('楚商公开收〔2026〕4号'));
    expect(at).toBe(23);
    const col = log.rows[at]!.indexOf('楚商公开收〔2026〕4号') + 1;
    const res = await wb.applyEdits('_xxgk_log', [{ row: at + 2, col, cell: '', expect: '楚商公开收〔2026〕4号', set: '楚商公开收〔2026〕9号' }]);
    expect(res.applied).toHaveLength(1);
    fs.writeFileSync(reg, wb.save());
    const v = await run(['log', 'verify', reg]);
    expect(v.code).toBe(1);
    expect(v.out).toContain('第 25 行');
  });

  it('refuses with a clear message: unknown 登记编号 (exit 2), unknown type, missing --id/--all-open', async () => {
    const a = await run(['form', 'receipt', '--register', REGISTER, '--id', '2026-001', '--out', path.join(tmp, 'x.pdf')]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('登记表「申请登记」中没有登记编号「2026-001」');
    expect(fs.existsSync(path.join(tmp, 'x.pdf'))).toBe(false);
    const b = await run(['form', 'receipts', '--register', REGISTER, '--id', 'CXSW-2026-001', '--out', path.join(tmp, 'x.pdf')]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('未知的文书类型「receipts」');
    const c = await run(['form', 'receipt', '--register', REGISTER, '--out', path.join(tmp, 'x.pdf')]);
    expect(c.code).toBe(2);
    expect(c.err).toContain('请给出 --id 登记编号 或 --all-open 之一');
  });
});

describe('xxgk stats', () => {
  it('prints the JSON contract: monthly rows, 表三 with 25 official rows, checks that hold', async () => {
    const r = await run(['stats', REGISTER, '--year', '2026', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.table3.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(j.table3.rows).toHaveLength(25);
    expect(j.table3.rows[0]).toEqual({ label: '一、本年新收政府信息公开申请数量', values: [7, 2, 1, 1, 1, 1, 13] });
    expect(j.table3.rows[23]).toEqual({ label: '（七）总计', values: [5, 1, 0, 0, 1, 0, 7] });
    expect(j.table3.rows[24]).toEqual({ label: '四、结转下年度继续办理', values: [2, 1, 1, 1, 0, 1, 6] });
    expect(j.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    expect(j.monthly.map((m: { month: string }) => m.month)[0]).toBe('2026-01');
  });

  it('--out writes the statistics sheets into a copy, never into the input; --csv writes 表三 with a BOM', async () => {
    const dest = path.join(tmp, 'with-stats.xlsx');
    const before = sha(REGISTER);
    const r = await run(['stats', REGISTER, '--year', '2026', '--out', dest, '--csv', path.join(tmp, 'csv')]);
    expect(r.code).toBe(0);
    expect(sha(REGISTER)).toBe(before);
    const wb = readWorkbook(fs.readFileSync(dest), 'with-stats.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['申请登记', '填写说明', '月度统计', '年度报告表三', '年度报告表四']);
    const csv = fs.readFileSync(path.join(tmp, 'csv', '表三-2026.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[1]).toBe('一、本年新收政府信息公开申请数量,7,2,1,1,1,1,13');
  });

  it('rejects a bad --month with exit 2', async () => {
    const r = await run(['stats', REGISTER, '--year', '2026', '--month', '2026-13']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--month 应为 YYYY-MM');
  });
});

describe('xxgk demo (the README main command)', () => {
  it('fixes both sample catalogues and makes every fitting form for each sample application, numbered and logged in a register copy', async () => {
    const dir = path.join(tmp, 'demo');
    const r = await run(['demo', '--out', dir]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'shangdang-district-catalogue.fixed.xlsx'))).toBe(true);
    const pdfs = fs.readdirSync(path.join(dir, 'forms')).filter((f) => f.endsWith('.pdf'));
    for (let n = 1; n <= 13; n++) expect(pdfs).toContain(`CXSW-2026-${String(n).padStart(3, '0')}-receipt.pdf`);
    expect(pdfs).toContain('CXSW-2026-003-reply-refuse.pdf');
    expect(pdfs).toContain('CXSW-2026-009-correction-notice.pdf');
    expect(text(path.join(dir, 'forms', 'CXSW-2026-003-reply-refuse.pdf'))).toContain('王堃');
    expect(r.out).toContain(`共生成 ${pdfs.length} 份 PDF`);
    const wb = readWorkbook(fs.readFileSync(path.join(dir, 'register-sample.xlsx')), 'register-sample.xlsx');
    // one row per PDF, after the 13 registered and 7 closed events of the register
    const logRows = (await wb.readLog('_xxgk_log'))!.rows;
    expect(logRows).toHaveLength(20 + pdfs.length);
    expect(logRows.filter((x) => x[3] === 'form-generated')).toHaveLength(pdfs.length);
    expect(wb.sheets.map((s) => s.name)).toContain('年度报告表三');
    const v = await run(['log', 'verify', path.join(dir, 'register-sample.xlsx')]);
    expect(v.code).toBe(0);
  });
});

describe('xxgk form on a register row with an error', () => {
  it('refuses to print a 居民身份证 number whose check digit is wrong, naming the cell', async () => {
    const reg = path.join(tmp, 'bad-id.xlsx');
    const wb = readWorkbook(fs.readFileSync(REGISTER), 'register-sample.xlsx');
    const grid = await wb.readSheet('申请登记');
    const col = grid.values[1]!.indexOf('证件号码') + 1;
    const id = String(grid.values[2]![col - 1]);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect((await wb.applyEdits('申请登记', [{ row: 3, col, cell: '', expect: id, set: wrong }])).applied).toHaveLength(1);
    fs.writeFileSync(reg, wb.save());
    const r = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-001', '--out', path.join(tmp, 'bad.pdf'), '--today', TODAY]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('登记编号「CXSW-2026-001」所在行有错误，请先更正登记表：H3');
    expect(fs.existsSync(path.join(tmp, 'bad.pdf'))).toBe(false);
  });
});
