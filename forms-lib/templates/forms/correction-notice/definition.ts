/** 补正告知书, 第三十条: due within 7 working days of receipt; the items and a reasonable deadline. */
import { defineForm } from '../../definition.ts';
import { OPENING, REGULATION, letterEnd, letterHead } from '../common.ts';

export default defineForm({
  id: 'correction-notice',
  zh: '政府信息公开申请补正告知书',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请补正告知书',
  extras: {
    items: { zh: '需补正事项', en: 'what to supplement', required: true },
    supplementDue: { zh: '补正期限', en: 'deadline for the supplement (YYYY-MM-DD; default: settings.deadlines.supplementDays working days)', type: 'date' },
  },
  fits: { states: ['open', 'due-soon', 'overdue', 'awaiting-correction'] },
  blocks: [
    ...letterHead('{office}政府信息公开申请补正告知书'),
    { t: 'para', text: OPENING },
    { t: 'para', text: `经审查，您（单位）的申请内容不明确。根据${REGULATION}第三十条的规定，请您（单位）对以下事项作出补正：{x.items}。` },
    {
      t: 'para',
      text: '请于{supplementDue}前将补正后的申请提交{self}。答复期限自{self}收到补正的申请之日起计算。您（单位）无正当理由逾期不补正的，视为放弃申请，{self}不再处理该政府信息公开申请。',
    },
    { t: 'para', text: '通信地址：{officeAddress}　邮政编码：{officePostcode?}', if: 'officeAddress' },
    ...letterEnd(),
  ],
});
