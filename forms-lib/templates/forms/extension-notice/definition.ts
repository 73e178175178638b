/** 延期答复告知书, 第三十三条第二款: the head of the office agreed; the new reply date. */
import { defineForm } from '../../definition.ts';
import { OPENING, REGULATION, letterEnd, letterHead } from '../common.ts';

export default defineForm({
  id: 'extension-notice',
  zh: '政府信息公开申请延期答复告知书',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请延期答复告知书',
  extras: { reason: { zh: '延期理由', en: 'reason for the extension', default: '需要对申请公开的政府信息进行检索、审查' } },
  fits: { states: ['open', 'due-soon', 'extended'] },
  blocks: [
    ...letterHead('{office}政府信息公开申请延期答复告知书'),
    { t: 'para', text: OPENING },
    {
      t: 'para',
      text: `因{x.reason}，{self}无法在{replyDueBase}前作出答复。经{self}政府信息公开工作机构负责人同意，根据${REGULATION}第三十三条第二款的规定，答复期限延长{grantedExtensionDays}个工作日，{self}将于{extendedDue}前作出答复。`,
    },
    ...letterEnd(),
  ],
});
