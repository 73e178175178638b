/** Wording shared by the 2019 条例 letters (domain.md §3 skeletons). */
import type { Block } from '../definition.ts';

export const REGULATION = '《中华人民共和国政府信息公开条例》';

/** 「××：本机关于××××年××月××日收到您（单位）提出的政府信息公开申请，申请获取“……”。」 */
export const OPENING = '{self}于{receivedOn}收到您（单位）提出的政府信息公开申请（登记编号：{id}），申请获取“{request}”。';

export const letterHead = (title: string): Block[] => [
  { t: 'title', text: title },
  { t: 'docNumber' },
  { t: 'para', text: '{applicant}：', indent: 0 },
];

/** 特此告知, the issuer and date with the seal, and the contact note (附注) */
export const letterEnd = (closing = '特此告知。'): Block[] => [
  { t: 'para', text: closing },
  { t: 'signature' },
  { t: 'para', text: '（联系人：{contactPerson}，联系电话：{contactPhone?}）', if: 'contactPerson' },
];

/** A reply letter under 第三十六条: opening, the case, remedies, end. */
export const replyLetter = (body: Block[]): Block[] => [
  ...letterHead('{office}政府信息公开申请答复书'),
  { t: 'para', text: `${OPENING}经审查，现答复如下：` },
  ...body,
  { t: 'remedies' },
  ...letterEnd(),
];


/**
 * Words of the titles and table labels, for their line breaks (forms-lib/layout wordHints): a
 * title or label of several lines breaks between these, not inside one, where it can (GB/T 9704
 * 7.3.1 回行时词意完整). Substituted values (the office name) are kept whole the same way.
 */
export const LAYOUT_WORDS: readonly string[] = [
  // titles
  '政府信息公开', '政府信息', '依申请公开', '主动公开', '不予公开', '申请', '答复书', '告知书', '决定书', '通知书',
  '征求意见书', '确认函', '通知单', '办理表', '审查表', '申请表', '受理回执', '受理通知书', '转办', '补正', '延期答复',
  '信息处理费', '收费', '存根', '征求意见',
  // labels
  '申请人类型', '申请人', '姓名', '名称', '证件类型', '证件号码', '联系电话', '电子邮箱', '通信地址', '邮政编码',
  '所需信息', '内容描述', '文号', '或者', '其他', '特征性', '描述', '获取方式', '载体形式', '申请方式', '收到日期',
  '登记编号', '代填人', '确认', '备注', '答复期限', '受理人', '受理时间', '承办科室', '科室', '承办人', '负责人',
  '审查意见', '意见', '办公室', '政策法规科', '局领导',
];
