import { defineRule } from '../../rule.ts';

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
    const seen = new Map<number, number>();
    for (const r of ctx.cat.rows) {
      const cell = r.own.seq;
      if (!cell || (r.shift && r.shift.from <= col && r.shift.to >= col)) continue;
      const t = cell.text.trim();
      if (!/^\d+$/.test(t)) {
        ctx.report({ row: r.row, col, messageId: 'notNumber', data: { value: t } });
        continue;
      }
      const n = Number(t);
      const first = seen.get(n);
      if (first !== undefined) {
        ctx.report({ row: r.row, col, messageId: 'duplicate', data: { n, first } });
        continue;
      }
      seen.set(n, r.row);
      if (n > prev + 1) {
        const missing = n - prev === 2 ? String(prev + 1) : `${prev + 1}–${n - 1}`;
        ctx.report({ row: r.row, col, severity: 'warning', messageId: 'gap', data: { prev, n, missing } });
      }
      if (n > prev) prev = n;
    }
  },
});
