import { TEXT_FIELDS, cellFeatures, cellText, fieldSlot, ownColAt, rowTextFeatures } from '../../model/catalogue.ts';
import { F_ASCII_MARK, F_HAN } from '../../model/features.ts';
import { defineRule } from '../../rule.ts';
import { findDocNumbers } from '../../citations.ts';

const TEXT_SLOTS = TEXT_FIELDS.map(fieldSlot);
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };
/** Chinese characters and CJK punctuation (incl. curly quotes and the dash used in Chinese text). */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201d\u2014\u2026]/;
const HAN = /[\u4e00-\u9fff]/;
/** The half-width marks this rule converts. */
const ASCII_MARK = /[,;:?!().]/;
const URL = /(?:https?:\/\/|www\.)[^\s\u3000\u4e00-\u9fff，。；、）》]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export interface HalfWidth {
  at: number;
  ch: string;
}

/**
 * ASCII punctuation standing in Chinese text: , ; : ? ! after a Chinese character or CJK
 * punctuation; ( ) around or next to Chinese text; . between two Chinese characters. Not inside
 * URLs, and not the year brackets of a 文号 (basis-citation fixes those to 〔〕).
 */
export function halfWidthPunctuation(text: string): HalfWidth[] {
  // most cells hold none of the marks: skip the URL and 文号 scans
  if (!ASCII_MARK.test(text) || !HAN.test(text)) return [];
  const skip = new Set<number>();
  for (const m of text.matchAll(URL)) for (let i = m.index; i < m.index + m[0].length; i++) skip.add(i);
  for (const d of findDocNumbers(text)) for (let i = d.start; i < d.end; i++) skip.add(i);
  // parentheses first: a converted ） counts as Chinese punctuation for a ; after it
  const opens: number[] = [];
  const parens: { at: number; ch: string; mate?: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (skip.has(i)) continue;
    if (text[i] === '(') {
      opens.push(parens.length);
      parens.push({ at: i, ch: '(' });
    } else if (text[i] === ')') {
      const o = opens.pop();
      const k = parens.length;
      parens.push({ at: i, ch: ')', ...(o !== undefined ? { mate: o } : {}) });
      if (o !== undefined) parens[o].mate = k;
    }
  }
  const out: HalfWidth[] = [];
  for (const p of parens) {
    let chinese: boolean;
    if (p.mate !== undefined) {
      const a = Math.min(p.at, parens[p.mate].at);
      const b = Math.max(p.at, parens[p.mate].at);
      chinese = HAN.test(text.slice(a + 1, b)) || CJK.test(text[a - 1] ?? '') || CJK.test(text[b + 1] ?? '');
    } else {
      chinese = CJK.test(text[p.at - 1] ?? '') || CJK.test(text[p.at + 1] ?? '');
    }
    if (chinese) out.push(p);
  }
  const converted = new Set(out.map((p) => p.at));
  const prevIsChinese = (i: number) => {
    let p = i - 1;
    while (p >= 0 && /[ \t]/.test(text[p])) p--;
    return p >= 0 && (CJK.test(text[p]) || converted.has(p));
  };
  const nextChar = (i: number) => {
    let p = i + 1;
    while (p < text.length && /[ \t]/.test(text[p])) p++;
    return text[p] ?? '';
  };
  for (let i = 0; i < text.length; i++) {
    if (skip.has(i)) continue;
    const ch = text[i];
    if (',;:?!'.includes(ch)) {
      if (prevIsChinese(i) && !/[A-Za-z]/.test(nextChar(i))) out.push({ at: i, ch });
    } else if (ch === '.') {
      if (HAN.test(text[i - 1] ?? '') && HAN.test(text[i + 1] ?? '')) out.push({ at: i, ch });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

export function toFullWidth(text: string, marks: readonly HalfWidth[]): string {
  const chars = text.split('');
  for (const m of marks) chars[m.at] = FULL[m.ch];
  return chars.join('');
}

/** Half-width (ASCII) punctuation in Chinese text. */
export default defineRule({
  meta: {
    id: 'text-punctuation',
    type: 'suggestion',
    fixable: true,
    defaultSeverity: 'warning',
    docs: {
      zh: '中文内容应使用全角标点（，；：（）），不应混用半角的 , ; : ( )',
      en: 'Chinese text takes full-width punctuation (，；：（）), not ASCII , ; : ( )',
    },
    messages: {
      halfWidth: { zh: '中文内容中有 {count} 处半角标点（{chars}），应为全角', en: '{count} half-width punctuation mark(s) in Chinese text ({chars}); use full-width' },
    },
  },
  check(ctx) {
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = ctx.dataRows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      // (no text cell of the row has the characters this rule looks for)
      if (!(rowTextFeatures(r) & F_ASCII_MARK)) continue;
      for (let k = 0; k < TEXT_SLOTS.length; k++) {
        const col = ownColAt(r, TEXT_SLOTS[k]);
        // (halfWidthPunctuation's own first test, from the features the model found)
        if (!col || (cellFeatures(r, col) & (F_ASCII_MARK | F_HAN)) !== (F_ASCII_MARK | F_HAN)) continue;
        const text = cellText(r, col);
        const marks = halfWidthPunctuation(text);
        if (!marks.length) continue;
        const chars = [...new Set(marks.map((m) => m.ch))].map((ch) => `「${ch}」`).join('');
        ctx.report({
          row: r.row,
          col,
          messageId: 'halfWidth',
          data: { count: marks.length, chars },
          fix: { applicability: 'unsafe', edits: [{ row: r.row, col, set: toFullWidth(text, marks) }] },
        });
      }
    }
  },
});
