import { cellFeatures, cellText } from '../../model/catalogue.ts';
import { colLetters } from '../../grid.ts';
import { F_YEAR_OPEN } from '../../model/features.ts';
import { type RuleContext, colAfterShift, defineRule } from '../../rule.ts';
import { type Citation, citationsOf, findDocNumbers } from '../../citations.ts';

interface Use {
  row: number;
  col: number;
  docNo: string;
  title: string;
}

const MAX_LISTED = 3;

/** A cell's citations, each (title, 文号) once. */
function distinct(citations: Citation[]): Citation[] {
  if (citations.length < 2) return citations;
  const seen = new Set<string>();
  return citations.filter((c) => {
    const k = c.key + c.docNo;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The same document cited with different 文号 in different places of the catalogue. */
export default defineRule({
  meta: {
    id: 'basis-consistency',
    type: 'problem',
    fixable: false,
    defaultSeverity: 'warning',
    docs: {
      zh: '同一文件在目录中各处引用的文号应一致',
      en: 'The same document should carry the same document number wherever the catalogue cites it',
    },
    messages: {
      conflict: {
        zh: '《{title}》在此引用为「{docNo}」，而其他单元格引用为 {others}，请核对文号',
        en: '《{title}》 is cited here as "{docNo}" but elsewhere as {othersEn}; check the document number',
      },
    },
  },
  check(ctx) {
    const { cat } = ctx;
    const byTitle = new Map<string, Use[]>();
    // what each distinct text cites (this run only)
    const cited = new Map<string, Citation[]>();
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = cat.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.kind === 'blank') continue;
      const col = colAfterShift(cat, r, 'basis');
      // no year bracket: no 文号, nothing cited
      if (!col || !(cellFeatures(r, col) & F_YEAR_OPEN)) continue;
      const text = cellText(r, col);
      let citations = cited.get(text);
      if (!citations) cited.set(text, (citations = distinct(citationsOf(text, ctx.memo(findDocNumbers, text)))));
      for (let k = 0; k < citations.length; k++) {
        const c = citations[k];
        const use = { row: r.row, col, docNo: c.docNo, title: c.title };
        const list = byTitle.get(c.key);
        if (list) list.push(use);
        else byTitle.set(c.key, [use]);
      }
    }
    for (const uses of byTitle.values()) reportTitle(ctx, uses);
  },
});

/**
 * Report the uses of one title whose 文号 differs from the majority's. (A function of its own:
 * closures in check() would be rebuilt, and its compiled loop discarded, on every run.)
 */
function reportTitle(ctx: RuleContext, uses: readonly Use[]): void {
  const byNo = new Map<string, Use[]>();
  for (const u of uses) {
    const list = byNo.get(u.docNo);
    if (list) list.push(u);
    else byNo.set(u.docNo, [u]);
  }
  if (byNo.size < 2) return;
  // the number most cells agree on is taken as right; with no clear majority every cell is reported
  const sizes = [...byNo.values()].map((l) => l.length).sort((a, b) => b - a);
  const majority = sizes[0] > sizes[1] ? [...byNo.entries()].find(([, l]) => l.length === sizes[0])![0] : undefined;
  for (const [docNo, list] of byNo) {
    if (docNo === majority) continue;
    const others = [...byNo.entries()].filter(([n]) => n !== docNo);
    const cellsOf = (l: Use[], sep: string) => l.slice(0, MAX_LISTED).map((u) => `${colLetters(u.col)}${u.row}`).join(sep);
    const others_ = others.map(([n, l]) => `「${n}」（${cellsOf(l, '、')}${l.length > MAX_LISTED ? ` 等 ${l.length} 处` : ''}）`).join('、');
    const othersEn = others.map(([n, l]) => `"${n}" (${cellsOf(l, ', ')}${l.length > MAX_LISTED ? `, … ${l.length} cells` : ''})`).join(', ');
    for (const u of list) {
      ctx.report({ row: u.row, col: u.col, field: 'basis', messageId: 'conflict', data: { title: u.title, docNo, others: others_, othersEn } });
    }
  }
}
