import { describe } from 'vitest';
import { standardChecks } from '../../__tests__/helpers.ts';

describe('disclosure-decision 政府信息公开决定书', () => {
  standardChecks('disclosure-decision', {
    // seed 004 附件三 wording: no receipt date
    hides: ['receivedOn'],
    extra: { time: '2026年10月16日上午9时', place: '楚雄州商务局办公室（三楼）', method: '提供复印件', content: '2025年度专项资金分配结果一览表' },
    long: { extra: 'content' },
    expect: [
      '楚雄州商务局政府信息公开决定书',
      '你（贵单位）提出的政府信息公开申请（登记号：YSQ-2026-0042），经审查，我局决定予以公开。请按照以下要求获取该政府信息：',
      '公开时间：2026年10月16日上午9时',
      '公开场所：楚雄州商务局办公室（三楼）',
      '公开方式：提供复印件',
      '应支付的费用：无',
      '2026年10月9日',
    ],
  });
});
