import { defineRule } from '../../rule.ts';
import { REQUIRED_COLUMNS } from '../../model/labels.ts';

export default defineRule({
  meta: {
    id: 'missing-column',
    type: 'problem',
    fixable: false,
    defaultSeverity: 'error',
    docs: { zh: '目录必须包含国办发〔2019〕54号要求的各要素列', en: 'The catalogue must have a column for every required element' },
    messages: {
      missing: { zh: '表头缺少「{name}」列', en: 'The header has no {nameEn} column' },
    },
  },
  check(ctx) {
    const h = ctx.cat.header;
    const present = new Set(h.columns.map((c) => c.field));
    for (const req of REQUIRED_COLUMNS) {
      if (req.anyOf.some((f) => present.has(f))) continue;
      ctx.report({ row: h.headerRows[0], col: 1, field: null, value: null, messageId: 'missing', data: { name: req.zh, nameEn: req.en } });
    }
  },
});
