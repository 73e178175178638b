import { describe } from 'vitest';
import { standardChecks } from '../../__tests__/helpers.ts';

describe('reply-special-law 答复书（特别规定）', () => {
  standardChecks('reply-special-law', {
    extra: { law: '《不动产登记暂行条例》', where: '楚雄州不动产登记中心' },
    expect: ['属于工商、不动产登记资料等信息，《不动产登记暂行条例》对信息的获取有特别规定。', '第三十六条第（七）项', '向楚雄州不动产登记中心办理。'],
  });
});
