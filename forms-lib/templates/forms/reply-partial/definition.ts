/** 答复书, 第三十七条 with 第三十六条第（二）（三）项: partly disclosed after 区分处理, reasons for the rest. */
import { defineForm } from '../../definition.ts';
import { REGULATION, replyLetter } from '../common.ts';

export default defineForm({
  id: 'reply-partial',
  zh: '政府信息公开申请答复书（部分公开）',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请答复书',
  extras: {
    withheld: { zh: '不予公开的部分', en: 'the part withheld', required: true },
    reasons: { zh: '不予公开的理由', en: 'reasons for withholding it (with the article)', required: true },
    attachments: { zh: '附件', en: 'attachments' },
  },
  fits: { outcomes: ['partial'] },
  blocks: replyLetter([
    { t: 'para', text: '您（单位）申请获取的政府信息中，{x.withheld}不予公开，理由如下：{x.reasons}。' },
    { t: 'para', text: `根据${REGULATION}第三十七条的规定，{self}对该政府信息作区分处理，现将可以公开的部分提供给您（单位）（见附件）。` },
    { t: 'para', text: '附件：{x.attachments}', if: 'x.attachments' },
  ]),
});
