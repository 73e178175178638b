import { describe, expect, it } from 'vitest';
import { MissingInputError } from '../../errors.ts';
import { generateForm } from '../../generate.ts';
import { APP, allText, input, standardChecks, writePdf } from '../../__tests__/helpers.ts';

describe('reply-refuse 答复书（不予公开）', () => {
  standardChecks('reply-refuse', {
    extra: { reasons: '该政府信息属于行政机关内部事务信息。' },
    long: { extra: 'reasons' },
    expect: ['该政府信息属于行政机关内部事务信息。', '第三十六条第（三）项', '决定对您（单位）申请获取的政府信息不予公开', '60日内依法向行政复议机关申请行政复议'],
  });

  it('takes the reason from the record outcome when none is typed', async () => {
    const r = await generateForm('reply-refuse', input({ application: { ...APP, outcome: 'refuse-process' }, docNumber: '楚商公开〔2026〕30号' }));
    expect(allText(writePdf(r.pdf, 'refuse-outcome'))).toContain('讨论记录、过程稿、磋商信函、请示报告等过程性信息，根据《中华人民共和国政府信息公开条例》第十六条第二款的规定');
  });

  it('uses the office remedies wording for this reply type', async () => {
    const settings = { ...input().settings, remedies: { 'reply-refuse': '{addressee}如不服本答复，可以自收到之日起60日内向楚雄州人民政府申请行政复议。' } };
    const r = await generateForm('reply-refuse', input({ settings, extra: { reasons: '属于国家秘密。' }, docNumber: '楚商公开〔2026〕31号' }));
    const text = allText(writePdf(r.pdf, 'refuse-remedies'));
    expect(text).toContain('您（单位）如不服本答复，可以自收到之日起60日内向楚雄州人民政府申请行政复议。');
    expect(text).not.toContain('6个月内');
  });

  it('without reasons and without a 不予公开 outcome: a named error', async () => {
    const p = generateForm('reply-refuse', input({ docNumber: '楚商公开〔2026〕32号' }));
    await expect(p).rejects.toBeInstanceOf(MissingInputError);
    await expect(p).rejects.toThrow('extra.reasons');
  });
});
