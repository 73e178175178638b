import { cellFeatures, cellText, fieldSlot } from '../../model/catalogue.ts';
import { colLetters } from '../../grid.ts';
import { F_SPACE, F_SYMBOL, textFeatures } from '../../model/features.ts';
import { colAfterShiftAt, defineRule } from '../../rule.ts';
import type { FieldId } from '../../types.ts';

const LEVELS: FieldId[] = ['level1', 'level2', 'level3', 'level4'];
const LEVEL_SLOTS = LEVELS.map(fieldSlot);

// (compiled once: a regex literal in a function body is a new object each time it runs)
const NOT_NAME = /[\s\u3000\u00a0\p{P}\p{S}]+/gu;
const FREE_WORDS = /行政|信息/g;
const HAS_FREE_WORD = /行政|信息/;
const LIST_PUNCTUATION = /[，。；：、,;:]/;

/**
 * Compare form of an item name: no whitespace or punctuation, and without the words 行政 and 信息
 * that catalogues add or drop freely (重大行政决策预公开 = 重大决策预公开), unless little else is left.
 * (`f`: the name's textFeatures when known; a name of Chinese characters, digits and letters only
 * has nothing to drop.)
 */
export function normalizeItemName(s: string, f: number = textFeatures(s)): string {
  const bare = f & F_SYMBOL ? s.replace(NOT_NAME, '') : s;
  const core = HAS_FREE_WORD.test(bare) ? bare.replace(FREE_WORDS, '') : bare;
  // 「信息公开」 is not 「公开」: keep names the two words are most of
  return core.length >= 3 ? core : bare;
}

/**
 * Not an item name: content written into a 事项 column (long text, sentences, enumerations).
 * (`f`: textFeatures of the cell; without whitespace or symbols there is nothing to trim or find.)
 */
function isName(s: string, f: number): boolean {
  const t = f & F_SPACE ? s.trim() : s;
  return t.length > 0 && t.length <= 20 && !(f & F_SYMBOL && LIST_PUNCTUATION.test(t));
}

/** Words that add nothing to an item name: 公共资源交易 = 公共资源交易领域. */
const GENERIC_WORDS = ['领域', '工作', '事项', '情况', '公开', '类', '方面', '专栏', '栏目', '目录', '清单'];
const GENERIC = new RegExp(`^(${GENERIC_WORDS.join('|')})$`);

/**
 * Same after normalising, or one is the other plus a generic word at its start or end
 * (公共资源交易 / 公共资源交易领域); the shorter must keep at least four characters. A qualifier is
 * not generic: 规范性文件 / 部门规范性文件 are different items, and so are 部门预算公开 /
 * 部门决算公开 although they differ in one character only.
 */
export function similarNames(a: string, b: string): 'same' | 'similar' | undefined {
  if (!a || !b) return undefined;
  if (a === b) return 'same';
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length < 4) return undefined;
  if (l.startsWith(s) && GENERIC.test(l.slice(s.length))) return 'similar';
  if (l.endsWith(s) && GENERIC.test(l.slice(0, l.length - s.length))) return 'similar';
  return undefined;
}

interface Node {
  row: number;
  col: number;
  level: number;
  text: string;
  norm: string;
  /**
   * The nearest name above it in its branch (its ancestors are this node's parent chain: the
   * names open above a level do not change while a name at that level stays open).
   */
  parent: Node | undefined;
  id: number;
  /** textFeatures of the cell */
  features: number;
}

/**
 * Items of the catalogue tree that repeat: the same (or nearly the same) name on two branches.
 * Seed 001: 重大行政决策预公开 (C49) / 重大决策预公开 (C98); 重大建设项目 as a 二级事项 (C23) and
 * again as a 三级事项 under 重点领域信息 (D58).
 */
export default defineRule({
  meta: {
    id: 'near-duplicate',
    type: 'suggestion',
    fixable: false,
    defaultSeverity: 'warning',
    docs: {
      zh: '目录中名称相同或几乎相同的公开事项（可能重复列出，或应合并）',
      en: 'Items with the same or nearly the same name in different places of the catalogue (listed twice, or to be merged)',
    },
    messages: {
      duplicate: { zh: '事项「{name}」与 {otherCell}「{other}」重复', en: 'Item "{name}" repeats {otherCell} "{other}"' },
      similar: { zh: '事项「{name}」与 {otherCell}「{other}」名称相近，可能重复', en: 'Item "{name}" is close to {otherCell} "{other}"; possibly the same item' },
    },
  },
  check(ctx) {
    const { cat } = ctx;
    const nodes: Node[] = [];
    const levelCols = LEVELS.map((f) => cat.header.byField[f]);
    // the open node at each level (index 0..3) while walking down the rows
    const open: (Node | undefined)[] = [undefined, undefined, undefined, undefined];
    // (indexed loops: a for-of over the rows left an iterator result per row, ~2 MB per 10k-row run)
    const rows = cat.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.kind === 'blank') continue;
      for (let k = 0; k < LEVELS.length; k++) {
        // a shifted row's cells count where row-shift will put them
        const col = colAfterShiftAt(cat, r, levelCols[k], LEVEL_SLOTS[k]);
        if (!col) continue;
        const f = cellFeatures(r, col);
        const text = f & F_SPACE ? cellText(r, col).trim() : cellText(r, col);
        const cur = open[k];
        // the same name again under the same parent is the same node (a repeated or unmerged cell)
        const parent = openAbove(open, k);
        if (cur && cur.text === text && cur.parent === parent) continue;
        // (the features of the cell hold for its trimmed text too)
        const node: Node = { row: r.row, col, level: k, text, norm: normalizeItemName(text, f), parent, id: nodes.length, features: f };
        nodes.push(node);
        open[k] = node;
        for (let j = k + 1; j < LEVELS.length; j++) open[j] = undefined;
      }
    }
    // Named nodes in row order, indexed by compare form and by that form without a generic word
    // at either end, so a name meets only the names similarNames can pair it with: the same
    // form, the form plus a generic word (found under `bare`), or the form minus one.
    // (one Map for both indexes: a name's own form is looked up once for both, and added with the same entry)
    const index = new Map<string, Indexed>();
    for (let i = 0; i < nodes.length; i++) {
      const b = nodes[i];
      if (!isName(b.text, b.features)) continue;
      const cores = withoutGeneric(b.norm);
      const own = index.get(b.norm);
      let match: Node | undefined;
      if (b.norm) {
        match = firstOther(own?.exact, b, match);
        if (b.norm.length >= 4) match = firstOther(own?.bare, b, match);
        for (const core of cores) match = firstOther(index.get(core)?.exact, b, match);
      }
      if (match) {
        const a = match;
        const identical = a.norm === b.norm && a.text.replace(/\s+/g, '') === b.text.replace(/\s+/g, '');
        ctx.report({ row: b.row, col: b.col, messageId: identical ? 'duplicate' : 'similar', data: { name: b.text, other: a.text, otherCell: `${colLetters(a.col)}${a.row}` } });
      }
      if (!own) index.set(b.norm, { exact: [b], bare: undefined });
      else if (own.exact) own.exact.push(b);
      else own.exact = [b];
      for (const core of cores) addBare(index, core, b);
    }
  },
});

/** The named nodes, in row order, whose compare form is the key (`exact`), and those whose form without a generic word is (`bare`). */
interface Indexed {
  exact: Node[] | undefined;
  bare: Node[] | undefined;
}

function addBare(index: Map<string, Indexed>, key: string, n: Node): void {
  const e = index.get(key);
  if (!e) index.set(key, { exact: undefined, bare: [n] });
  else if (e.bare) e.bare.push(n);
  else e.bare = [n];
}

/**
 * The earliest node of `list` (in row order) before `best` that is not an ancestor or
 * descendant of `b`: a parent named like its child (政府信息公开年报 / 政府信息公开年报) is one item.
 */
function firstOther(list: readonly Node[] | undefined, b: Node, best: Node | undefined): Node | undefined {
  if (!list) return best;
  for (const a of list) {
    if (best && a.id >= best.id) break;
    if (isAncestor(a, b) || isAncestor(b, a)) continue;
    return similarNames(a.norm, b.norm) ? a : best;
  }
  return best;
}

/**
 * GENERIC_EDGE[code]: 1 when a generic word starts with that character, 2 when one ends with it
 * (a table by character code: to pass over most names at once).
 */
const GENERIC_EDGE = new Uint8Array(0x10000);
for (const g of GENERIC_WORDS) {
  GENERIC_EDGE[g.charCodeAt(0)] |= 1;
  GENERIC_EDGE[g.charCodeAt(g.length - 1)] |= 2;
}
const NO_CORES: readonly string[] = [];

/** The form without one generic word at its start or end, where at least four characters are left. */
function withoutGeneric(norm: string): readonly string[] {
  if (norm.length < 5 || !(GENERIC_EDGE[norm.charCodeAt(0)] & 1 || GENERIC_EDGE[norm.charCodeAt(norm.length - 1)] & 2)) return NO_CORES;
  const out: string[] = [];
  for (const g of GENERIC_WORDS) {
    if (norm.length - g.length < 4) continue;
    if (norm.endsWith(g)) out.push(norm.slice(0, -g.length));
    if (norm.startsWith(g)) out.push(norm.slice(g.length));
  }
  return out;
}

/** The nearest open node above level k. */
function openAbove(open: readonly (Node | undefined)[], k: number): Node | undefined {
  for (let j = k - 1; j >= 0; j--) if (open[j]) return open[j];
  return undefined;
}

/** Whether `a` is one of the names above `b` in its branch. */
function isAncestor(a: Node, b: Node): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}
