import { TEXT_FIELDS, cellFeatures, cellText, fieldSlot, ownColAt, rowTextFeatures } from '../../model/catalogue.ts';
import { F_SPACE } from '../../model/features.ts';
import { defineRule } from '../../rule.ts';

/** The table slots of the text columns (TEXT_FIELDS: channels and ticks have their own rules). */
const TEXT_SLOTS = TEXT_FIELDS.map(fieldSlot);

/**
 * Every run of whitespace that is not exactly one ASCII space becomes one space; the ends are
 * trimmed. A single space between items (「权责清单 运行流程图 廉政风险防控图」) is kept: real
 * catalogues use it as a list separator.
 */
export function normalizeWhitespace(s: string): string {
  return s.replace(/[\s\u3000\u00a0\ufeff]+/g, ' ').trim();
}

/** Stray whitespace in text cells: at the ends, runs of spaces, full-width spaces, line breaks. */
export default defineRule({
  meta: {
    id: 'text-whitespace',
    type: 'layout',
    fixable: true,
    defaultSeverity: 'warning',
    docs: {
      zh: '文字单元格首尾不应有空格，中间不应有连续空格、全角空格或换行（单个空格可作为并列项的分隔）',
      en: 'Text cells should have no leading/trailing spaces, runs of spaces, full-width spaces or line breaks (one space may separate listed items)',
    },
    messages: {
      lineBreak: { zh: '单元格内有换行，建议改为空格', en: 'Line break inside the cell; use a space' },
      edges: { zh: '单元格首尾有空格', en: 'Leading or trailing whitespace' },
      runs: { zh: '单元格内有连续空格', en: 'Several spaces in a row' },
      wideSpace: { zh: '单元格内有全角空格或不间断空格', en: 'Full-width or non-breaking space inside the cell' },
    },
  },
  check(ctx) {
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = ctx.dataRows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      // (no text cell of the row has the characters this rule looks for)
      if (!(rowTextFeatures(r) & F_SPACE)) continue;
      for (let k = 0; k < TEXT_SLOTS.length; k++) {
        const col = ownColAt(r, TEXT_SLOTS[k]);
        // a cell without a character normalizeWhitespace touches is left as it is
        if (!col || !(cellFeatures(r, col) & F_SPACE)) continue;
        const text = cellText(r, col);
        const fixed = normalizeWhitespace(text);
        if (fixed === text) continue;
        const messageId = /[\r\n\u2028\u2029]/.test(text)
          ? 'lineBreak'
          : /^[\s\u3000\u00a0\ufeff]|[\s\u3000\u00a0\ufeff]$/.test(text)
            ? 'edges'
            : /[\s\u3000\u00a0\ufeff]{2,}/.test(text)
              ? 'runs'
              : 'wideSpace';
        ctx.report({ row: r.row, col, messageId, fix: { applicability: 'safe', edits: [{ row: r.row, col, set: fixed }] } });
      }
    }
  },
});
