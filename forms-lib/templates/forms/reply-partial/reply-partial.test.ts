import { describe, expect, it } from 'vitest';
import { MissingInputError } from '../../errors.ts';
import { generateForm } from '../../generate.ts';
import { input, standardChecks } from '../../__tests__/helpers.ts';

describe('reply-partial 答复书（部分公开）', () => {
  standardChecks('reply-partial', {
    extra: { withheld: '企业银行账户信息', reasons: '属于商业秘密，公开会对第三方合法权益造成损害。' },
    expect: ['企业银行账户信息不予公开，理由如下：属于商业秘密', '第三十七条', '区分处理'],
  });

  it('needs the withheld part, naming extra.withheld', async () => {
    const p = generateForm('reply-partial', input({ docNumber: '楚商公开〔2026〕21号', extra: { reasons: '商业秘密' } }));
    await expect(p).rejects.toBeInstanceOf(MissingInputError);
    await expect(p).rejects.toThrow('缺少必填项「不予公开的部分」（extra.withheld）');
  });
});
