import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { input, standardChecks } from '../../__tests__/helpers.ts';

describe('reply-not-this-office 答复书（非本机关负责公开）', () => {
  standardChecks('reply-not-this-office', {
    extra: { reason: '该信息由楚雄州财政局制作并保存。', responsibleOffice: '楚雄州财政局', responsibleContact: '0878-3122000，楚雄市鹿城北路2号' },
    expect: ['不属于我局负责公开，理由如下：该信息由楚雄州财政局制作并保存。', '第三十六条第（五）项', '该政府信息由楚雄州财政局负责公开，联系方式：0878-3122000，楚雄市鹿城北路2号。'],
  });

  it('needs the responsible office', async () => {
    const p = generateForm('reply-not-this-office', input({ docNumber: '楚商公开〔2026〕40号', extra: { reason: 'x', responsibleContact: 'y' } }));
    await expect(p).rejects.toThrow('缺少必填项「负责公开的行政机关」（extra.responsibleOffice）');
  });
});
