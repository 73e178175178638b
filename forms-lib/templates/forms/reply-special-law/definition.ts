/** 答复书, 第三十六条第（七）项: 工商、不动产登记资料 etc.; apply under the special law. */
import { defineForm } from '../../definition.ts';
import { REGULATION, replyLetter } from '../common.ts';

export default defineForm({
  id: 'reply-special-law',
  zh: '政府信息公开申请答复书（特别规定）',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请答复书',
  extras: {
    category: { zh: '信息类别', en: 'kind of information', default: '工商、不动产登记资料等信息' },
    law: { zh: '有关法律、行政法规', en: 'the law or regulation with special access rules', required: true },
    where: { zh: '办理机关或途径', en: 'where to apply (optional)' },
  },
  fits: { outcomes: ['refuse-query'] },
  blocks: replyLetter([
    { t: 'para', text: '您（单位）申请获取的信息属于{x.category}，{x.law}对信息的获取有特别规定。' },
    { t: 'para', text: `根据${REGULATION}第三十六条第（七）项的规定，请您（单位）依照{x.law}的规定办理。`, unless: 'x.where' },
    { t: 'para', text: `根据${REGULATION}第三十六条第（七）项的规定，请您（单位）依照{x.law}的规定，向{x.where}办理。`, if: 'x.where' },
  ]),
});
