import { type CatalogueRow, fieldSlot, hasResolved, hasResolvedAt, ownCol, resolvedCell } from '../../model/catalogue.ts';
import { defineRule } from '../../rule.ts';
import type { FieldId } from '../../types.ts';

interface Need {
  key: string;
  zh: string;
  en: string;
  anyOf: FieldId[];
}

const NEEDS: Need[] = [
  { key: 'content', zh: '公开内容', en: 'content', anyOf: ['content'] },
  { key: 'basis', zh: '公开依据', en: 'legal basis', anyOf: ['basis'] },
  { key: 'deadline', zh: '公开时限', en: 'time limit', anyOf: ['deadline'] },
  { key: 'subject', zh: '公开主体', en: 'responsible body', anyOf: ['subject'] },
  { key: 'channel', zh: '公开渠道和载体', en: 'channels', anyOf: ['channel'] },
  { key: 'audience', zh: '公开对象（至少勾选一项）', en: 'audience (at least one mark)', anyOf: ['audienceAll', 'audienceSpecific', 'audience'] },
  { key: 'mode', zh: '公开方式', en: 'mode', anyOf: ['mode', 'modeActive', 'modeOnRequest'] },
];

/**
 * Every item must carry all elements after inheritance from merged cells and the numbered
 * item above. Content may stand in 三级/四级事项 with 公开内容 blank (a common layout).
 */
export default defineRule({
  meta: {
    id: 'required-element',
    type: 'problem',
    fixable: false,
    defaultSeverity: 'error',
    docs: { zh: '每个事项都应有内容、依据、时限、主体、渠道、对象和方式', en: 'Every item needs content, basis, time limit, body, channels, audience and mode' },
    messages: {
      missing: { zh: '事项「{item}」缺少{name}', en: 'Item "{item}" has no {nameEn}' },
    },
  },
  check(ctx) {
    const { cat } = ctx;
    const shiftedGroups = new Set<number>();
    for (let i = 0; i < cat.rows.length; i++) if (cat.rows[i].shift && cat.rows[i].kind === 'item') shiftedGroups.add(cat.rows[i].row);
    // the needs whose columns the catalogue has (missing-column reports the others once), with the column to report at
    const needs = needsOf(cat.header.byField);
    // (indexed loops: this runs for every need of every row)
    const rows = ctx.dataRows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.kind === 'continuation' || (shiftedGroups.size && shiftedGroups.has(r.group))) continue;
      let item: string | undefined;
      for (let k = 0; k < needs.length; k++) {
        if (has(r, needs[k].slots)) continue;
        const { need, cols } = needs[k];
        if (need.key === 'content' && (ownCol(r, 'level3') || ownCol(r, 'level4') || hasResolved(r, 'level3') || hasResolved(r, 'level4'))) continue;
        item ??= (resolvedCell(r, 'level4') ?? resolvedCell(r, 'level3') ?? resolvedCell(r, 'level2') ?? resolvedCell(r, 'level1'))?.text.trim().slice(0, 20) ?? `第${r.row}行`;
        ctx.report({ row: r.row, col: cols[0], messageId: 'missing', data: { item, name: need.zh, nameEn: need.en } });
      }
    }
  },
});

/** Whether any of the fields holds a value after inheritance (resolved cells are never blank). */
function has(r: CatalogueRow, slots: readonly number[]): boolean {
  for (let i = 0; i < slots.length; i++) if (hasResolvedAt(r, slots[i])) return true;
  return false;
}

/** The table slots of each need's fields (fieldSlot), looked up once. */
const SLOTS = new Map(NEEDS.map((need) => [need, need.anyOf.map(fieldSlot)]));

/** The needs whose columns the catalogue has, each with its columns (the first is where to report) and its fields' slots. */
function needsOf(byField: Partial<Record<FieldId, number>>): { need: Need; cols: number[]; slots: number[] }[] {
  const out: { need: Need; cols: number[]; slots: number[] }[] = [];
  for (const need of NEEDS) {
    const cols = need.anyOf.map((f) => byField[f]).filter((c): c is number => c !== undefined);
    if (cols.length) out.push({ need, cols, slots: SLOTS.get(need)! });
  }
  return out;
}
