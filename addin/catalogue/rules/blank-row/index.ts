import { defineRule } from '../../rule.ts';

export default defineRule({
  meta: {
    id: 'blank-row',
    type: 'layout',
    fixable: false,
    defaultSeverity: 'warning',
    docs: { zh: '表格中间的空行（常见于从 PDF 分页处复制）会打断合并单元格和筛选', en: 'Blank rows inside the table (often page breaks from a PDF) break merges and filters' },
    messages: {
      blank: { zh: '第 {row} 行是表格中间的空行（可能是分页造成），建议删除该行', en: 'Row {row} is blank inside the table (probably a page break); delete the row' },
    },
  },
  check(ctx) {
    const rows = ctx.cat.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.kind !== 'blank') continue;
      ctx.report({ row: r.row, col: 1, field: null, value: null, messageId: 'blank', data: { row: r.row } });
    }
  },
});
