/**
 * The office calendar (`calendar` in the settings JSON: local holidays, typed-in schedules)
 * reaches every CLI path that counts working days: `xxgk form` (one row and --all-open),
 * `xxgk stats`, and a bad entry is refused naming its JSON path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText as text, ROOT, run } from './helpers.ts';

const REGISTER = path.join(ROOT, 'test/fixtures/samples/register-sample.xlsx');
const SAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/office-settings.json'), 'utf8')) as Record<string, unknown>;
const TODAY = '2026-11-20';
let tmp: string;

function settingsFile(name: string, calendar?: unknown): string {
  const file = path.join(tmp, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(calendar === undefined ? SAMPLE : { ...SAMPLE, calendar }));
  return file;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cal-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('xxgk form with settings.calendar', () => {
  it('a local holiday moves the reply date of the 受理回执 (one row and --all-open)', async () => {
    // CXSW-2026-008 received 2026-11-16: 15 working days (sample office) → 2026-12-07; a local holiday on Tuesday 12-01 → 12-08
    const plain = path.join(tmp, 'plain.pdf');
    expect((await run(['form', 'receipt', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', plain, '--today', TODAY, '--settings', settingsFile('plain')])).code).toBe(0);
    expect(text(plain)).toContain('答复期限：2026年12月7日');

    const local = settingsFile('local', { localHolidays: [{ date: '2026-12-01', name: '古尔邦节' }] });
    const one = path.join(tmp, 'local.pdf');
    expect((await run(['form', 'receipt', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', one, '--today', TODAY, '--settings', local])).code).toBe(0);
    expect(text(one)).toContain('答复期限：2026年12月8日');

    const dir = path.join(tmp, 'open');
    expect((await run(['form', 'receipt', '--register', REGISTER, '--all-open', '--out', dir, '--today', TODAY, '--settings', local])).code).toBe(0);
    expect(text(path.join(dir, 'CXSW-2026-008-receipt.pdf'))).toContain('答复期限：2026年12月8日');
  });

  it('a typed-in schedule for 2027 turns a 「暂定」 date official', async () => {
    // the 转办通知单's 承办期限 runs from --today: 2027-09-28 + 5 working days
    const provisional = path.join(tmp, 'p2027.pdf');
    const a = await run(['form', 'transfer-notice', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', provisional, '--today', '2027-09-28', '--settings', settingsFile('plain2027')]);
    expect(a.code).toBe(0);
    expect(a.out).toContain('含暂定日期');
    expect(text(provisional)).toContain('办理期限：2027年10月8日（暂定）前');

    const typed = settingsFile('typed2027', {
      schedules: { 2027: { holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'], workdays: ['2027-09-26', '2027-10-09'] } },
    });
    const official = path.join(tmp, 'o2027.pdf');
    const b = await run(['form', 'transfer-notice', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', official, '--today', '2027-09-28', '--settings', typed, '--format', 'json']);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out).forms[0].provisional).toBe(false);
    const t = text(official);
    expect(t).toContain('办理期限：2027年10月11日前');
    expect(t).not.toContain('暂定');
  });

  it('a bad calendar entry: exit 2 naming the JSON path in Chinese and English', async () => {
    const bad = settingsFile('bad', { localHolidays: ['2026-02-30'], schedules: { 2027: { holidays: ['2028-01-01'] } } });
    const r = await run(['form', 'receipt', '--register', REGISTER, '--id', 'CXSW-2026-008', '--out', path.join(tmp, 'bad.pdf'), '--today', TODAY, '--settings', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('$.calendar.localHolidays[0]: 日期「2026-02-30」无效，应写作 YYYY-MM-DD（如 2027-10-01） / invalid date "2026-02-30"');
    expect(r.err).toContain('$.calendar.schedules["2027"].holidays[0]: 2028-01-01 不在 2027 年内 / 2028-01-01 is not in 2027');
    expect(fs.existsSync(path.join(tmp, 'bad.pdf'))).toBe(false);
  });
});

describe('xxgk stats with settings.calendar', () => {
  it('a local holiday inside a reply counts one working day less', async () => {
    // CXSW-2026-001: received 2026-01-12, replied 2026-01-30 → 14 working days; a local holiday on 01-20 → 13
    const month = async (settings: string) => JSON.parse((await run(['stats', REGISTER, '--year', '2026', '--format', 'json', '--settings', settings])).out).monthly[0];
    expect(await month(settingsFile('stats-plain'))).toMatchObject({ month: '2026-01', avgWorkingDaysToReply: 14, maxWorkingDaysToReply: 14 });
    expect(await month(settingsFile('stats-local', { localHolidays: ['2026-01-20'] }))).toMatchObject({ month: '2026-01', avgWorkingDaysToReply: 13, maxWorkingDaysToReply: 13 });
  });
});
