/** 答复书, 第三十六条第（一）项: the information is already public; say where to get it. */
import { defineForm } from '../../definition.ts';
import { REGULATION, replyLetter } from '../common.ts';

export default defineForm({
  id: 'reply-published',
  zh: '政府信息公开申请答复书（已主动公开）',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请答复书',
  extras: { where: { zh: '获取方式、途径', en: 'where and how to get it (e.g. the web address)', required: true } },
  fits: { outcomes: ['disclose'] },
  blocks: replyLetter([
    { t: 'para', text: `您（单位）申请获取的政府信息已经主动公开。根据${REGULATION}第三十六条第（一）项的规定，您（单位）可以通过以下方式、途径获取该政府信息：{x.where}。` },
  ]),
});
