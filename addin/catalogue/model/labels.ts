/**
 * Header labels of real catalogues mapped to canonical fields (domain.md §5).
 * Labels are compared after `normLabel`: whitespace removed, full-width brackets folded.
 */
import type { FieldId } from '../types.ts';

export function normLabel(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/【/g, '(')
    .replace(/】/g, ')');
}

const LEVEL_SUB: Record<string, FieldId> = {
  一级事项: 'level1',
  二级事项: 'level2',
  三级事项: 'level3',
  四级事项: 'level4',
  一级: 'level1',
  二级: 'level2',
  三级: 'level3',
  四级: 'level4',
};

/** Top (group or single) labels. */
export function topField(label: string): FieldId | 'group:items' | 'group:audience' | 'group:mode' | 'group:tier' | undefined {
  const l = normLabel(label);
  if (!l) return undefined;
  if (/^(序号|编号|序列号)$/.test(l)) return 'seq';
  if (LEVEL_SUB[l]) return LEVEL_SUB[l];
  if (/^(公开事项|事项名称|公开事项名称|事项)$/.test(l)) return 'group:items';
  if (/^(公开内容|内容)(\(要素\))?(及要求)?$/.test(l) || /^公开内容\(要素\)及要求$/.test(l) || /^公开要素$/.test(l)) return 'content';
  if (/^(公开)?依据$/.test(l)) return 'basis';
  if (/^(公开)?时限$/.test(l)) return 'deadline';
  if (/^(公开时长)$/.test(l)) return 'duration';
  if (/^(公开|责任)?主体$/.test(l) || l === '公开责任主体') return 'subject';
  if (/^(公开)?(渠道和载体|渠道|载体|渠道及载体|方式和渠道)$/.test(l)) return 'channel';
  if (/^(公开)?(对象|范围)$/.test(l)) return 'group:audience';
  if (/^公开方式$/.test(l)) return 'group:mode';
  if (/^公开方式(主动公开|主动)$/.test(l)) return 'modeActive';
  if (/^公开方式(依申请公开|依申请|申请)$/.test(l)) return 'modeOnRequest';
  if (/^(公开)?层级$/.test(l)) return 'group:tier';
  const sub = subField(l, undefined);
  if (sub && sub !== 'unknown') return sub;
  return undefined;
}

/** Sub labels under a group header (or standing alone in the second header row). */
export function subField(label: string, group: string | undefined): FieldId | undefined {
  const l = normLabel(label);
  if (!l) return undefined;
  if (LEVEL_SUB[l]) return LEVEL_SUB[l];
  if (/^(全社会|社会|社会公众|全体)$/.test(l)) return 'audienceAll';
  if (/^(特定群众|特定群体|特定对象|特定人群)$/.test(l)) return 'audienceSpecific';
  if (/^(主动|主动公开)$/.test(l)) return 'modeActive';
  if (/^(依申请公开|依申请|申请)$/.test(l)) return 'modeOnRequest';
  if (/^(.{0,6}[市县区乡镇村街](级|\(街\)级)?|.{1,4}、.{1,4}级|.*级.*)$/.test(l) && (group === 'group:tier' || /级$/.test(l))) return 'tier';
  return undefined;
}

/** Field ids a complete catalogue must have (any one of each group). */
export const REQUIRED_COLUMNS: { id: string; zh: string; en: string; anyOf: FieldId[] }[] = [
  { id: 'items', zh: '公开事项', en: 'item name (公开事项)', anyOf: ['level1', 'level2', 'level3', 'level4'] },
  { id: 'content', zh: '公开内容（要素）', en: 'content (公开内容)', anyOf: ['content'] },
  { id: 'basis', zh: '公开依据', en: 'legal basis (公开依据)', anyOf: ['basis'] },
  { id: 'deadline', zh: '公开时限', en: 'time limit (公开时限)', anyOf: ['deadline'] },
  { id: 'subject', zh: '公开主体', en: 'responsible body (公开主体)', anyOf: ['subject'] },
  { id: 'channel', zh: '公开渠道和载体', en: 'channels (公开渠道和载体)', anyOf: ['channel'] },
  { id: 'audience', zh: '公开对象', en: 'audience (公开对象)', anyOf: ['audienceAll', 'audienceSpecific', 'audience'] },
  { id: 'mode', zh: '公开方式', en: 'mode (公开方式)', anyOf: ['mode', 'modeActive', 'modeOnRequest'] },
];

export const FIELD_NAMES: Record<FieldId, { zh: string; en: string }> = {
  seq: { zh: '序号', en: 'number' },
  level1: { zh: '一级事项', en: 'level-1 item' },
  level2: { zh: '二级事项', en: 'level-2 item' },
  level3: { zh: '三级事项', en: 'level-3 item' },
  level4: { zh: '四级事项', en: 'level-4 item' },
  content: { zh: '公开内容', en: 'content' },
  basis: { zh: '公开依据', en: 'legal basis' },
  deadline: { zh: '公开时限', en: 'time limit' },
  subject: { zh: '公开主体', en: 'responsible body' },
  channel: { zh: '公开渠道和载体', en: 'channels' },
  audienceAll: { zh: '公开对象/全社会', en: 'audience: public' },
  audienceSpecific: { zh: '公开对象/特定群众', en: 'audience: specific groups' },
  audience: { zh: '公开对象', en: 'audience' },
  modeActive: { zh: '公开方式/主动', en: 'mode: proactive' },
  modeOnRequest: { zh: '公开方式/依申请公开', en: 'mode: on request' },
  mode: { zh: '公开方式', en: 'mode' },
  tier: { zh: '公开层级', en: 'level of government' },
  duration: { zh: '公开时长', en: 'duration' },
  unknown: { zh: '未识别列', en: 'unrecognised column' },
};
