/**
 * Settings of the seed 004 office (楚雄州商务局政府信息公开管理制度): 15 + 15 working days
 * (第二十九条 and 附件一), the 承办科室 5 working days (附件二), 「我局」, the 办公室 as the
 * 政府信息公开工作机构 (第二十二条) and the 投诉 sentence of the 不予公开决定书 提示 (附件四).
 * Contact person, phone and address are not in the seed and are left out (the 受理回执 then
 * leaves 联系人 / 电话 blank for handwriting). The 文号 pattern is an example, not the seed's.
 */
import type { OfficeSettingsInput } from './settings.ts';

export const SEED_004_SETTINGS: OfficeSettingsInput = {
  office: { name: '楚雄州商务局', selfName: '我局', unit: '办公室' },
  docNumbers: { default: '楚商公开〔{year}〕{n}号' },
  deadlines: { replyDays: 15, extensionDays: 15, departmentDays: 5 },
  complaint: '你（贵单位）如果认为我局在政府信息公开工作中未尽职责的，可以依法向云南省商务厅、楚雄州人民政府监察部门或者楚雄州人民政府办公室投诉。',
};
