import { cellFeatures, cellText, cellTextId } from '../../model/catalogue.ts';
import { colLetters } from '../../grid.ts';
import { F_YEAR_OPEN } from '../../model/features.ts';
import { type RuleContext, colAfterShift, defineRule } from '../../rule.ts';
import { type Citation, citationsOf, findDocNumbers } from '../../citations.ts';

/** The cells that cite one title with one 文号, in row order: parallel lists (no object per use). */
interface Uses {
  rows: number[];
  cols: number[];
  /** the title as each cell writes it */
  titles: string[];
}

/** What one distinct text cites, and the lists its citations' uses go to. */
interface Cited {
  citations: Citation[];
  uses: Uses[];
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
    // title key -> 文号 -> its uses, each map in the order of first use
    const byTitle = new Map<string, Map<string, Uses>>();
    // what each distinct text cites (this run only): by the text's id (model/catalogue.ts
    // cellTextId), or by the text for a cell without one
    const citedById: (Cited | undefined)[] = new Array(cat.cells.textIds);
    const cited = new Map<string, Cited>();
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = cat.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.kind === 'blank') continue;
      const col = colAfterShift(cat, r, 'basis');
      // no year bracket: no 文号, nothing cited
      if (!col || !(cellFeatures(r, col) & F_YEAR_OPEN)) continue;
      const id = cellTextId(r, col);
      let c = id ? citedById[id] : undefined;
      if (!c) {
        const text = cellText(r, col);
        c = id ? undefined : cited.get(text);
        if (!c) {
          c = citedBy(byTitle, distinct(citationsOf(text, ctx.memo(findDocNumbers, text, id))));
          if (id) citedById[id] = c;
          else cited.set(text, c);
        }
      }
      for (let k = 0; k < c.citations.length; k++) {
        const u = c.uses[k];
        u.rows.push(r.row);
        u.cols.push(col);
        u.titles.push(c.citations[k].title);
      }
    }
    for (const byNo of byTitle.values()) reportTitle(ctx, byNo);
  },
});

/** A text's citations with the use lists they go to (created here, at the text's first use). */
function citedBy(byTitle: Map<string, Map<string, Uses>>, citations: Citation[]): Cited {
  const uses: Uses[] = [];
  for (const c of citations) {
    let byNo = byTitle.get(c.key);
    if (!byNo) byTitle.set(c.key, (byNo = new Map()));
    let u = byNo.get(c.docNo);
    if (!u) byNo.set(c.docNo, (u = { rows: [], cols: [], titles: [] }));
    uses.push(u);
  }
  return { citations, uses };
}

/**
 * Report the uses of one title whose 文号 differs from the majority's. (A function of its own:
 * closures in check() would be rebuilt, and its compiled loop discarded, on every run.)
 */
function reportTitle(ctx: RuleContext, byNo: ReadonlyMap<string, Uses>): void {
  if (byNo.size < 2) return;
  // the number most cells agree on is taken as right; with no clear majority every cell is reported
  const sizes = [...byNo.values()].map((l) => l.rows.length).sort((a, b) => b - a);
  const majority = sizes[0] > sizes[1] ? [...byNo.entries()].find(([, l]) => l.rows.length === sizes[0])![0] : undefined;
  for (const [docNo, list] of byNo) {
    if (docNo === majority) continue;
    const others = [...byNo.entries()].filter(([n]) => n !== docNo);
    const cellsOf = (l: Uses, sep: string) =>
      l.rows
        .slice(0, MAX_LISTED)
        .map((row, k) => `${colLetters(l.cols[k])}${row}`)
        .join(sep);
    const others_ = others.map(([n, l]) => `「${n}」（${cellsOf(l, '、')}${l.rows.length > MAX_LISTED ? ` 等 ${l.rows.length} 处` : ''}）`).join('、');
    const othersEn = others.map(([n, l]) => `"${n}" (${cellsOf(l, ', ')}${l.rows.length > MAX_LISTED ? `, … ${l.rows.length} cells` : ''})`).join(', ');
    for (let k = 0; k < list.rows.length; k++) {
      ctx.report({ row: list.rows[k], col: list.cols[k], field: 'basis', messageId: 'conflict', data: { title: list.titles[k], docNo, others: others_, othersEn } });
    }
  }
}
