/**
 * 附件三 of seed 004: 政府信息公开决定书. Wording verbatim (half-width punctuation of the web
 * copy written full-width; 「我局」 is settings.office.selfName). 公开时间、公开场所、公开方式 are
 * required (seed 第二十条、第二十八条（一）); 应支付的费用 defaults to 无. 公开的内容资料 may be attached.
 */
import { defineForm } from '../../definition.ts';

export default defineForm({
  id: 'disclosure-decision',
  zh: '政府信息公开决定书',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开决定书',
  addressee: '你（贵单位）',
  thisDoc: '本决定',
  extras: {
    time: { zh: '公开时间', en: 'when', required: true },
    place: { zh: '公开场所', en: 'where', required: true },
    method: { zh: '公开方式', en: 'how', required: true },
    fee: { zh: '应支付的费用', en: 'fee', default: '无' },
    content: { zh: '公开的内容资料', en: 'the disclosed content (attached)' },
  },
  fits: { outcomes: ['disclose', 'partial'] },
  blocks: [
    { t: 'title', text: '{office}政府信息公开决定书' },
    { t: 'docNumber', label: '编号：' },
    { t: 'para', text: '{applicant}：', indent: 0 },
    { t: 'para', text: '你（贵单位）提出的政府信息公开申请（登记号：{id}），经审查，{self}决定予以公开。请按照以下要求获取该政府信息：' },
    { t: 'para', text: '公开时间：{x.time}' },
    { t: 'para', text: '公开场所：{x.place}' },
    { t: 'para', text: '公开方式：{x.method}' },
    { t: 'para', text: '应支付的费用：{x.fee}' },
    { t: 'para', text: '附：公开的内容资料', if: 'x.content' },
    { t: 'para', text: '{x.content}', if: 'x.content' },
    { t: 'signature' },
  ],
  acroFields: { 公开时间: '{x.time}', 公开场所: '{x.place}', 公开方式: '{x.method}', 应支付的费用: '{x.fee}' },
});
