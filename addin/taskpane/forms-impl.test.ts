/**
 * The pane's forms/statistics services on the bundled sample register through the file adapter
 * (what the workbench does in the browser, minus the fetch of the font).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../port/file/index.ts';
import { formsForRow, generatePdf, officeSettingsOf, readRegisterView, runStats, todayInChina } from './forms-impl.ts';
import { DEFAULT_SETTINGS, type PaneSettings } from './settings.ts';

const SAMPLE = new URL('../../test/fixtures/samples/register-sample.xlsx', import.meta.url);
const FONT = new Uint8Array(fs.readFileSync(new URL('../../forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf', import.meta.url)));
const open = () => readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)), 'register-sample.xlsx');
const settings: PaneSettings = {
  ...DEFAULT_SETTINGS,
  officeName: '楚雄州示例局',
  docNumberPatterns: ['楚示公开〔{year}〕{n}号'],
  replyDays: 20,
  contact: { person: '张示例', phone: '0878-3120000', address: '楚雄市示例路 1 号' },
};

describe('task pane forms and statistics services', () => {
  it('lists the register rows with Chinese states and the forms that fit', async () => {
    const v = await readRegisterView(open(), settings, '2026-11-20');
    expect(v.sheet).toBe('申请登记');
    expect(v.problems).toEqual([]);
    expect(v.rows.slice(0, 2).map(({ row, id, applicant, received, status }) => ({ row, id, applicant, received, status }))).toEqual([
      { row: 3, id: 'CXSW-2026-001', applicant: '李华', received: '2026-01-12', status: '已办结' },
      { row: 4, id: 'CXSW-2026-002', applicant: '楚雄示例商贸有限公司', received: '2026-03-02', status: '已办结' },
    ]);
    const awaiting = v.rows.find((r) => r.id === 'CXSW-2026-009')!;
    expect(awaiting.status).toBe('待补正');
    expect(formsForRow(awaiting).map((f) => f.id)).toEqual(['receipt', 'transfer-notice', 'handling-form', 'correction-notice']);
    expect(formsForRow(v.rows[0])[0]).toEqual({ id: 'receipt', title: '政府信息公开受理回执' });
  });

  it('says before the click what the register says against a form (a 补正告知书 past 7 working days)', async () => {
    const v = await readRegisterView(open(), settings, '2026-12-06');
    const late = formsForRow(v.rows.find((r) => r.id === 'CXSW-2026-012')!);
    expect(late.find((f) => f.id === 'correction-notice')?.warnings).toEqual([
      {
        zh: '补正告知应在收到申请之日起 7 个工作日内（2026-10-21 前）一次性发出（条例第三十条），2026-12-06 已经超过',
        en: 'a request for correction is due within 7 working days of receipt, by 2026-10-21 (art. 30); 2026-12-06 is past it',
      },
    ]);
    expect(late.find((f) => f.id === 'receipt')?.warnings).toBeUndefined();
  });

  it('asks for the office name before making a form, in Chinese', () => {
    expect(() => officeSettingsOf(DEFAULT_SETTINGS)).toThrow('请先在「设置」中填写机关名称');
  });

  it('generates the 受理回执 of a row as a PDF with the applicant, and logs the event in the workbook', async () => {
    const wb = open();
    const v = await readRegisterView(wb, settings, '2026-11-20');
    const out = await generatePdf(wb, v.rows[0], 'receipt', settings, { primaryFont: FONT, today: '2026-11-20' });
    expect(out.fileName).toBe('政府信息公开受理回执-CXSW-2026-001.pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pane-'));
    const file = path.join(dir, out.fileName);
    fs.writeFileSync(file, out.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('李华');
    expect(text).toContain('楚雄州示例局');
    const log = await wb.readLog('_xxgk_log');
    // the register's 13 applications (7 closed) first, then the form
    expect(log?.rows.length).toBe(21);
    expect(log?.rows[20]).toContain('CXSW-2026-001');
    expect(log?.rows[20][3]).toBe('form-generated');
  });

  it("uses the office's calendar from 设置: a local holiday moves the 答复期限 the 受理回执 prints", async () => {
    const pdfText = async (calendar: PaneSettings['calendar']) => {
      const s = { ...settings, calendar };
      const wb = open();
      const v = await readRegisterView(wb, s, '2026-11-20');
      const out = await generatePdf(wb, v.rows.find((r) => r.id === 'CXSW-2026-009')!, 'receipt', s, { primaryFont: FONT, today: '2026-11-20' });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pane-'));
      fs.writeFileSync(path.join(dir, 'r.pdf'), out.bytes);
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      fs.rmSync(dir, { recursive: true, force: true });
      return text;
    };
    // received Tue 2026-11-10: 20 working days end on 12-08; a local day off on 11-16 moves it to 12-09
    expect(await pdfText(DEFAULT_SETTINGS.calendar)).toContain('答复期限：2026年12月8日');
    expect(await pdfText({ localHolidays: '2026-11-16 地方节日', localWorkdays: '', schedules: [] })).toContain('答复期限：2026年12月9日');
    // a calendar that cannot be read stops the register view with the field and line named
    await expect(readRegisterView(open(), { ...settings, calendar: { localHolidays: '11月16日', localWorkdays: '', schedules: [] } }, '2026-11-20')).rejects.toThrow(
      '「本地节假日」第 1 行：「11月16日」不是日期',
    );
  });

  it('runs the monthly roll-up into its sheet with the checks', async () => {
    const wb = open();
    const r = await runStats(wb, settings, { year: 2026, month: 11 });
    expect(r.sheet).toBe('月度统计');
    expect(r.title).toBe('政府信息公开申请月度统计（2026-11）');
    expect(r.checks.length).toBeGreaterThan(0);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(await wb.listSheets()).toEqual(expect.arrayContaining(['申请登记', '月度统计', '年度报告表三']));
  });

  it('brings the log up to date with the register and stops the months at today', async () => {
    const wb = open();
    await runStats(wb, settings, { year: 2026, today: '2026-11-20' });
    const log = (await wb.readLog('_xxgk_log'))!.rows;
    expect(log.map((r) => r[3]).filter((t) => t === 'registered')).toHaveLength(13);
    expect(log.map((r) => r[3]).filter((t) => t === 'closed')).toHaveLength(7);
    const monthly = await wb.readSheet('月度统计');
    const months = monthly.values.map((r) => r?.[0]).filter((v): v is string => typeof v === 'string' && /^2026-\d\d/.test(v));
    expect(months).toHaveLength(11);
    expect(months[10]).toBe('2026-11（截至11月20日）');
    // a second run finds nothing new to log
    await runStats(wb, settings, { year: 2026, today: '2026-11-20' });
    expect((await wb.readLog('_xxgk_log'))!.rows).toHaveLength(log.length);
  });

  it('knows the day in China', () => {
    expect(todayInChina(new Date('2026-11-19T17:30:00Z'))).toBe('2026-11-20');
  });
});
