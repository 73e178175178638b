/**
 * 附件一 of seed 004: 政府信息公开受理回执 — the 存根 (kept by the office) and the 受理通知书
 * (handed to the applicant) as two halves of one page. Wording verbatim from the seed (its
 * half-width punctuation written full-width); the reply days come from the office settings, and
 * three lines are added to each half: 登记编号 with the computed 答复期限 (「暂定」 when the
 * holiday schedule of that year is not yet published), and the request.
 */
import { defineForm, type Block } from '../../definition.ts';

const half = (title: string): Block[] => [
  { t: 'title', text: title },
  { t: 'docNumber', label: '编号：' },
  { t: 'para', text: '{applicant}：', indent: 0 },
  {
    t: 'para',
    text: '你（贵单位）提交的政府信息公开申请，已于{receivedOn}收悉并登记。在{replyDays}个工作日内{extensionClause}，你（贵单位）将收到有关政府信息公开的回复，也可主动与{self}联系。',
  },
  { t: 'para', text: '登记编号：{id}　答复期限：{replyDue}' },
  { t: 'para', text: '申请内容：{request}' },
  { t: 'para', text: '联系人：{contactPerson?}　电话：{contactPhone?}' },
  { t: 'signature' },
];

export default defineForm({
  id: 'receipt',
  zh: '政府信息公开受理回执',
  kind: 'slip',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开受理回执',
  addressee: '你（贵单位）',
  fits: { always: true },
  blocks: [...half('{office}政府信息公开受理回执（存根）'), { t: 'cut' }, ...half('{office}政府信息公开受理通知书')],
  acroFields: { 编号: '{docNumber}', 申请人: '{applicant}', 收到日期: '{receivedOn}', 答复期限: '{replyDue}', 登记编号: '{id}', 联系人: '{contactPerson?}', 电话: '{contactPhone?}', 日期: '{today}' },
  acroRequired: ['申请人', '收到日期'],
});
