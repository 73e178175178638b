import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { allText, input, standardChecks, writePdf } from '../../__tests__/helpers.ts';

describe('reply-disclose 答复书（予以公开）', () => {
  standardChecks('reply-disclose', {
    extra: { attachments: '2025年度专项资金分配结果' },
    expect: ['第三十六条第（二）项', '现将该政府信息提供给您（单位）（见附件）。', '附件：2025年度专项资金分配结果', '2026年10月9日'],
  });

  it('says how, where and when instead when the information is not attached', async () => {
    const r = await generateForm('reply-disclose', input({ docNumber: '楚商公开〔2026〕20号', extra: { how: '请于2026年10月16日到我局办公室（三楼）领取。' } }));
    const text = allText(writePdf(r.pdf, 'disclose-how'));
    expect(text).toContain('请您（单位）按以下方式、途径和时间获取：请于2026年10月16日到我局办公室（三楼）领取。');
    expect(text).not.toContain('见附件');
  });
});
