import { describe } from 'vitest';
import { standardChecks } from '../../__tests__/helpers.ts';

describe('consultation-confirmation 征求意见确认函', () => {
  standardChecks('consultation-confirmation', {
    // the third party's reply slip: it cites the 征求意见书, not the receipt date, and the third party dates it by hand
    hides: ['receivedOn', 'today'],
    extra: { thirdParty: '楚雄某商贸有限公司', consultationDocNumber: '楚商公开〔2026〕8号' },
    expect: ['楚雄州商务局：', '贵机关《政府信息公开申请征求意见书》（楚商公开〔2026〕8号）收悉。', '□同意公开', '□不同意公开，理由如下：', '意见人：楚雄某商贸有限公司（签名或者盖章）'],
  });
});
