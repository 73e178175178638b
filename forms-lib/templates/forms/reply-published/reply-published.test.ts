import { describe } from 'vitest';
import { standardChecks } from '../../__tests__/helpers.ts';

describe('reply-published 答复书（已主动公开）', () => {
  standardChecks('reply-published', {
    extra: { where: '楚雄州商务局门户网站“政府信息公开”专栏（www.cxsw.gov.cn）。' },
    expect: ['楚雄州商务局政府信息公开申请答复书', '我局于2026年9月28日收到您（单位）提出的政府信息公开申请', '第三十六条第（一）项', 'www.cxsw.gov.cn', '60日内', '6个月内', '特此告知。', '2026年10月9日'],
  });
});
