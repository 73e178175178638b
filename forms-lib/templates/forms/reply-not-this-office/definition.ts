/** 答复书, 第三十六条第（五）项: not for this office to disclose; name the responsible office and its contact. */
import { defineForm } from '../../definition.ts';
import { REGULATION, replyLetter } from '../common.ts';

export default defineForm({
  id: 'reply-not-this-office',
  zh: '政府信息公开申请答复书（非本机关负责公开）',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请答复书',
  extras: {
    reason: { zh: '不属于本机关负责公开的理由', en: 'why it is not for this office', required: true },
    responsibleOffice: { zh: '负责公开的行政机关', en: 'the office responsible', required: true },
    responsibleContact: { zh: '该机关的联系方式', en: 'its contact details', required: true },
  },
  fits: { outcomes: ['unable-not-held'] },
  blocks: replyLetter([
    { t: 'para', text: '您（单位）申请获取的政府信息不属于{self}负责公开，理由如下：{x.reason}。' },
    { t: 'para', text: `根据${REGULATION}第三十六条第（五）项的规定，现告知您（单位）：该政府信息由{x.responsibleOffice}负责公开，联系方式：{x.responsibleContact}。` },
  ]),
});
