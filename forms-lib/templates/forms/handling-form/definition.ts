/**
 * Seed 004 table: 依申请公开政府信息办理表 (第二十八条: the 承办科室 fills it in and returns it to
 * the 办公室). Rows and labels as in the seed; added rows: 所需信息 and the computed 答复期限.
 * The opinion cells are left for handwriting, each with its date line.
 */
import { defineForm } from '../../definition.ts';

const opinion = (label: string, height = 22) => ({
  height,
  cells: [{ width: 30, label }, { width: 126, value: '', dateLine: true }],
});

export default defineForm({
  id: 'handling-form',
  zh: '依申请公开政府信息办理表',
  kind: 'table',
  needsDocNumber: false,
  metaTitle: '{office}依申请公开政府信息办理表',
  extras: { receiver: { zh: '受理人', en: 'staff who received the application' } },
  fits: { always: true },
  blocks: [
    { t: 'title', text: '{office}依申请公开政府信息办理表' },
    {
      t: 'table',
      rows: [
        { height: 12, cells: [{ width: 30, label: '申请人名称' }, { width: 48, value: '{applicant}' }, { width: 30, label: '登记编号' }, { width: 48, value: '{id}' }] },
        { height: 14, cells: [{ width: 30, label: '受理人及受理时间' }, { width: 48, value: '{x.receiver?}　{receivedOn}' }, { width: 30, label: '承办科室' }, { width: 48, value: '{department?}' }] },
        { height: 36, cells: [{ width: 30, label: '所需信息' }, { width: 126, value: '{request}', long: true }] },
        { height: 12, cells: [{ width: 30, label: '答复期限' }, { width: 126, value: '{replyDue}' }] },
        opinion('科室承办人意见', 24),
        opinion('科室负责人意见'),
        opinion('办公室审查意见'),
        opinion('政策法规科审查意见'),
        opinion('局领导审查意见'),
        { height: 14, cells: [{ width: 30, label: '备注' }, { width: 126, value: '{note?}' }] },
      ],
    },
  ],
  acroFields: { 申请人名称: '{applicant}', 受理时间: '{receivedOn}' },
});
