/** 征求意见书（给第三方）, 第三十二条: opinion within 15 working days, else the office decides. */
import { defineForm } from '../../definition.ts';
import { REGULATION, letterEnd } from '../common.ts';

export default defineForm({
  id: 'third-party-consultation',
  zh: '政府信息公开申请征求意见书',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请征求意见书',
  extras: {
    thirdParty: { zh: '第三方名称', en: 'the third party', required: true },
    involved: { zh: '涉及第三方的内容', en: 'the part concerning the third party', default: '相关内容' },
  },
  fits: { states: ['open', 'due-soon', 'consulting'] },
  blocks: [
    { t: 'title', text: '{office}政府信息公开申请征求意见书' },
    { t: 'docNumber' },
    { t: 'para', text: '{x.thirdParty}：', indent: 0 },
    { t: 'para', text: '{self}于{receivedOn}收到{applicant}提出的政府信息公开申请（登记编号：{id}），申请获取“{request}”。经审查，该政府信息中的{x.involved}涉及贵方，公开可能损害贵方的合法权益。' },
    {
      t: 'para',
      text: `根据${REGULATION}第三十二条的规定，现书面征求贵方意见。请贵方自收到本征求意见书之日起{consultDays}个工作日内（即{consultDue}前）提出是否同意公开的书面意见，不同意公开的请说明理由，并填写所附确认函寄回{self}。逾期未提出意见的，由{self}依照${REGULATION}的规定决定是否公开。`,
    },
    { t: 'para', text: '附件：政府信息公开申请征求意见确认函' },
    ...letterEnd('特此函告。'),
  ],
});
