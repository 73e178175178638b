import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { APP, allText, input, standardChecks, writePdf } from '../../__tests__/helpers.ts';

describe('extension-notice 延期答复告知书', () => {
  standardChecks('extension-notice', {
    provisional: ['无法在2027年10月22日（暂定）前作出', '将于2027年11月12日（暂定）前作出'],
    expect: [
      '因需要对申请公开的政府信息进行检索、审查，我局无法在2026年10月23日前作出答复。',
      '经我局政府信息公开工作机构负责人同意',
      '第三十三条第二款',
      '答复期限延长15个工作日，我局将于2026年11月13日前作出答复。',
    ],
  });

  it('uses the extension recorded in the register and marks a provisional date 「暂定」', async () => {
    const app = { ...APP, receivedOn: '2027-09-28' as const, extensionDays: 10 };
    const r = await generateForm('extension-notice', input({ application: app, today: '2027-10-15', docNumber: '楚商公开〔2027〕2号' }));
    expect(r.provisional).toBe(true);
    const text = allText(writePdf(r.pdf, 'extension-provisional'));
    expect(text).toContain('答复期限延长10个工作日');
    expect(text).toMatch(/我局将于2027年11月\d+日（暂定）前作出答复/);
  });
});
