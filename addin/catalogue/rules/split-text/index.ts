import { ownCell } from '../../model/catalogue.ts';
import { colLetters } from '../../grid.ts';
import { defineRule } from '../../rule.ts';
import type { FieldId } from '../../types.ts';

const OPENERS = '《〈（(「『【〔“';
const CLOSERS = '》〉）)」』】〕”';
const TERMINAL = /[。；;.!！?？）)」』》〕”…\d号条]$/;

function balance(s: string): number {
  let b = 0;
  for (const ch of s) {
    if (OPENERS.includes(ch)) b++;
    else if (CLOSERS.includes(ch)) b--;
  }
  return b;
}

/**
 * Text split across two rows at a page break (seed 001: 「…社」 / 「会评议…」): the cell after
 * a blank row continues, mid-sentence, the cell above the blank row.
 */
export default defineRule({
  meta: {
    id: 'split-text',
    type: 'layout',
    fixable: true,
    defaultSeverity: 'warning',
    docs: { zh: '分页处被截断成两行的文字，应合并回上面的单元格', en: 'Text cut in two at a page break should be joined back into the cell above' },
    messages: {
      split: {
        zh: '{cell}「{head}…」像是 {above}「…{tail}」被分页截断的后半段，建议合并',
        en: '{cell} "{head}…" looks like the rest of {above} "…{tail}", cut at a page break; join them',
      },
    },
  },
  check(ctx) {
    const { cat } = ctx;
    const fields: FieldId[] = ['content', 'basis'];
    for (let i = 1; i < cat.rows.length; i++) {
      const r = cat.rows[i];
      if (r.kind === 'blank' || cat.rows[i - 1].kind !== 'blank') continue;
      for (const f of fields) {
        const cur = ownCell(r, f);
        if (!cur) continue;
        // the nearest non-empty cell of this column above the blank rows
        let above;
        for (let j = i - 1; j >= 0 && !above; j--) above = ownCell(cat.rows[j], f);
        if (!above) continue;
        const a = above.text.trim();
        const b = cur.text.trim();
        const bracketSplit = balance(a) > 0 && balance(b) < 0;
        const sentenceSplit = r.kind !== 'item' && a.length >= 30 && !TERMINAL.test(a) && /^[\u4e00-\u9fff]/.test(b) && !/^(\d+[.．、]|[《〈])/.test(b);
        if (!bracketSplit && !sentenceSplit) continue;
        ctx.report({
          row: cur.row,
          col: cur.col,
          field: f,
          messageId: 'split',
          data: { cell: `${colLetters(cur.col)}${cur.row}`, above: `${colLetters(above.col)}${above.row}`, head: b.slice(0, 10), tail: a.slice(-10) },
          fix: {
            applicability: 'unsafe',
            edits: [
              { row: above.row, col: above.col, set: above.text.replace(/\s+$/, '') + cur.text.replace(/^\s+/, '') },
              { row: cur.row, col: cur.col, set: null },
            ],
          },
        });
      }
    }
  },
});
