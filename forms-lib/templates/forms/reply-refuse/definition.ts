/**
 * 答复书, 第三十六条第（三）项: not disclosed, with reasons. Without typed reasons the reason of the
 * record's 不予公开 outcome is used (第十四、十五、十六条, see REFUSAL_REASONS).
 */
import { defineForm } from '../../definition.ts';
import { REGULATION, replyLetter } from '../common.ts';

export default defineForm({
  id: 'reply-refuse',
  zh: '政府信息公开申请答复书（不予公开）',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请答复书',
  extras: { reasons: { zh: '不予公开的理由', en: 'reasons (default: from the record outcome)' } },
  fits: { outcomes: ['refuse-secret', 'refuse-law', 'refuse-safety', 'refuse-third-party', 'refuse-internal', 'refuse-process', 'refuse-enforcement'] },
  blocks: replyLetter([
    { t: 'para', text: '{refusalReason}。' },
    { t: 'para', text: `根据${REGULATION}第三十六条第（三）项的规定，{self}决定对您（单位）申请获取的政府信息不予公开。` },
  ]),
});
