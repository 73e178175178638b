/** 告知书, 第三十六条第（六）项: a repeat of a request already answered; not handled again. */
import { defineForm } from '../../definition.ts';
import { REGULATION, replyLetter } from '../common.ts';

export default defineForm({
  id: 'reply-repeat',
  zh: '政府信息公开申请答复书（重复申请）',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请答复书',
  extras: {
    previousReplyOn: { zh: '前次答复日期', en: 'date of the earlier reply (YYYY-MM-DD)', required: true, type: 'date' },
    previousDocNumber: { zh: '前次答复文号', en: 'document number of the earlier reply' },
  },
  fits: { outcomes: ['not-handled-repeat'] },
  blocks: replyLetter([
    { t: 'para', text: '{self}已于{x.previousReplyOn}就您（单位）提出的相同政府信息公开申请作出答复（{x.previousDocNumber}）。', if: 'x.previousDocNumber' },
    { t: 'para', text: '{self}已于{x.previousReplyOn}就您（单位）提出的相同政府信息公开申请作出答复。', unless: 'x.previousDocNumber' },
    { t: 'para', text: `根据${REGULATION}第三十六条第（六）项的规定，您（单位）重复申请公开相同政府信息，{self}不予重复处理。` },
  ]),
});
