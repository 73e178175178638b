/** 答复书, 第三十六条第（四）项: after a search, the information does not exist. */
import { defineForm } from '../../definition.ts';
import { REGULATION, replyLetter } from '../common.ts';

export default defineForm({
  id: 'reply-not-exist',
  zh: '政府信息公开申请答复书（信息不存在）',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请答复书',
  extras: { search: { zh: '检索情况', en: 'how it was searched (optional)' } },
  fits: { outcomes: ['unable-not-held'] },
  blocks: replyLetter([
    { t: 'para', text: '{x.search}。', if: 'x.search' },
    { t: 'para', text: `经检索，{self}未制作或者获取您（单位）申请公开的政府信息。根据${REGULATION}第三十六条第（四）项的规定，告知您（单位）该政府信息不存在。` },
  ]),
});
