import { cellKind } from '../../model/catalogue.ts';
import { colLetters } from '../../grid.ts';
import { FIELD_NAMES } from '../../model/labels.ts';
import { defineRule } from '../../rule.ts';
import type { Scalar } from '../../grid.ts';

/** Rows whose cells stand 1–5 columns away from where their content belongs. */
export default defineRule({
  meta: {
    id: 'row-shift',
    type: 'layout',
    fixable: true,
    defaultSeverity: 'error',
    docs: {
      zh: '整行或部分单元格错位（如依据落在内容列、时限落在主体列），按各列内容的特征判断应移动的方向和格数',
      en: 'Cells of a row stand one or more columns off, judged by what each column content looks like',
    },
    messages: {
      shifted: {
        zh: '第 {row} 行 {from}–{to} 列错位：内容应{dir}移 {n} 格（例如「{sample}」应在「{target}」列）',
        en: 'Row {row}, columns {from}–{to} are shifted: move them {n} column(s) {dirEn} (e.g. "{sample}" belongs under {targetEn})',
      },
      textInSeq: {
        zh: '序号列中是文字「{sample}」，看起来是「{target}」，应移到 {to} 列',
        en: 'The number column holds the text "{sample}", which looks like a {targetEn}; move it to column {to}',
      },
    },
  },
  check(ctx) {
    const { cat } = ctx;
    const rows = cat.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const s = r.shift;
      if (!s) continue;
      const row = cat.grid.values[r.row - 1] ?? [];
      const edits: { row: number; col: number; set: Scalar }[] = [];
      const moved = new Map<number, Scalar>();
      for (let c = s.from; c <= s.to; c++) moved.set(c + s.by, row[c - 1] ?? null);
      const lo = Math.min(s.from, s.from + s.by);
      const hi = Math.max(s.to, s.to + s.by);
      for (let c = lo; c <= hi; c++) {
        const now = row[c - 1] ?? null;
        const next = moved.has(c) ? moved.get(c)! : null;
        if ((now ?? '') !== (next ?? '')) edits.push({ row: r.row, col: c, set: next });
      }
      let sampleCol = s.from;
      for (let c = s.from; c <= s.to; c++)
        if (cellKind(r, c) !== 'empty' && cellKind(r, c) !== 'name') {
          sampleCol = c;
          break;
        }
      if (cellKind(r, sampleCol) === 'empty') sampleCol = s.from;
      const sample = String(row[sampleCol - 1] ?? '').slice(0, 16);
      const tf = cat.fieldOfCol[sampleCol + s.by];
      const target = tf ? FIELD_NAMES[tf] : { zh: '（无表头列）', en: 'an unlabelled column' };
      const fix = { applicability: s.safe ? ('safe' as const) : ('unsafe' as const), edits };
      if (s.from === s.to && cat.fieldOfCol[s.from] === 'seq') {
        ctx.report({ row: r.row, col: s.from, messageId: 'textInSeq', data: { sample, target: target.zh, targetEn: target.en, to: colLetters(s.from + s.by) }, fix });
        continue;
      }
      ctx.report({
        row: r.row,
        col: s.from,
        messageId: 'shifted',
        data: {
          row: r.row,
          from: colLetters(s.from),
          to: colLetters(s.to),
          n: Math.abs(s.by),
          dir: s.by < 0 ? '左' : '右',
          dirEn: s.by < 0 ? 'left' : 'right',
          sample,
          target: target.zh,
          targetEn: target.en,
        },
        fix,
      });
    }
  },
});
