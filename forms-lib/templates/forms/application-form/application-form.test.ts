import { describe } from 'vitest';
import { standardChecks } from '../../__tests__/helpers.ts';

describe('application-form 政府信息公开申请表（口头申请代填）', () => {
  standardChecks('application-form', {
    // written down by staff on receipt; the applicant signs and dates it by hand
    hides: ['today'],
    extra: { recorder: '王芳' },
    expect: ['楚雄州商务局政府信息公开申请表', '自然人', '居民身份证', '11010519491231002X', '13800138000', '楚雄市永安路8号', '675000', '2025年度楚雄州商贸流通专项资金分配结果', '邮寄', '纸质', '口头申请，工作人员代为填写', '2026年9月28日', '王芳', '申请人签名（盖章）'],
  });
});
