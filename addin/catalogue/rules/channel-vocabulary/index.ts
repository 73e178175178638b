import { cellText, cellTextId, ownCol } from '../../model/catalogue.ts';
import { type RuleContext, defineRule } from '../../rule.ts';
import { type ParsedChannels, type SyntaxIssue, type Vocabulary, parseChannels, renderChannels, vocabulary } from '../../channels.ts';

const ISSUE_TEXT: Record<SyntaxIssue, { zh: string; en: string }> = {
  ocrBox: { zh: '「口」应为「□」', en: '"口" should be "□"' },
  lostBox: { zh: '「t」应为「■」', en: '"t" should be "■"' },
  altBox: { zh: '勾选框应写作「■」「□」', en: 'boxes should be written "■" / "□"' },
  spaceAfterBox: { zh: '勾选框与名称之间有空格', en: 'space between box and name' },
  spaceInName: { zh: '名称中间有空格或换行', en: 'space or line break inside a name' },
  halfWidthBracket: { zh: '名称中的括号、斜杠应为全角/标准写法', en: 'brackets and slashes in a name should be full-width / standard' },
  separator: { zh: '各项之间应以一个空格分隔', en: 'items should be separated by one space' },
  edgeSpace: { zh: '首尾有空格', en: 'leading or trailing space' },
  emptyBox: { zh: '有勾选框后面没有名称', en: 'a box with no name after it' },
};

/** The vocabulary without an office's extra names (most offices), built once: it compiles a pattern per name. */
const DEFAULT_VOCABULARY = vocabulary();

interface Parsed {
  p: ParsedChannels;
  /** renderChannels(p), written only when the cell has syntax issues (the one case that reads it) */
  canonical: string;
  /** nothing to report, whatever the rest of the catalogue looks like */
  quiet: boolean;
}

function parse(text: string, vocab: Vocabulary): Parsed {
  const p = parseChannels(text, vocab);
  const canonical = p.issues.length ? renderChannels(p) : '';
  const quiet =
    p.items.length > 0 &&
    !(p.issues.length && canonical !== text) &&
    p.items.every((it) => it.box !== 'none' && it.entry !== undefined && !(it.entry.kind === 'variant' && it.entry.standard)) &&
    p.items.some((it) => it.box === 'selected');
  return { p, canonical, quiet };
}

/**
 * 公开渠道和载体: ■/□ checkbox syntax and the channel vocabulary (national list of 13 items, known
 * local variants and additions, the office's extra names).
 */
export default defineRule({
  meta: {
    id: 'channel-vocabulary',
    type: 'problem',
    fixable: true,
    defaultSeverity: 'warning',
    docs: {
      zh: '公开渠道和载体应使用「■已选 □未选」勾选格式和国办标准指引中的渠道名称（政府网站、政府公报、两微一端……其他）',
      en: 'Channels should use the "■ selected □ not selected" checkbox syntax and the channel names of the national guidelines',
    },
    messages: {
      syntax: { zh: '渠道写法不规范：{detail}', en: 'Irregular channel syntax: {detailEn}' },
      missingBox: { zh: '渠道「{names}」前缺少勾选框「■」', en: 'Channel(s) "{names}" lack the "■" box' },
      variant: { zh: '渠道「{name}」是地方写法，国办标准指引写作「{standard}」', en: 'Channel "{name}" is a local wording; the national guidelines write "{standard}"' },
      unknown: { zh: '未识别的公开渠道「{name}」（不在国办标准指引和已知地方渠道中；如确属本地渠道，可在设置中加入）', en: 'Unknown channel "{name}" (not in the national list or known local channels; add it in the settings if it is a local channel)' },
      noneSelected: { zh: '没有勾选任何公开渠道（至少应有一项「■」）', en: 'No channel is selected (at least one "■" is required)' },
    },
  },
  check(ctx) {
    const col = ctx.cat.header.byField.channel;
    if (col === undefined) return;
    const vocab = ctx.options.extraChannels?.length ? vocabulary(ctx.options.extraChannels) : DEFAULT_VOCABULARY;
    // most cells repeat a few channel lists: parse each distinct text once (this call only), kept
    // by the text's id (model/catalogue.ts cellTextId), or by the text for a cell without one
    const parsedById: (Parsed | undefined)[] = new Array(ctx.cat.cells.textIds);
    const parsed = new Map<string, Parsed>();
    const cells: { row: number; text: string; p: ParsedChannels; canonical: string }[] = [];
    // the catalogue uses checkbox syntax when any of its channel cells has a box
    let boxStyle = false;
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = ctx.dataRows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const own = ownCol(r, 'channel');
      if (!own) continue;
      const id = cellTextId(r, own);
      let done = id ? parsedById[id] : undefined;
      if (!done) {
        const text = cellText(r, own);
        done = id ? undefined : parsed.get(text);
        if (!done) {
          done = parse(text, vocab);
          if (id) parsedById[id] = done;
          else parsed.set(text, done);
        }
      }
      if (done.p.hasBoxes) boxStyle = true;
      if (!done.quiet) cells.push({ row: r.row, text: cellText(r, own), p: done.p, canonical: done.canonical });
    }
    for (const cell of cells) reportCell(ctx, col, cell, boxStyle);
  },
});

/** The findings of one channel cell. (A function of its own: closures in check() would be rebuilt, and its compiled loop discarded, on every run.) */
function reportCell(ctx: RuleContext, col: number, { row, text, p, canonical }: { row: number; text: string; p: ParsedChannels; canonical: string }, boxStyle: boolean): void {
  if (!p.items.length) {
    // only boxes, or only separators: nothing is named, so nothing is selected
    ctx.report({ row, col, severity: 'error', messageId: 'noneSelected' });
    return;
  }
  if (p.issues.length && canonical !== text) {
    ctx.report({
      row,
      col,
      messageId: 'syntax',
      data: { detail: p.issues.map((i) => ISSUE_TEXT[i].zh).join('；'), detailEn: p.issues.map((i) => ISSUE_TEXT[i].en).join('; ') },
      // re-rendering a plain list would replace its separators: no fix there
      fix: p.hasBoxes || p.items.length === 1 ? { applicability: 'safe', edits: [{ row, col, set: canonical }] } : undefined,
    });
  }
  const unboxed = p.items.filter((it) => it.box === 'none');
  if (boxStyle && unboxed.length) {
    ctx.report({
      row,
      col,
      messageId: 'missingBox',
      data: { names: unboxed.map((it) => it.raw).join('、') },
      fix: { applicability: 'unsafe', edits: [{ row, col, set: renderChannels(p, { addMissingBoxes: true }) }] },
    });
  }
  p.items.forEach((it, i) => {
    if (!it.entry) {
      ctx.report({ row, col, messageId: 'unknown', data: { name: it.raw } });
    } else if (it.entry.kind === 'variant' && it.entry.standard) {
      ctx.report({
        row,
        col,
        severity: 'info',
        messageId: 'variant',
        data: { name: it.raw, standard: it.entry.standard },
        fix: { applicability: 'unsafe', edits: [{ row, col, set: renderChannels(p, { rename: new Set([i]) }) }] },
      });
    }
  });
  if (boxStyle && !unboxed.length && !p.items.some((it) => it.box === 'selected')) {
    ctx.report({ row, col, severity: 'error', messageId: 'noneSelected' });
  }
}
