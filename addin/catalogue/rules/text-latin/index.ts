import { TEXT_FIELDS, cellFeatures, cellText, fieldSlot, ownColAt, rowTextFeatures } from '../../model/catalogue.ts';
import { F_HAN, F_LATIN } from '../../model/features.ts';
import { defineRule } from '../../rule.ts';

const TEXT_SLOTS = TEXT_FIELDS.map(fieldSlot);

/** Latin words that belong in Chinese government text. Compared lower-case. */
const KNOWN = new Set([
  'app', 'apps', 'wifi', 'wi-fi', 'email', 'e-mail', 'pdf', 'ofd', 'word', 'excel', 'ppt', 'wps', 'qq', 'tel', 'fax', 'www', 'http', 'https',
  'com', 'cn', 'gov', 'org', 'net', 'html', 'ios', 'android', 'iphone', 'wechat', 'weibo', 'pm', 'gdp', 'cpi', 'ppi', 'ppp', 'ca', 'gis', 'led', 'vr', 'ai', 'ip', 'id',
  'km', 'kg', 'kw', 'kwh', 'kv', 'mw', 'mg', 'ml', 'cm', 'mm', 'min', 'hz', 'mb', 'gb', 'tb',
]);
const URL = /(?:https?:\/\/|www\.)[^\s\u3000\u4e00-\u9fff，。；、）)》]+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s\u3000\u4e00-\u9fff，。；、）)》]*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const WORD = /[A-Za-z][A-Za-z'’-]*/g;
const HAN = /[\u4e00-\u9fff]/;
/** The first two characters of a WORD match. */
const WORD_START = /[A-Za-z][A-Za-z'’-]/;

export interface LatinWord {
  word: string;
  start: number;
  end: number;
}

/**
 * Latin words inside Chinese text that look like stray English (「许可办理流程 and 标准」).
 * Not: URLs and domains, acronyms in capitals (PPP, APP, OFD), single letters (乡村e镇, A级, B超),
 * letters next to digits (5G, PM2.5, 10kV), known words (App, WiFi, Excel).
 */
export function strayLatin(text: string): LatinWord[] {
  // a reportable word has two characters at least: skip the URL scan in the usual cell without one
  if (!WORD_START.test(text) || !HAN.test(text)) return [];
  const skip: [number, number][] = [];
  for (const m of text.matchAll(URL)) skip.push([m.index, m.index + m[0].length]);
  const out: LatinWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const start = m.index;
    const end = start + w.length;
    if (skip.some(([a, b]) => start >= a && start < b)) continue;
    if (w.length === 1) continue;
    if (w === w.toUpperCase()) continue;
    if (/[\d.]/.test(text[start - 1] ?? '') || /\d/.test(text[end] ?? '')) continue;
    if (KNOWN.has(w.toLowerCase())) continue;
    out.push({ word: w, start, end });
  }
  return out;
}

/** 「流程 and 标准」 -> 「流程和标准」: only an 'and' standing between two Chinese characters. */
export function replaceAnd(text: string): string {
  return text.replace(/([\u4e00-\u9fff])[\s\u3000]*\band\b[\s\u3000]*(?=[\u4e00-\u9fff])/gi, '$1和');
}

/** Stray English words in Chinese text (often left over from translation or typing). */
export default defineRule({
  meta: {
    id: 'text-latin',
    type: 'suggestion',
    fixable: true,
    defaultSeverity: 'warning',
    docs: {
      zh: '中文内容中夹杂的英文单词（网址、文号、单位、常见缩写如 PPP、APP 除外）',
      en: 'Stray English words in Chinese text (URLs, document numbers, units and common acronyms such as PPP, APP excepted)',
    },
    messages: {
      latin: { zh: '中文内容中夹有英文单词「{word}」', en: 'English word "{word}" inside Chinese text' },
      and: { zh: '中文内容中夹有英文单词「{word}」，应为「和」', en: 'English word "{word}" inside Chinese text; write 和' },
    },
  },
  check(ctx) {
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = ctx.dataRows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      // (no text cell of the row has the characters this rule looks for)
      if (!(rowTextFeatures(r) & F_LATIN)) continue;
      for (let k = 0; k < TEXT_SLOTS.length; k++) {
        const col = ownColAt(r, TEXT_SLOTS[k]);
        // (strayLatin's own first test, from the features the model found)
        if (!col || (cellFeatures(r, col) & (F_LATIN | F_HAN)) !== (F_LATIN | F_HAN)) continue;
        const text = cellText(r, col);
        const words = strayLatin(text);
        if (!words.length) continue;
        const withAnd = replaceAnd(text);
        for (const w of words) {
          const isAnd = w.word.toLowerCase() === 'and' && withAnd !== text;
          ctx.report({
            row: r.row,
            col,
            messageId: isAnd ? 'and' : 'latin',
            data: { word: w.word },
            fix: isAnd ? { applicability: 'unsafe', edits: [{ row: r.row, col, set: withAnd }] } : undefined,
          });
        }
      }
    }
  },
});
