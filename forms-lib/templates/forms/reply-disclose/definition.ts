/** 答复书, 第三十六条第（二）项: the information can be disclosed; provide it or say how and when. */
import { defineForm } from '../../definition.ts';
import { REGULATION, replyLetter } from '../common.ts';

export default defineForm({
  id: 'reply-disclose',
  zh: '政府信息公开申请答复书（予以公开）',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请答复书',
  extras: {
    how: { zh: '获取的方式、途径和时间', en: 'how, where and when to get it (else: provided as attachment)' },
    attachments: { zh: '附件', en: 'attachments, e.g. 1.××文件' },
  },
  fits: { outcomes: ['disclose'] },
  blocks: replyLetter([
    { t: 'para', text: `您（单位）申请获取的政府信息属于可以公开的政府信息。根据${REGULATION}第三十六条第（二）项的规定，现将该政府信息提供给您（单位）（见附件）。`, unless: 'x.how' },
    { t: 'para', text: `您（单位）申请获取的政府信息属于可以公开的政府信息。根据${REGULATION}第三十六条第（二）项的规定，请您（单位）按以下方式、途径和时间获取：{x.how}。`, if: 'x.how' },
    { t: 'para', text: '附件：{x.attachments}', if: 'x.attachments' },
  ]),
});
