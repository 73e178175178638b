import { textAt } from '../../grid.ts';
import { defineRule } from '../../rule.ts';
import type { FieldId } from '../../types.ts';

/** Columns whose cells hold a tick (or, for mode/audience, a tick or a word). */
const TICK_FIELDS: FieldId[] = ['audienceAll', 'audienceSpecific', 'modeActive', 'modeOnRequest', 'mode', 'tier', 'audience'];
const SPACE = /[\s\u3000\u00a0]/;
/** Glyphs and words that mean "ticked". */
const TICKS = new Set(['√', '✓', '✔', '☑', '■', '●', '是', 'Y', 'y']);
/** Values that mean "not ticked": the cell should simply be empty. */
const NEGATIVE = /^(否|无|不|不公开|×|✗|✘|x|X|n|N|-|—|－|\/|／|0)$/;
/** Words a single 公开方式 / 公开对象 text column may hold instead of a tick. */
const MODE_WORDS = /^(主动|主动公开|依申请|依申请公开|申请公开)([、，,/和及]+(主动|主动公开|依申请|依申请公开|申请公开))*$/;
const AUDIENCE_WORDS = /^(全社会|社会|社会公众|特定群众|特定群体|特定对象)([、，,/和及]+(全社会|社会|社会公众|特定群众|特定群体|特定对象))*$/;

/**
 * Tick columns (公开对象, 公开方式, 公开层级): one tick glyph throughout, the office's own
 * (options.mark, default √). Seed 001 mixes √ and ✓.
 */
export default defineRule({
  meta: {
    id: 'mark-normalize',
    type: 'suggestion',
    fixable: true,
    defaultSeverity: 'warning',
    docs: {
      zh: '公开对象、公开方式、公开层级等勾选列应统一使用同一个勾选符号（默认「√」），不勾选的留空',
      en: 'Tick columns (audience, mode, level) should use one tick mark throughout (default "√"); leave unticked cells empty',
    },
    messages: {
      normalize: { zh: '勾选符号「{from}」应统一为「{to}」', en: 'Tick "{from}" should be the office mark "{to}"' },
      negative: { zh: '勾选列中的「{value}」表示不勾选，应留空', en: '"{value}" in a tick column means "not ticked"; leave the cell empty' },
      notMark: { zh: '勾选列「{label}」中的「{value}」不是勾选符号（应为「{to}」或留空）', en: '"{value}" in tick column "{label}" is not a tick (use "{to}" or leave it empty)' },
    },
  },
  check(ctx) {
    const { cat, options } = ctx;
    const mark = options.mark;
    const cols = cat.header.columns.filter((c) => TICK_FIELDS.includes(c.field));
    if (!cols.length) return;
    // a catalogue that mixes glyphs (seed 001: √ and ✓) gets warnings; one that consistently uses
    // another glyph than the office's mark gets infos
    const glyphs = new Set<string>();
    // cells holding exactly the office's mark count as a glyph but need nothing else
    const plainMark = !SPACE.test(mark);
    // (whether a cell held exactly the office's mark: added to glyphs once, after the loop, not once per cell)
    let sawMark = false;
    const cells: { row: number; col: number; raw: string; v: string; field: FieldId; label: string }[] = [];
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = ctx.dataRows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      for (let k = 0; k < cols.length; k++) {
        const c = cols[k];
        const raw = textAt(cat.grid, r.row, c.col);
        if (raw === '') continue;
        if (raw === mark && plainMark) {
          sawMark = true;
          continue;
        }
        const v = SPACE.test(raw) ? raw.replace(/[\s\u3000\u00a0]+/g, '') : raw;
        if (!v) continue;
        cells.push({ row: r.row, col: c.col, raw, v, field: c.field, label: c.label });
        if (TICKS.has(v) || v === mark) glyphs.add(v);
      }
    }
    if (sawMark) glyphs.add(mark);
    const mixed = glyphs.size > 1;
    for (const c of cells) {
      if (TICKS.has(c.v) || c.v === mark) {
        if (c.raw === mark) continue;
        ctx.report({
          row: c.row,
          col: c.col,
          severity: mixed ? 'warning' : 'info',
          messageId: 'normalize',
          data: { from: c.raw, to: mark },
          fix: { applicability: 'safe', edits: [{ row: c.row, col: c.col, set: mark }] },
        });
        continue;
      }
      if (c.field === 'mode' && MODE_WORDS.test(c.v)) continue;
      if (c.field === 'audience' && AUDIENCE_WORDS.test(c.v)) continue;
      if (NEGATIVE.test(c.v)) {
        ctx.report({ row: c.row, col: c.col, messageId: 'negative', data: { value: c.v }, fix: { applicability: 'unsafe', edits: [{ row: c.row, col: c.col, set: null }] } });
        continue;
      }
      ctx.report({ row: c.row, col: c.col, messageId: 'notMark', data: { value: c.v.length > 20 ? `${c.v.slice(0, 20)}…` : c.v, label: c.label, to: mark } });
    }
  },
});
