/**
 * What is set in 设置 reaches the generated PDF: 15 working days instead of 20, the office's own
 * remedies wording, and a 文号 pattern per form type (on the sample register, through the file
 * adapter, PDF text by pdftotext). And the 统计 run draws its chart into the workbook.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../port/file/index.ts';
import { generatePdf, numberedFormTypes, officeSettingsOf, readRegisterView, runStats } from './forms-impl.ts';
import { DEFAULT_SETTINGS, type PaneSettings } from './settings.ts';

const SAMPLE = new URL('../../test/fixtures/samples/register-sample.xlsx', import.meta.url);
const FONT = new Uint8Array(fs.readFileSync(new URL('../../forms-lib/fonts/NotoSerifSC-Regular-GB2312.ttf', import.meta.url)));
const open = () => readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)), 'register-sample.xlsx');
const REMEDIES = '如对本答复不服，可以在收到本答复之日起六十日内向楚雄州示例复议机关申请行政复议，或者在六个月内向楚雄市示例法院提起行政诉讼。';

const base: PaneSettings = { ...DEFAULT_SETTINGS, officeName: '楚雄州示例局', docNumberPatterns: ['楚示公开〔{year}〕{n}号'] };

function pdfText(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-settings-'));
  try {
    const file = path.join(dir, 'x.pdf');
    fs.writeFileSync(file, bytes);
    // without -layout: lines joined as read, so a long clause is found across line breaks
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function make(settings: PaneSettings, id: string, form: string): Promise<string> {
  const wb = open();
  const v = await readRegisterView(wb, settings, '2026-11-20');
  const row = v.rows.find((r) => r.id === id)!;
  return pdfText((await generatePdf(wb, row, form, settings, { primaryFont: FONT, today: '2026-11-20' })).bytes);
}

describe('设置 reaches the generated PDF', () => {
  it('the reply deadline: 15 working days in the receipt when set, 20 by default', async () => {
    expect(await make({ ...base, replyDays: 15 }, 'CXSW-2026-009', 'receipt')).toContain('在15个工作日内');
    expect(await make(base, 'CXSW-2026-009', 'receipt')).toContain('在20个工作日内');
  });

  it('the remedies wording replaces the default clause in a reply letter', async () => {
    const own = await make({ ...base, remedies: REMEDIES }, 'CXSW-2026-001', 'reply-disclose');
    expect(own).toContain(REMEDIES.replace(/\s+/g, ''));
    expect(await make(base, 'CXSW-2026-001', 'reply-disclose')).not.toContain('楚雄州示例复议机关');
  });

  it('a 文号 pattern per form type: the receipt numbered apart from the default', async () => {
    const s = { ...base, docNumberByForm: { receipt: '楚示受〔{year}〕{n}号', 'not-a-form': 'x' } };
    expect(officeSettingsOf(s).docNumbers).toEqual({ default: '楚示公开〔{year}〕{n}号', receipt: '楚示受〔{year}〕{n}号' });
    expect(await make(s, 'CXSW-2026-009', 'receipt')).toContain('楚示受〔2026〕1号');
    expect(await make(s, 'CXSW-2026-001', 'reply-disclose')).toContain('楚示公开〔2026〕');
    expect(numberedFormTypes().map((f) => f.id)).toEqual(expect.arrayContaining(['receipt', 'reply-disclose', 'correction-notice']));
    expect(numberedFormTypes().map((f) => f.id)).not.toContain('handling-form');
  });
});

describe('统计 draws the monthly chart', () => {
  it('the monthly run leaves 月度统计 with a chart of 新收申请 and 办结 in the saved file; a re-run replaces it', async () => {
    const wb = open();
    await runStats(wb, base, { year: 2026, month: 11 });
    await runStats(wb, base, { year: 2026 });
    const files = unzipSync(wb.save());
    const charts = Object.keys(files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const xml = new TextDecoder().decode(files[charts[0]]);
    expect(xml).toContain("<c:f>'月度统计'!$A$3:$A$14</c:f>");
    expect(xml).toContain('<c:v>新收申请</c:v>');
    expect(xml).toContain('<c:v>办结</c:v>');
  });
});
