import { defineRule } from '../../rule.ts';

export default defineRule({
  meta: {
    id: 'unknown-column',
    type: 'suggestion',
    fixable: false,
    defaultSeverity: 'info',
    docs: { zh: '不认识的列会保留，但不参与校验', en: 'Unrecognised columns are kept but not checked' },
    messages: {
      unknown: { zh: '未识别的列「{label}」：已保留，不参与校验', en: 'Unrecognised column "{label}": kept, not checked' },
    },
  },
  check(ctx) {
    const h = ctx.cat.header;
    for (const c of h.columns) {
      if (c.field !== 'unknown') continue;
      ctx.report({ row: h.headerRows[0], col: c.col, field: 'unknown', messageId: 'unknown', data: { label: c.label } });
    }
  },
});
