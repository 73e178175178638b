/** 征求意见确认函: the third party's reply slip to the 征求意见书 (filled in by hand). */
import { defineForm } from '../../definition.ts';

export default defineForm({
  id: 'consultation-confirmation',
  zh: '政府信息公开申请征求意见确认函',
  kind: 'letter',
  needsDocNumber: false,
  metaTitle: '政府信息公开申请征求意见确认函',
  extras: {
    thirdParty: { zh: '第三方名称', en: 'the third party', required: true },
    consultationDocNumber: { zh: '征求意见书文号', en: 'document number of the 征求意见书' },
  },
  fits: { states: ['consulting'] },
  blocks: [
    { t: 'title', text: '政府信息公开申请征求意见确认函' },
    { t: 'para', text: '{office}：', indent: 0 },
    { t: 'para', text: '贵机关《政府信息公开申请征求意见书》（{x.consultationDocNumber}）收悉。', if: 'x.consultationDocNumber' },
    { t: 'para', text: '贵机关《政府信息公开申请征求意见书》收悉。', unless: 'x.consultationDocNumber' },
    { t: 'para', text: '关于{applicant}提出的政府信息公开申请（登记编号：{id}）所涉及的“{request}”，本单位（本人）意见如下：' },
    { t: 'para', text: '□同意公开' },
    { t: 'para', text: '□不同意公开，理由如下：' },
    { t: 'rules', count: 4 },
    { t: 'para', text: '意见人：{x.thirdParty}（签名或者盖章）', indent: 0 },
    { t: 'para', text: '联系电话：', indent: 0 },
    { t: 'para', text: '年　　月　　日', indent: 16 },
  ],
});
