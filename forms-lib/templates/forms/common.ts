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

