/**
 * 文号 across document types: every form type whose pattern renders the same 文号 (here the
 * sample office's `default` 楚商公开〔{year}〕{n}号) draws from one counter, so the demo and
 * successive `xxgk form` runs on one register never print the same 文号 on two documents, and a
 * typed `--doc-number` that the log already carries (for any type) is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText as text, ROOT, run } from './helpers.ts';
import { readWorkbook } from '../../addin/port/file/index.ts';
import { readLogEvents } from '../../forms-lib/stats/index.ts';

const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
const TODAY = '2026-11-20';
const DOC_NO = /楚商公开[^〔〕\s]{0,2}〔\d{4}〕\d+号/g;
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-docno-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('xxgk demo: 文号 are distinct across all its PDFs', () => {
  it('no 文号 is printed on two PDFs, and each logged 文号 is the one its PDF shows', async () => {
    const dir = path.join(tmp, 'demo');
    expect((await run(['demo', '--out', dir])).code).toBe(0);
    const formsDir = path.join(dir, 'forms');
    const owner = new Map<string, string>();
    let numbered = 0;
    for (const file of fs.readdirSync(formsDir).filter((f) => f.endsWith('.pdf')).sort()) {
      const found = new Set(text(path.join(formsDir, file)).match(DOC_NO) ?? []);
      if (found.size > 0) numbered++;
      expect(found.size).toBeLessThanOrEqual(1);
      for (const no of found) {
        expect(owner.get(no), `${no} on ${file} and on ${owner.get(no)}`).toBeUndefined();
        owner.set(no, file);
      }
    }
    // the sample office numbers under the default pattern: 答复书, 决定书, 告知书 … share one counter
    const shared = [...owner.keys()].filter((n) => /^楚商公开〔2026〕/.test(n));
    expect(shared.length).toBeGreaterThan(10);
    expect(shared.map((n) => Number(/〕(\d+)号/.exec(n)![1])).sort((a, b) => a - b)).toEqual(shared.map((_, i) => i + 1));
    expect(numbered).toBe(owner.size);

    const wb = readWorkbook(fs.readFileSync(path.join(dir, 'register-sample.xlsx')), 'register-sample.xlsx');
    const logged = readLogEvents((await wb.readLog('_xxgk_log'))!.rows).map((e) => e.docNo).filter((d): d is string => !!d);
    expect(new Set(logged).size).toBe(logged.length);
    expect(new Set(logged)).toEqual(new Set(owner.keys()));
  });
});

describe('xxgk form: 文号 across types on one register', () => {
  it('a 答复书 after a 决定书 continues the shared counter; a receipt keeps its own', async () => {
    const reg = path.join(tmp, 'register.xlsx');
    fs.copyFileSync(REGISTER, reg);
    const a = await run(['form', 'reply-not-exist', '--register', reg, '--id', 'CXSW-2026-001', '--out', path.join(tmp, 'a.pdf'), '--today', TODAY, '--log']);
    expect(a.code).toBe(0);
    expect(a.out).toContain('文号 楚商公开〔2026〕1号');
    const b = await run(['form', 'reply-refuse', '--register', reg, '--id', 'CXSW-2026-002', '--out', path.join(tmp, 'b.pdf'), '--today', TODAY, '--log', '--extra', 'reasons=属于国家秘密。']);
    expect(b.code).toBe(0);
    expect(b.out).toContain('文号 楚商公开〔2026〕2号');
    expect(text(path.join(tmp, 'b.pdf'))).toContain('楚商公开〔2026〕2号');
    const c = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-002', '--out', path.join(tmp, 'c.pdf'), '--today', TODAY, '--log']);
    expect(c.out).toContain('文号 楚商公开收〔2026〕1号');
  });

  it('--doc-number already logged for another type: exit 2, zh + en, nothing written', async () => {
    const reg = path.join(tmp, 'register-taken.xlsx');
    fs.copyFileSync(REGISTER, reg);
    expect((await run(['form', 'reply-not-exist', '--register', reg, '--id', 'CXSW-2026-001', '--out', path.join(tmp, 'first.pdf'), '--today', TODAY, '--log'])).code).toBe(0);
    const out = path.join(tmp, 'second.pdf');
    const r = await run(['form', 'reply-refuse', '--register', reg, '--id', 'CXSW-2026-002', '--out', out, '--today', TODAY, '--doc-number', '楚商公开〔2026〕1号', '--extra', 'reasons=属于国家秘密。']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('错误：「政府信息公开申请答复书（不予公开）」的文号「楚商公开〔2026〕1号」已使用（已用于「政府信息公开申请答复书（信息不存在）」），不得重号');
    expect(r.err).toContain('Error: form "政府信息公开申请答复书（不予公开）": document number "楚商公开〔2026〕1号" was already issued (by a reply-not-exist) and is never reused');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('文号 never issued from doubt', () => {
  const SETTINGS = path.join(ROOT, 'test/fixtures/samples/office-settings.json');
  const copy = (name: string) => {
    const f = path.join(tmp, name);
    fs.copyFileSync(REGISTER, f);
    return f;
  };

  it('refuses --doc-number for a form that carries none (it would be logged though never printed)', async () => {
    const reg = copy('no-number.xlsx');
    const r = await run(['form', 'handling-form', '--register', reg, '--id', 'CXSW-2026-008', '--out', path.join(tmp, 'h.pdf'), '--settings', SETTINGS, '--today', TODAY, '--doc-number', '楚商公开收〔2026〕1号', '--log']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('「依申请公开政府信息办理表」不编文号，不能指定文号「楚商公开收〔2026〕1号」');
    expect(fs.existsSync(path.join(tmp, 'h.pdf'))).toBe(false);
    expect(readWorkbook(fs.readFileSync(reg), 'x').sheets.map((s) => s.name)).toEqual(['申请登记', '填写说明']);
  });

  it('does not number from a damaged log, even without --log', async () => {
    const reg = copy('damaged.xlsx');
    expect((await run(['form', 'receipt', '--register', reg, '--all-open', '--out', path.join(tmp, 'd'), '--settings', SETTINGS, '--today', TODAY, '--log'])).code).toBe(0);
    const wb = readWorkbook(fs.readFileSync(reg), 'damaged.xlsx');
    const rows = (await wb.readLog('_xxgk_log'))!.rows;
    const last = rows[rows.length - 1]!;
    // the last row emptied: the 6号 it recorded is forgotten by the sheet, not by the remembered head
    await wb.applyEdits('_xxgk_log', last.map((v, k) => ({ row: rows.length + 1, col: k + 1, cell: '', expect: v, set: null })));
    fs.writeFileSync(reg, wb.save());
    const r = await run(['form', 'receipt', '--register', reg, '--id', 'CXSW-2026-012', '--out', path.join(tmp, 'again.pdf'), '--settings', SETTINGS, '--today', TODAY]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('事件日志已损坏，无法确认已用过的文号，不能自动编号');
    expect(fs.existsSync(path.join(tmp, 'again.pdf'))).toBe(false);
  });

  it('never replaces a PDF already issued: --all-open twice stops before generating, unless --force', async () => {
    const reg = copy('twice.xlsx');
    const dir = path.join(tmp, 'twice');
    const args = ['form', 'receipt', '--register', reg, '--all-open', '--out', dir, '--settings', SETTINGS, '--today', TODAY, '--log'];
    expect((await run(args)).code).toBe(0);
    const first = text(path.join(dir, 'CXSW-2026-008-receipt.pdf'));
    const logged = (await readWorkbook(fs.readFileSync(reg), 'x').readLog('_xxgk_log'))!.rows.length;
    const again = await run(args);
    expect(again.code).toBe(2);
    expect(again.err).toContain('输出文件已存在');
    expect(again.err).toContain('--force');
    expect(text(path.join(dir, 'CXSW-2026-008-receipt.pdf'))).toBe(first);
    expect((await readWorkbook(fs.readFileSync(reg), 'x').readLog('_xxgk_log'))!.rows).toHaveLength(logged);
    const forced = await run([...args, '--force']);
    expect(forced.code).toBe(0);
    expect(text(path.join(dir, 'CXSW-2026-008-receipt.pdf'))).toContain('楚商公开收〔2026〕7号');
  });
});
