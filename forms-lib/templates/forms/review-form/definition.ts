/**
 * 附件五 of seed 004: 主动公开政府信息审查表 — e.g. for information that was applied for and
 * should be made public (seed 第二十八条（四）; 条例第四十四条). Rows and labels as in the seed.
 * 主动公开政府信息名称: extra.infoName, else the request.
 */
import { defineForm } from '../../definition.ts';

const opinion = (label: string) => ({ height: 24, cells: [{ width: 30, label }, { width: 126, value: '', dateLine: true }] });

export default defineForm({
  id: 'review-form',
  zh: '主动公开政府信息审查表',
  kind: 'table',
  needsDocNumber: false,
  metaTitle: '{office}主动公开政府信息审查表',
  extras: {
    infoName: { zh: '主动公开政府信息名称', en: 'name of the information to publish (default: the request)' },
    receiver: { zh: '受理人', en: 'staff who received it' },
  },
  fits: { outcomes: ['disclose', 'partial'] },
  blocks: [
    { t: 'title', text: '{office}主动公开政府信息审查表' },
    {
      t: 'table',
      rows: [
        { height: 30, cells: [{ width: 30, label: '主动公开政府信息名称' }, { width: 70, value: '{infoName}', long: true }, { width: 22, label: '登记编号' }, { width: 34, value: '{id}' }] },
        { height: 14, cells: [{ width: 30, label: '受理人及受理时间' }, { width: 70, value: '{x.receiver?}　{receivedOn}' }, { width: 22, label: '主动公开科室' }, { width: 34, value: '{department?}' }] },
        opinion('科室主动公开政府信息人意见'),
        opinion('科室负责人审查意见'),
        opinion('办公室审查意见'),
        opinion('政策法规科审查意见'),
        opinion('局领导审查意见'),
        { height: 14, cells: [{ width: 30, label: '备注' }, { width: 126, value: '{note?}' }] },
      ],
    },
  ],
  acroFields: { 主动公开政府信息名称: '{infoName}' },
});
