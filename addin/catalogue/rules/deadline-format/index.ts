import { cellFeatures, cellText, ownCol } from '../../model/catalogue.ts';
import { colLetters } from '../../grid.ts';
import { F_SPACE } from '../../model/features.ts';
import { defineRule } from '../../rule.ts';
import { type Deadline, compactDeadline, describeDeadline, parseDeadline } from '../../deadline.ts';

/** 《政府信息公开条例》第二十六条: 20 working days from the day the information is formed or changed. */
const LIMIT = 20;
/** Whitespace between CJK characters or digits. */
const SPACED = /[\u4e00-\u9fff\d][\s\u3000]+[\u4e00-\u9fff\d]/;
/** Forms that state no deadline at all. */
const VAGUE = new Set(['及时公开', '长期', '定期']);

/**
 * 公开时限: parsed into (trigger, N, unit) or a known qualitative form; unparseable phrases,
 * periods over the statutory 20 working days, 「同上」 and phrases without a start event.
 */
export default defineRule({
  meta: {
    id: 'deadline-format',
    type: 'problem',
    fixable: true,
    defaultSeverity: 'warning',
    docs: {
      zh: '公开时限应写明起算事件和期限，如「自该信息形成或者变更之日起20个工作日内」，且不超过条例第二十六条规定的20个工作日',
      en: 'A time limit should state its start event and period, e.g. 「自该信息形成或者变更之日起20个工作日内」, within the 20 working days of art. 26 of the Regulations',
    },
    messages: {
      unparsed: { zh: '无法识别的公开时限「{value}」（应如「自该信息形成或者变更之日起20个工作日内」）', en: 'Unrecognised time limit "{value}" (expected e.g. 「自该信息形成或者变更之日起20个工作日内」)' },
      overLimit: {
        zh: '公开时限 {n} 个工作日超过《中华人民共和国政府信息公开条例》第二十六条规定的 20 个工作日（如另有法律依据，请在时限中写明）',
        en: 'A time limit of {n} working days exceeds the 20 working days of art. 26 of the Regulations on Open Government Information (state the other law if one applies)',
      },
      sameAsAbove: { zh: '「同上」即 {above} 的「{resolved}」，建议直接写明', en: '"同上" (same as above) means "{resolved}" from {above}; write it out' },
      sameAsAboveMissing: { zh: '「同上」但上方没有可参照的公开时限', en: '"同上" (same as above) but there is no time limit above' },
      vague: { zh: '公开时限「{value}」没有明确期限，建议写明如「自该信息形成或者变更之日起20个工作日内」', en: 'Time limit "{value}" states no period; consider e.g. 「自该信息形成或者变更之日起20个工作日内」' },
      noTrigger: { zh: '公开时限「{value}」没有写明从何时起算（如「自该信息形成或者变更之日起」）', en: 'Time limit "{value}" does not say when the period starts (e.g. 「自该信息形成或者变更之日起」)' },
      spaced: { zh: '公开时限「{value}」中有多余的空格（多为 OCR 识别所致）', en: 'Time limit "{value}" has stray spaces (typically from OCR)' },
    },
  },
  check(ctx) {
    const col = ctx.cat.header.byField.deadline;
    if (col === undefined) return;
    // the text 「同上」 stands for: the last explicit time limit above
    // (two locals, not an object per row; row 0: none yet)
    let lastRow = 0;
    let lastText = '';
    // a catalogue repeats a few phrases: parse each distinct text once (this run only). The
    // parse of 「同上」 depends on the row above, but this rule reads only its form.
    const parsed = new Map<string, Deadline>();
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = ctx.dataRows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const own = ownCol(r, 'deadline');
      if (!own) continue;
      const text = cellText(r, own);
      const value = text.trim();
      let d = parsed.get(text);
      if (!d) parsed.set(text, (d = parseDeadline(text)));
      if (d.kind === 'unparsed') {
        ctx.report({ row: r.row, col, messageId: 'unparsed', data: { value } });
        lastRow = r.row;
        lastText = value;
        continue;
      }
      if (d.kind === 'qualitative' && d.form === '同上') {
        if (!lastRow) ctx.report({ row: r.row, col, messageId: 'sameAsAboveMissing' });
        else
          ctx.report({
            row: r.row,
            col,
            severity: 'info',
            messageId: 'sameAsAbove',
            data: { resolved: lastText, above: `${colLetters(col)}${lastRow}` },
            fix: { applicability: 'unsafe', edits: [{ row: r.row, col, set: lastText }] },
          });
        continue;
      }
      lastRow = r.row;
      lastText = value;
      // whitespace between CJK characters or digits: 「制 定 或 获 取 信 息之日起 10 个 工作日内」
      if (cellFeatures(r, own) & F_SPACE && SPACED.test(value)) {
        ctx.report({ row: r.row, col, severity: 'info', messageId: 'spaced', data: { value }, fix: { applicability: 'safe', edits: [{ row: r.row, col, set: compactDeadline(text) }] } });
      }
      if (d.kind === 'relative') {
        if (d.unit === '工作日' && d.n > LIMIT && !d.citesLaw) ctx.report({ row: r.row, col, messageId: 'overLimit', data: { n: d.n, value } });
        if (!d.trigger) ctx.report({ row: r.row, col, severity: 'info', messageId: 'noTrigger', data: { value } });
      } else if (VAGUE.has(d.form)) {
        ctx.report({ row: r.row, col, severity: 'info', messageId: 'vague', data: { value, form: describeDeadline(d) } });
      }
    }
  },
});
