import { describe, expect, it } from 'vitest';
import { MissingInputError } from '../../errors.ts';
import { generateForm } from '../../generate.ts';
import { APP, input, standardChecks, words, writePdf } from '../../__tests__/helpers.ts';

describe('transfer-notice 申请转办通知单', () => {
  standardChecks('transfer-notice', {
    provisional: ['办理期限：2027年10月18日（暂定）前'],
    expect: [
      '楚雄州商务局政府信息公开申请转办通知单（存根）',
      '市场建设科：',
      '现将《楚雄州商务局政府信息公开申请表》及《楚雄州商务局依申请公开政府信息办理表》发送给你们，请在5个工作日内办理，并将办理结果报送办公室。',
      // 5 working days after 2026-10-09: 10-10 (调休 Saturday), 12, 13, 14, 15
      '办理期限：2026年10月15日前',
      '楚雄州商务局办公室',
      '编号：楚商公开转〔2026〕6号',
    ],
  });

  it('has the 存根 above the cut line and the 通知单 below, on one page', async () => {
    const r = await generateForm('transfer-notice', input({ docNumber: '楚商公开转〔2026〕9号' }));
    expect(r.pages).toBe(1);
    const ws = words(writePdf(r.pdf, 'transfer-halves'));
    const titles = ws.filter((w) => w.text.includes('转办通知单'));
    expect(titles.map((w) => w.y < 148.5)).toEqual([true, false]);
  });

  it('needs the 承办科室', async () => {
    const { department: _d, ...app } = APP;
    const p = generateForm('transfer-notice', input({ application: app, docNumber: '楚商公开转〔2026〕10号' }));
    await expect(p).rejects.toBeInstanceOf(MissingInputError);
    await expect(p).rejects.toThrow('「承办科室」（application.department）');
  });
});
