/** 信息处理费收费通知书: 第四十二条 and 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）. */
import { defineForm } from '../../definition.ts';
import { OPENING, REGULATION, letterEnd, letterHead } from '../common.ts';

export default defineForm({
  id: 'fee-notice',
  zh: '政府信息公开信息处理费收费通知书',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开信息处理费收费通知书',
  extras: {
    basis: { zh: '计费方式（按件或按量）', en: 'basis: 按件 (per request) or 按量 (by volume)', required: true },
    quantity: { zh: '计费数量', en: 'count, e.g. 第11件 or 共120页', required: true },
    amount: { zh: '收费金额（元）', en: 'amount in yuan', required: true, type: 'amount' },
    payment: { zh: '缴费方式', en: 'how to pay', required: true },
  },
  fits: { states: ['open', 'due-soon', 'extended'] },
  blocks: [
    ...letterHead('{office}政府信息公开信息处理费收费通知书'),
    { t: 'para', text: OPENING },
    {
      t: 'para',
      text: `经审查，您（单位）申请公开政府信息的数量、频次明显超过合理范围。根据${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，{self}决定收取信息处理费（计收方式：{x.basis}）：{x.quantity}，计人民币{x.amount}元。`,
    },
    { t: 'para', text: '请于{feeDue}前通过以下方式缴纳：{x.payment}。' },
    {
      t: 'para',
      text: '自本通知发出之日至您（单位）缴纳费用之日的期间，不计算在答复期限内。您（单位）逾期未缴纳的，视为放弃申请，{self}不再处理该政府信息公开申请。',
    },
    ...letterEnd(),
  ],
});
