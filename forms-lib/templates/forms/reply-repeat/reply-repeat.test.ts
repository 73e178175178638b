import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { input, standardChecks } from '../../__tests__/helpers.ts';

describe('reply-repeat 答复书（重复申请）', () => {
  standardChecks('reply-repeat', {
    extra: { previousReplyOn: '2026-08-14', previousDocNumber: '楚商公开〔2026〕3号' },
    expect: ['我局已于2026年8月14日就您（单位）提出的相同政府信息公开申请作出答复（楚商公开〔2026〕3号）。', '第三十六条第（六）项', '不予重复处理'],
  });

  it('wants the earlier reply date as YYYY-MM-DD', async () => {
    await expect(generateForm('reply-repeat', input({ docNumber: '楚商公开〔2026〕41号', extra: { previousReplyOn: '8月14日' } }))).rejects.toThrow('previousReplyOn=「8月14日」不是日期（前次答复日期，应写作 YYYY-MM-DD，如 2026-10-16）');
  });
});
