import type { Finding, Message } from './types.ts';
import { allRules } from './rules/index.ts';

export type Locale = 'zh-CN' | 'en';

const ENGINE_MESSAGES: Record<string, Message> = {
  noHeader: {
    zh: '工作表「{sheet}」前 40 行中没有找到目录表头（应包含 序号、公开事项、公开内容、公开依据、公开时限 等列）',
    en: 'No catalogue header found in the first 40 rows of sheet "{sheet}" (expected columns such as 序号, 公开事项, 公开内容, 公开依据, 公开时限)',
  },
  emptySheet: { zh: '工作表「{sheet}」是空的', en: 'Sheet "{sheet}" is empty' },
  noItems: { zh: '工作表「{sheet}」的表头下（第 {row} 行起）没有任何事项', en: 'Sheet "{sheet}" has a header but no items below it (from row {row})' },
};

const byRule = new Map(allRules.map((r) => [r.meta.id, r.meta.messages]));

export function messageOf(f: Pick<Finding, 'ruleId' | 'messageId'>): Message | undefined {
  return byRule.get(f.ruleId)?.[f.messageId] ?? ENGINE_MESSAGES[f.messageId];
}

export function render(f: Pick<Finding, 'ruleId' | 'messageId' | 'data'>, locale: Locale = 'zh-CN'): string {
  const m = messageOf(f);
  if (!m) return `${f.ruleId}: ${f.messageId}`;
  const tpl = locale === 'en' ? m.en : m.zh;
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => (f.data[k] === undefined ? `{${k}}` : String(f.data[k])));
}
