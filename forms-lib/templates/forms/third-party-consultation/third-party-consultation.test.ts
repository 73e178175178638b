import { describe } from 'vitest';
import { standardChecks } from '../../__tests__/helpers.ts';

describe('third-party-consultation 征求意见书', () => {
  standardChecks('third-party-consultation', {
    provisional: ['（即2027年11月1日（暂定）前）'],
    extra: { thirdParty: '楚雄某商贸有限公司', involved: '企业经营数据' },
    expect: [
      '楚雄某商贸有限公司：',
      '该政府信息中的企业经营数据涉及贵方',
      '第三十二条',
      '自收到本征求意见书之日起15个工作日内（即2026年10月29日前）',
      '逾期未提出意见的',
      '附件：政府信息公开申请征求意见确认函',
      '特此函告。',
    ],
  });
});
