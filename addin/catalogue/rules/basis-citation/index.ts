import { cellFeatures, type CellRef, cellText, cellTextId, ownCell, ownCol } from '../../model/catalogue.ts';
import { F_ARABIC_DI, F_LIST, F_UNBALANCED, F_YEAR_OPEN, textFeatures } from '../../model/features.ts';
import { type RuleContext, defineRule } from '../../rule.ts';
import { type DocNumber, type TextChange, applyChanges, arabicArticles, bracketImbalances, findDocNumbers, listMarkers, missingSeparator } from '../../citations.ts';

interface Problem {
  messageId: string;
  data: Record<string, string | number>;
  severity?: 'error' | 'warning' | 'info';
  /** the change this problem asks for (none for 《》 imbalance) */
  change?: TextChange & { safe: boolean };
}

const STYLE_NAMES: Record<string, string> = { '.': '1.', '．': '1．', '、': '1、' };
// (compiled once: a regex literal in a function body is a new object each time it runs)
const LEADING_ZERO = /^0\d/;
const SPACE = /[\s\u3000]/;

/**
 * Problems in one 公开依据 cell, each with its text change (`docs`: its findDocNumbers, `f`: its
 * textFeatures, when known; a check whose characters the text lacks is skipped).
 */
export function basisProblems(text: string, docs: readonly DocNumber[] = findDocNumbers(text), f: number = textFeatures(text)): Problem[] {
  const out: Problem[] = [];
  if (f & F_UNBALANCED) for (const b of bracketImbalances(text)) {
    out.push({ messageId: 'unbalanced', data: { open: b.open, close: b.close, opens: b.opens, closes: b.closes } });
  }
  for (const d of docs) {
    // a 文号 written the standard way (国办发〔2017〕47号) has nothing to report
    if (d.open === '〔' && d.close === '〕' && !d.hasDi && d.hasHao && !LEADING_ZERO.test(d.numberText) && !SPACE.test(d.raw)) continue;
    const year = `〔${d.year}〕`;
    const num = String(d.number);
    const fixedNoHao = `${year}${num}`;
    const docNo = `${d.prefix}${d.raw}`;
    const safe = { start: d.start, end: d.end, text: d.hasHao ? `${fixedNoHao}号` : fixedNoHao, safe: true };
    if (d.open !== '〔' || d.close !== '〕') out.push({ messageId: 'docBrackets', data: { docNo, found: `${d.open}${d.year}${d.close}`, fixed: year }, change: safe });
    if (d.hasDi) out.push({ messageId: 'docDi', severity: 'error', data: { docNo, fixed: `${d.prefix}${safe.text}` }, change: safe });
    if (LEADING_ZERO.test(d.numberText)) out.push({ messageId: 'docZero', data: { docNo, found: d.numberText, fixed: num }, change: safe });
    if (SPACE.test(d.raw) && !out.some((p) => p.change === safe)) out.push({ messageId: 'docSpace', data: { docNo, fixed: `${d.prefix}${safe.text}` }, change: safe });
    if (!d.hasHao) out.push({ messageId: 'docHao', data: { docNo, fixed: `${d.prefix}${fixedNoHao}号` }, change: { start: d.start, end: d.end, text: `${fixedNoHao}号`, safe: false } });
  }
  const markers = f & F_LIST ? listMarkers(text) : [];
  if (markers.length) {
    const styles = [...new Set(markers.map((m) => m.style))];
    if (styles.length > 1) {
      for (const m of markers) {
        if (m.style === '.') continue;
        out.push({
          messageId: 'mixedMarkers',
          data: { styles: styles.map((s) => STYLE_NAMES[s]).join(' / '), n: m.n },
          change: { start: m.styleAt, end: m.styleAt + 1, text: '.', safe: false },
        });
      }
    }
    for (const m of markers.slice(1)) {
      const ch = missingSeparator(text, m);
      if (ch) out.push({ messageId: 'missingSemicolon', data: { n: m.n }, change: { ...ch, safe: false } });
    }
  }
  if (f & F_ARABIC_DI) for (const a of arabicArticles(text)) out.push({ messageId: 'arabicArticle', data: { found: a.raw, fixed: a.fixed }, change: { start: a.start, end: a.end, text: a.fixed, safe: false } });
  return out;
}

/**
 * 公开依据: balanced 《》, 文号 written 国办发〔2017〕47号, numbered lists 「1.…；2.…」, articles 第二十条.
 */
export default defineRule({
  meta: {
    id: 'basis-citation',
    type: 'problem',
    fixable: true,
    defaultSeverity: 'warning',
    docs: {
      zh: '公开依据的引用格式：书名号成对，文号写作「国办发〔2017〕47号」（六角括号、无「第」、无前导零、以「号」结尾），多条依据写作「1.…；2.…」，条文写作「第二十条」',
      en: 'Citation format in 公开依据: paired 《》, document numbers like 「国办发〔2017〕47号」, lists 「1.…；2.…」, articles 「第二十条」',
    },
    messages: {
      unbalanced: { zh: '括号不成对：「{open}」{opens} 个，「{close}」{closes} 个', en: 'Unbalanced brackets: {opens} "{open}" but {closes} "{close}"' },
      docBrackets: { zh: '文号「{docNo}」的年份应使用六角括号：「{found}」→「{fixed}」', en: 'Document number "{docNo}": the year takes tortoise-shell brackets, "{found}" → "{fixed}"' },
      docDi: { zh: '文号「{docNo}」中不应有「第」，应为「{fixed}」', en: 'Document number "{docNo}" must not contain 第; write "{fixed}"' },
      docZero: { zh: '文号「{docNo}」的序号不应有前导零：「{found}」→「{fixed}」', en: 'Document number "{docNo}" has leading zeros: "{found}" → "{fixed}"' },
      docSpace: { zh: '文号「{docNo}」中有空格，应为「{fixed}」', en: 'Document number "{docNo}" contains spaces; write "{fixed}"' },
      docHao: { zh: '文号「{docNo}」应以「号」结尾：「{fixed}」', en: 'Document number "{docNo}" should end in 号: "{fixed}"' },
      mixedMarkers: { zh: '同一单元格中的序号写法不一致（{styles}），第 {n} 项应写作「{n}.」', en: 'Mixed list markers in one cell ({styles}); item {n} should be "{n}."' },
      missingSemicolon: { zh: '第 {n} 项依据前缺少分隔符「；」', en: 'Missing "；" before item {n}' },
      arabicArticle: { zh: '条文序号应使用汉字：「{found}」→「{fixed}」', en: 'Article numbers are written in Chinese numerals: "{found}" → "{fixed}"' },
    },
  },
  check(ctx) {
    const col = ctx.cat.header.byField.basis;
    if (col === undefined) return;
    // cells citing the same documents the same way are checked once (this run only): by the
    // text's id (model/catalogue.ts cellTextId), or by the text for a cell without one
    const byId: (Problem[] | undefined)[] = new Array(ctx.cat.cells.textIds);
    const byText = new Map<string, Problem[]>();
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = ctx.dataRows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const own = ownCol(r, 'basis');
      if (!own) continue;
      // no year bracket, unbalanced bracket, list marker or 第 + digit: nothing to report
      const f = cellFeatures(r, own);
      if (!(f & (F_YEAR_OPEN | F_UNBALANCED | F_LIST | F_ARABIC_DI))) continue;
      const id = cellTextId(r, own);
      let problems = id ? byId[id] : undefined;
      if (!problems) {
        const text = cellText(r, own);
        problems = id ? undefined : byText.get(text);
        if (!problems) {
          problems = basisProblems(text, ctx.memo(findDocNumbers, text, id), f);
          if (id) byId[id] = problems;
          else byText.set(text, problems);
        }
      }
      if (!problems.length) continue;
      reportCell(ctx, ownCell(r, 'basis')!, col, problems);
    }
  },
});

/**
 * One fix per problem, but each also carries every safe change of the cell (and the unsafe ones
 * of its own kind), so a cell is done in one or two passes, not one per 文号. (A function of its
 * own: closures in check() would be rebuilt, and its compiled loop discarded, on every run.)
 */
function reportCell(ctx: RuleContext, c: CellRef, col: number, problems: readonly Problem[]): void {
  const safe = problems.filter((p) => p.change?.safe).map((p) => p.change!);
  for (const p of problems) {
    // (a copy: cells with the same text share their problems)
    // (reports written out, not spread: see reportCell)
    const data = { ...p.data };
    if (!p.change) {
      ctx.report({ row: c.row, col, messageId: p.messageId, data, severity: p.severity });
      continue;
    }
    const own = p.change.safe ? [] : problems.filter((q) => q.messageId === p.messageId && q.change).map((q) => q.change!);
    const set = applyChanges(c.text, [...own, ...safe]);
    ctx.report({ row: c.row, col, messageId: p.messageId, data, severity: p.severity, fix: { applicability: p.change.safe ? 'safe' : 'unsafe', edits: [{ row: c.row, col, set }] } });
  }
}
