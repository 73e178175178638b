/**
 * 附件二 of seed 004: 政府信息公开申请转办通知单 — 存根 + 通知单 on one page, to the 承办科室.
 * Seed wording verbatim (「5个工作日」 from settings.deadlines.departmentDays, 「办公室」 from
 * settings.office.unit); added lines: the computed due date, the applicant and 登记编号, the request.
 */
import { defineForm, type Block } from '../../definition.ts';

const half = (title: string): Block[] => [
  { t: 'title', text: title },
  { t: 'docNumber', label: '编号：' },
  { t: 'para', text: '{department}：', indent: 0 },
  {
    t: 'para',
    text: '现将《{office}政府信息公开申请表》及《{office}依申请公开政府信息办理表》发送给你们，请在{deptDays}个工作日内办理，并将办理结果报送{unit}。',
  },
  { t: 'para', text: '办理期限：{deptDue}前' },
  { t: 'para', text: '申请人：{applicant}　登记编号：{id}　收到日期：{receivedOn}' },
  { t: 'para', text: '所需信息：{request}' },
  { t: 'signature', issuer: '{office}{unit}' },
];

export default defineForm({
  id: 'transfer-notice',
  zh: '政府信息公开申请转办通知单',
  kind: 'slip',
  needsDocNumber: true,
  metaTitle: '{office}政府信息公开申请转办通知单',
  fits: { always: true },
  blocks: [...half('{office}政府信息公开申请转办通知单（存根）'), { t: 'cut' }, ...half('{office}政府信息公开申请转办通知单')],
  acroFields: { 承办科室: '{department}', 办理期限: '{deptDue}' },
  acroRequired: ['承办科室'],
});
