/**
 * 政府信息公开申请表 for an oral application written down by staff (条例第二十九条第一款: 「采用书面
 * 形式确有困难的，申请人可以口头提出，由受理该申请的政府信息公开工作机构代为填写」; seed 第十九条:
 * 「口头申请的，由我局接待人员当场记录」). Fields: the recommended modern set of domain.md §3
 * (no 用途 since 2019); the applicant signs to confirm.
 */
import { defineForm } from '../../definition.ts';

const pair = (l1: string, v1: string, l2: string, v2: string, height = 12) => ({
  height,
  cells: [{ width: 28, label: l1 }, { width: 50, value: v1 }, { width: 28, label: l2 }, { width: 50, value: v2 }],
});

export default defineForm({
  id: 'application-form',
  zh: '政府信息公开申请表（口头申请代填）',
  kind: 'table',
  needsDocNumber: false,
  metaTitle: '{office}政府信息公开申请表',
  extras: { recorder: { zh: '代填人', en: 'staff who wrote it down' } },
  fits: { channels: ['当面'], always: true },
  blocks: [
    { t: 'title', text: '{office}政府信息公开申请表' },
    {
      t: 'table',
      rows: [
        pair('申请人类型', '{applicantType}', '姓名或名称', '{applicant}'),
        pair('证件类型', '{idType?}', '证件号码', '{idNumber?}'),
        pair('联系电话', '{phone?}', '电子邮箱', '{email?}'),
        pair('通信地址', '{address?}', '邮政编码', '{postcode?}'),
        { height: 60, cells: [{ width: 28, label: '所需信息内容描述（名称、文号或者其他特征性描述）' }, { width: 128, value: '{request}', long: true }] },
        pair('获取方式', '{delivery?}', '载体形式', '{medium?}'),
        pair('申请方式', '口头申请，工作人员代为填写', '收到日期', '{receivedOn}'),
        pair('登记编号', '{id}', '代填人', '{x.recorder?}'),
        { height: 22, cells: [{ width: 28, label: '申请人确认' }, { width: 128, value: '以上内容经本人确认无误。申请人签名（盖章）：', valign: 'top', dateLine: true }] },
        { height: 14, cells: [{ width: 28, label: '备注' }, { width: 128, value: '{note?}' }] },
      ],
    },
  ],
  acroFields: { 姓名: '{applicant}', 证件号码: '{idNumber?}', 联系电话: '{phone?}', 通信地址: '{address?}' },
});
