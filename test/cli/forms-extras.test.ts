/**
 * `xxgk form --extra`: values are checked against the kind the form declares (an amount, a real
 * date) and unknown keys are refused listing the keys the form takes; errors name the key and
 * the value, Chinese on one line and English on the next (exit 2, no PDF written).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, ROOT, run } from './helpers.ts';

const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
const TODAY = '2026-11-20';
const FEE = ['--extra', 'basis=按件', '--extra', 'quantity=12件', '--extra', 'payment=到局办公室以银行转账方式缴纳'];
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-extras-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const errLines = (s: string) => s.split('\n').filter((l) => !l.startsWith('提示：'));

async function fee(amount: string, name: string) {
  const pdf = path.join(tmp, `${name}.pdf`);
  const r = await run(['form', 'fee-notice', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', pdf, '--today', TODAY, ...FEE, '--extra', `amount=${amount}`]);
  return { ...r, pdf };
}

describe('xxgk form --extra', () => {
  it('amount=abc is refused naming the key and the value (exit 2, no PDF)', async () => {
    const r = await fee('abc', 'abc');
    expect(r.code).toBe(2);
    expect(errLines(r.err)).toEqual([
      '错误：「政府信息公开信息处理费收费通知书」的额外输入有误：amount=「abc」不是有效的金额（收费金额（元），应为大于 0 的数，最多两位小数，如 100 或 100.50）',
      'Error: form "fee-notice": bad extra input: amount="abc" is not a valid amount (amount in yuan; a number above 0 with at most 2 decimals, e.g. 100 or 100.50)',
    ]);
    expect(fs.existsSync(r.pdf)).toBe(false);
  });

  it.each([['0'], ['-5'], ['1.234'], ['1e3'], ['1,000'], ['100元']])('amount=%s is refused', async (amount) => {
    const r = await fee(amount, `bad-${amount.replace(/\W/g, '_')}`);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`amount=「${amount}」不是有效的金额`);
    expect(fs.existsSync(r.pdf)).toBe(false);
  });

  it('amount=100.50 is printed as typed', async () => {
    const r = await fee('100.50', 'ok');
    expect(r.code).toBe(0);
    expect(pdfText(r.pdf)).toContain('计人民币100.50元');
  });

  it('previousReplyOn=2026-02-30 is "not a real date", not "missing", in two lines', async () => {
    const pdf = path.join(tmp, 'repeat.pdf');
    const r = await run(['form', 'reply-repeat', '--register', REGISTER, '--id', 'CXSW-2026-005', '--out', pdf, '--today', TODAY, '--extra', 'previousReplyOn=2026-02-30']);
    expect(r.code).toBe(2);
    expect(errLines(r.err)).toEqual([
      '错误：「政府信息公开申请答复书（重复申请）」的额外输入有误：previousReplyOn=「2026-02-30」不是存在的日期（前次答复日期，应写作 YYYY-MM-DD，如 2026-10-16）',
      'Error: form "reply-repeat": bad extra input: previousReplyOn="2026-02-30" is not a real date (date of the earlier reply (YYYY-MM-DD); write YYYY-MM-DD, e.g. 2026-10-16)',
    ]);
    expect(r.err).not.toContain('缺少必填项');
    expect(fs.existsSync(pdf)).toBe(false);

    const b = await run(['form', 'reply-repeat', '--register', REGISTER, '--id', 'CXSW-2026-005', '--out', pdf, '--today', TODAY, '--extra', 'previousReplyOn=2026/10/16']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('previousReplyOn=「2026/10/16」不是日期（前次答复日期');
  });

  it('an unknown key is refused, listing the keys the form takes; every problem is named at once', async () => {
    const pdf = path.join(tmp, 'bogus.pdf');
    const b = await run(['form', 'fee-notice', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', pdf, '--today', TODAY, ...FEE, '--extra', 'amount=12.5.0', '--extra', 'bogus=1']);
    expect(b.code).toBe(2);
    expect(errLines(b.err)).toEqual([
      '错误：「政府信息公开信息处理费收费通知书」的额外输入有误：amount=「12.5.0」不是有效的金额（收费金额（元），应为大于 0 的数，最多两位小数，如 100 或 100.50）；不接受 bogus=「1」：没有这个键，可用的键：basis、quantity、amount、payment',
      'Error: form "fee-notice": bad extra input: amount="12.5.0" is not a valid amount (amount in yuan; a number above 0 with at most 2 decimals, e.g. 100 or 100.50); bogus="1" is not taken: no such key; the keys it takes: basis, quantity, amount, payment',
    ]);
    expect(fs.existsSync(pdf)).toBe(false);
  });

  it('a form without extra inputs says so; --all-open makes nothing on a bad --extra', async () => {
    const r = await run(['form', 'receipt', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', path.join(tmp, 'r.pdf'), '--today', TODAY, '--extra', 'bogus=1']);
    expect(r.code).toBe(2);
    expect(errLines(r.err)).toEqual(['错误：「政府信息公开受理回执」的额外输入有误：不接受 bogus=「1」：本文书没有额外输入', 'Error: form "receipt": bad extra input: bogus="1" is not taken: this form has no extra inputs']);
    const dir = path.join(tmp, 'all');
    const b = await run(['form', 'fee-notice', '--register', REGISTER, '--all-open', '--out', dir, '--today', TODAY, ...FEE, '--extra', 'amount=abc']);
    expect(b.code).toBe(2);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('note is taken by the forms that print the 备注 ({note}), and by no other', async () => {
    const pdf = path.join(tmp, 'handling.pdf');
    const r = await run(['form', 'handling-form', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', pdf, '--today', TODAY, '--extra', 'note=已电话确认']);
    expect(r.code).toBe(0);
    expect(pdfText(pdf)).toContain('已电话确认');
    const b = await run(['form', 'reply-published', '--register', REGISTER, '--id', 'CXSW-2026-001', '--out', path.join(tmp, 'p.pdf'), '--today', TODAY, '--extra', 'where=门户网站', '--extra', 'note=x']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('不接受 note=「x」：没有这个键，可用的键：where');
  });
});
