import { describe, expect, it } from 'vitest';
import { generateForm } from '../../generate.ts';
import { APP, allText, input, standardChecks, writePdf } from '../../__tests__/helpers.ts';

describe('refusal-decision 政府信息不予公开决定书', () => {
  standardChecks('refusal-decision', {
    // seed 004 附件四 wording: no receipt date
    hides: ['receivedOn'],
    extra: { reasons: '该政府信息属于国家秘密。' },
    long: { extra: 'reasons' },
    expect: [
      '楚雄州商务局政府信息不予公开决定书',
      '经审查，我局决定不予公开。理由如下：',
      '该政府信息属于国家秘密。',
      '提示：',
      '可以依法向云南省商务厅、楚雄州人民政府监察部门或者楚雄州人民政府办公室投诉。',
      '你（贵单位）如对本决定不服，可以自收到本决定之日起60日内',
    ],
  });

  it('without a complaint sentence in the settings the 提示 holds the remedies only', async () => {
    const { complaint: _c, ...settings } = input().settings as Record<string, unknown>;
    const r = await generateForm('refusal-decision', input({ settings: settings as never, application: { ...APP, outcome: 'refuse-secret' }, docNumber: '楚商公开〔2026〕60号' }));
    const text = allText(writePdf(r.pdf, 'refusal-nocomplaint'));
    expect(text).not.toContain('投诉');
    expect(text).toContain('提示：你（贵单位）如对本决定不服');
    expect(text).toContain('该政府信息属于国家秘密，根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。');
  });
});
