/**
 * 附件四 of seed 004: 政府信息不予公开决定书 with its 提示. Wording verbatim; the 提示 is the
 * office's complaint sentence (settings.complaint, the seed's names 云南省商务厅 etc.) followed by
 * the remedies clause for this form (settings.remedies['refusal-decision'], default: 60日 行政复议 /
 * 6个月 行政诉讼). Reasons typed in, or from the record's 不予公开 outcome.
 */
import { defineForm } from '../../definition.ts';

export default defineForm({
  id: 'refusal-decision',
  zh: '政府信息不予公开决定书',
  kind: 'letter',
  needsDocNumber: true,
  metaTitle: '{office}政府信息不予公开决定书',
  addressee: '你（贵单位）',
  thisDoc: '本决定',
  extras: { reasons: { zh: '不予公开的理由', en: 'reasons (default: from the record outcome)' } },
  fits: { outcomes: ['refuse-secret', 'refuse-law', 'refuse-safety', 'refuse-third-party', 'refuse-internal', 'refuse-process', 'refuse-enforcement'] },
  blocks: [
    { t: 'title', text: '{office}政府信息不予公开决定书' },
    { t: 'docNumber', label: '编号：' },
    { t: 'para', text: '{applicant}：', indent: 0 },
    { t: 'para', text: '你（贵单位）提出的政府信息公开申请（登记号：{id}），经审查，{self}决定不予公开。理由如下：' },
    { t: 'para', text: '{refusalReason}。' },
    { t: 'para', text: '提示：', indent: 0 },
    { t: 'para', text: '{complaint}', if: 'complaint' },
    { t: 'remedies' },
    { t: 'signature' },
  ],
  acroFields: { 理由: '{refusalReason}' },
});
