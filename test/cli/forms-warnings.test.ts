/**
 * `xxgk form`: what the register says against a document (forms-lib/templates/warnings.ts) is
 * printed on stderr as 警告 / Warning and in the JSON; the document is still made, exit 0.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.ts';

const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-warn-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('xxgk form warnings', () => {
  it('an extension notice after the reply limit ran out is made, with the warning on stderr', async () => {
    // the sample office answers in 15 working days: received 2026-10-12, due 2026-11-02
    const pdf = path.join(tmp, 'ext.pdf');
    const r = await run(['form', 'extension-notice', '--register', REGISTER, '--id', 'CXSW-2026-012', '--out', pdf, '--today', '2026-12-06']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(pdf)).toBe(true);
    expect(r.err.split('\n').filter((l) => /^(警告|Warning)/.test(l))).toEqual([
      '警告：CXSW-2026-012：延期答复须在答复期限 2026-11-02 届满前告知申请人（条例第三十三条第二款），2026-12-06 已经超过',
      'Warning: CXSW-2026-012: an extension must be notified before the reply limit of 2026-11-02 runs out (art. 33(2)); 2026-12-06 is past it',
    ]);
  });

  it('a reply the recorded outcome contradicts: in the JSON too', async () => {
    const pdf = path.join(tmp, 'reply.pdf');
    const r = await run(['form', 'reply-disclose', '--register', REGISTER, '--id', 'CXSW-2026-003', '--out', pdf, '--today', '2026-12-06', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { forms: { id: string; warnings?: { code: string }[] }[] };
    expect(json.forms.map((f) => [f.id, f.warnings?.map((w) => w.code)])).toEqual([['CXSW-2026-003', ['outcome-mismatch']]]);
    expect(r.err).toMatch(/^警告：CXSW-2026-003：登记的办理结果为「不予公开\//m);
  });

  it('a document that fits gets no warning', async () => {
    const pdf = path.join(tmp, 'receipt.pdf');
    const r = await run(['form', 'receipt', '--register', REGISTER, '--id', 'CXSW-2026-009', '--out', pdf, '--today', '2026-11-20']);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/警告|Warning/);
  });
});
