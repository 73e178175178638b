import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { allText, input, standardChecks, writePdf } from '../../__tests__/helpers.ts';

describe('review-form 主动公开政府信息审查表', () => {
  standardChecks('review-form', {
    // a 主动公开 review: the information, not the applicant; the opinions are dated by hand
    hides: ['applicant', 'today'],
    short: 'YSQ-2026-0042',
    kun: 'request',
    expect: ['楚雄州商务局主动公开政府信息审查表', '主动公开政府信息名称', '2025年度楚雄州商贸流通专项资金分配结果', 'YSQ-2026-0042', '市场建设科', '科室主动公开政府', '局领导审查意见'],
  });

  it('takes the name of the information from extra.infoName', async () => {
    const r = await generateForm('review-form', input({ extra: { infoName: '楚雄州商务局2026年行政许可事项目录' } }));
    const text = allText(writePdf(r.pdf, 'review-name'));
    expect(text).toContain('楚雄州商务局2026年行政许可事项目录');
    expect(text).not.toContain('专项资金');
  });
});
