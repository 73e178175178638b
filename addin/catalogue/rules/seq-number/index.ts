import { cellText, ownCol } from '../../model/catalogue.ts';
import { cellAt } from '../../grid.ts';
import { defineRule } from '../../rule.ts';

const DIGITS = /^\d+$/;

/** 序号: numbers in order, no gaps, no duplicates, no text. */
export default defineRule({
  meta: {
    id: 'seq-number',
    type: 'problem',
    fixable: false,
    defaultSeverity: 'error',
    docs: { zh: '序号应为从 1 开始连续、不重复的整数', en: 'Item numbers must be consecutive integers from 1 without duplicates' },
    messages: {
      gap: { zh: '序号从 {prev} 跳到 {n}，缺少 {missing}', en: 'Numbering jumps from {prev} to {n}; missing {missing}' },
      duplicate: { zh: '序号 {n} 重复（第 {first} 行已使用）', en: 'Number {n} is used twice (first on row {first})' },
      notNumber: { zh: '序号「{value}」不是整数', en: 'Number "{value}" is not an integer' },
    },
  },
  check(ctx) {
    const col = ctx.cat.header.byField.seq;
    if (col === undefined) return;
    let prev = 0;
    // the row each number was first seen on: numbers up to the row count (all of them, in a sound
    // catalogue) in a table, the others in a Map (a Map of 10,000 numbers grows its table ~14 times)
    const rows = ctx.cat.rows;
    const limit = rows.length + 1;
    const firstRow = new Int32Array(limit + 1);
    const seen = new Map<number, number>();
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const own = ownCol(r, 'seq');
      if (!own || (r.shift && r.shift.from <= col && r.shift.to >= col)) continue;
      const v = cellAt(ctx.cat.grid, r.row, own);
      let n: number;
      // (most cells hold a number: a non-negative integer is what its digits would parse to)
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e21) n = v + 0;
      else {
        const t = cellText(r, own).trim();
        if (!DIGITS.test(t)) {
          ctx.report({ row: r.row, col, messageId: 'notNumber', data: { value: t } });
          continue;
        }
        n = Number(t);
      }
      const first = n <= limit ? firstRow[n] || undefined : seen.get(n);
      if (first !== undefined) {
        ctx.report({ row: r.row, col, messageId: 'duplicate', data: { n, first } });
        continue;
      }
      if (n <= limit) firstRow[n] = r.row;
      else seen.set(n, r.row);
      if (n > prev + 1) {
        const missing = n - prev === 2 ? String(prev + 1) : `${prev + 1}–${n - 1}`;
        ctx.report({ row: r.row, col, severity: 'warning', messageId: 'gap', data: { prev, n, missing } });
      }
      if (n > prev) prev = n;
    }
  },
});
