/**
 * CJK line breaking for horizontal Chinese text, written for this project (no Intl.Segmenter,
 * whose word segmentation differs between engines and is absent in some Office hosts).
 *
 * Units: every hanzi, kana or punctuation mark is its own unit; a run of Latin letters and
 * digits (with inner `.,:/-_'’@&+#` and a trailing `%`) is one unit and is never broken
 * unless it is longer than a whole line; ASCII spaces are units of their own that vanish at
 * the edges of a line. A break is allowed between any two units except
 *
 * - before a mark that may not start a line (行首禁则): ，。、；：？！）》」』】〕”’… and the
 *   ASCII/full-width closers listed in NO_LINE_START;
 * - after a mark that may not end a line (行尾禁则): （《「『【〔“‘ and the openers in NO_LINE_END;
 * - inside a doubled 破折号 —— or 省略号 …… (GB/T 15834: not split across lines);
 * - inside a date 「2026年1月12日」 (also 「2026年1月」, 「1月12日」, 「2026年」) or the year and
 *   number of a 文号 「〔2026〕12号」: these are glued into one unbreakable run (GLUED_RUNS).
 *
 * 避头尾 is done by pushing (推出): when the unit that overflows may not start the next line,
 * the break moves back to the nearest allowed position and the units after it go down with
 * it; the short line is then justified (up to `maxStretch` a gap, else left ragged). Only a line
 * with no allowed break at all is broken by force, so nothing is ever dropped.
 *
 * Titles and labels use breakBalanced: the same line count, even lines, breaks at word boundaries.
 */

/** Characters that may not begin a line. */
export const NO_LINE_START = new Set([
  ...'，。、；：？！）》」』】〕”’…',
  ...'〉〗〙〛｝］｠',
  ...'·・‧ー々〻ゝゞヽヾ',
  ...'％‰℃°′″',
  ...',.;:?!)]}%',
]);

/** Characters that may not end a line. */
export const NO_LINE_END = new Set([...'（《「『【〔“‘', ...'〈〖〘〚｛［｟', ...'([{']);

/** Doubled marks that occupy two character cells and are never split. */
const GLUED_MARKS = new Set(['—', '…', '―']);

export type UnitKind = 'char' | 'word' | 'space';

export interface Unit {
  text: string;
  kind: UnitKind;
  /** no break between this unit and the next (inside a date or a 文号) */
  glue?: boolean;
}

/**
 * Runs that are never split across lines: dates as GB/T 9704 writes them (2026年1月12日, also a
 * year and month, a month and day, or a year alone: 2026年) and the 〔year〕number号 of a 文号.
 */
const GLUED_RUNS = /(?<!\d)(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日)|[〔［[]\d{4}[〕］\]]\d+号/gu;

const WORD_CHAR = /[0-9A-Za-z\u00C0-\u024F]/u;
const WORD_INNER = /[.,:/\-_'’@&+#]/u;

/**
 * Splits a paragraph (no newlines) into line-breaking units.
 * `segment('公开〔2026〕12号')` → 公 开 〔 2026 〕 12 号.
 */
export function segment(text: string): Unit[] {
  const cps = [...text];
  const units: Unit[] = [];
  let i = 0;
  while (i < cps.length) {
    const ch = cps[i];
    if (ch === ' ') {
      units.push({ text: ' ', kind: 'space' });
      i++;
      continue;
    }
    if (WORD_CHAR.test(ch)) {
      let j = i + 1;
      while (j < cps.length) {
        if (WORD_CHAR.test(cps[j])) j++;
        else if (WORD_INNER.test(cps[j]) && j + 1 < cps.length && WORD_CHAR.test(cps[j + 1])) j += 2;
        else break;
      }
      if (j < cps.length && cps[j] === '%') j++;
      units.push({ text: cps.slice(i, j).join(''), kind: 'word' });
      i = j;
      continue;
    }
    units.push({ text: ch, kind: 'char' });
    i++;
  }
  glueRuns(text, units);
  return units;
}

/** Marks the units inside a GLUED_RUNS match as glued to their successor. */
function glueRuns(text: string, units: Unit[]): void {
  const ends: number[] = [];
  let offset = 0;
  for (const u of units) {
    offset += u.text.length;
    ends.push(offset);
  }
  let k = 0;
  for (const m of text.matchAll(GLUED_RUNS)) {
    const start = m.index;
    const end = start + m[0].length;
    while (k < units.length && ends[k] <= start) k++;
    while (k < units.length && ends[k] < end) units[k++].glue = true;
  }
}

function firstChar(s: string): string {
  return [...s][0] ?? '';
}

function lastChar(s: string): string {
  const cps = [...s];
  return cps[cps.length - 1] ?? '';
}

/** True when the two units are the halves of a ——/…… pair. */
export function isGlued(a: Unit, b: Unit): boolean {
  return a.kind === 'char' && a.text === b.text && GLUED_MARKS.has(a.text);
}

/** Whether a line may break between unit `a` and the following unit `b`. */
export function canBreakBetween(a: Unit, b: Unit): boolean {
  if (isGlued(a, b) || a.glue) return false;
  if (b.kind !== 'space' && NO_LINE_START.has(firstChar(b.text))) return false;
  if (a.kind !== 'space' && NO_LINE_END.has(lastChar(a.text))) return false;
  return true;
}

export interface LineItem {
  text: string;
  kind: UnitKind;
  /** left edge of the unit, from the left edge of the box (indent and spacing included) */
  x: number;
  /** the unit's own width */
  width: number;
}

export interface Line {
  items: LineItem[];
  /** the line's text, spaces at its edges removed */
  text: string;
  /** the sum of the unit widths (without justification spacing) */
  naturalWidth: number;
  /** the width available to this line (box width minus indent) */
  available: number;
  /** the indent of this line (first line of a paragraph) */
  indent: number;
  /** true when inter-unit spacing was stretched to fill the line */
  justified: boolean;
  /** true for the last line of a paragraph */
  last: boolean;
  /** true when the line is wider than the box (a single unit wider than the box) */
  overflow: boolean;
  /** true when the line ends where no break is allowed (an over-long word split, or no legal break in the line) */
  forced: boolean;
}

export interface BreakOptions {
  /** width of the box, in the same unit as `measure` returns */
  width: number;
  /** width of one unit */
  measure: (unit: Unit) => number;
  /** first-line indent, in the same unit as `width` (default 0) */
  indent?: number;
  /** stretch full lines to the box width (default true); the last line is always left-aligned */
  justify?: boolean;
  /**
   * The most a justified line may open each gap between units (same unit as `width`; default:
   * no limit). A line that would need more — the 避头尾 push or an unbreakable date or word left
   * a wide hole — is set ragged (natural spacing, left-aligned) instead of spaced out.
   */
  maxStretch?: number;
}

const EPSILON = 1e-6;

/**
 * Breaks one paragraph into lines. Full lines are justified by spreading the leftover width
 * evenly over the gaps between units (never inside a ——/…… pair); the last line is left-aligned.
 */
export function breakParagraph(text: string, options: BreakOptions): Line[] {
  const { width, measure } = options;
  const indent = options.indent ?? 0;
  const justify = options.justify ?? true;
  if (!(width > 0)) throw new RangeError(`line width must be positive, got ${width}`);

  const units = segment(text);
  const widths = units.map((u) => measure(u));
  const lines: Line[] = [];
  const stretch = { justify, max: options.maxStretch ?? Infinity };
  let start = 0;

  while (start < units.length) {
    while (start < units.length && units[start].kind === 'space') start++;
    if (start >= units.length) break;
    const lineIndent = lines.length === 0 ? indent : 0;
    const available = width - lineIndent;

    let sum = 0;
    let i = start;
    while (i < units.length && sum + widths[i] <= available + EPSILON) {
      sum += widths[i];
      i++;
    }

    let end: number;
    let forced = false;
    if (i >= units.length) {
      end = units.length;
    } else if (i === start) {
      // Not even one unit fits: split an over-long word, else let the unit overflow.
      const unit = units[i];
      const cps = [...unit.text];
      if (unit.kind === 'word' && cps.length > 1) {
        let k = 1;
        while (k < cps.length && measure({ text: cps.slice(0, k + 1).join(''), kind: 'word' }) <= available + EPSILON) k++;
        const head: Unit = { text: cps.slice(0, k).join(''), kind: 'word' };
        const tail: Unit = { text: cps.slice(k).join(''), kind: 'word', ...(unit.glue ? { glue: true } : {}) };
        units.splice(i, 1, head, tail);
        widths.splice(i, 1, measure(head), measure(tail));
        forced = true;
      }
      end = i + 1;
    } else {
      let b = i;
      while (b > start && !canBreakBetween(units[b - 1], units[b])) b--;
      if (b <= start) {
        // No allowed break in the whole line (a date or 文号 longer than the line): break inside
        // it after one of its parts (年, 月, 〕), else where only the glue forbids it, else by force.
        const unglued = (k: number): boolean => canBreakBetween({ ...units[k - 1], glue: false }, units[k]);
        b = i;
        while (b > start && !(unglued(b) && units[b - 1].kind === 'char')) b--;
        if (b <= start) {
          b = i;
          while (b > start && !unglued(b)) b--;
        }
        forced = true;
      }
      end = b > start ? b : i;
    }

    let last = end;
    while (last > start && units[last - 1].kind === 'space') last--;
    const isLast = end >= units.length || units.slice(end).every((u) => u.kind === 'space');
    lines.push(placeLine(units.slice(start, last), widths.slice(start, last), lineIndent, available, isLast ? undefined : stretch, isLast, forced));
    start = end;
  }

  if (lines.length === 0) {
    lines.push({ items: [], text: '', naturalWidth: 0, available: width - indent, indent, justified: false, last: true, overflow: false, forced: false });
  }
  return lines;
}

function placeLine(
  units: Unit[],
  widths: number[],
  indent: number,
  available: number,
  stretch: { justify: boolean; max: number } | undefined,
  last: boolean,
  forced: boolean,
): Line {
  const naturalWidth = widths.reduce((a, b) => a + b, 0);
  const overflow = naturalWidth > available + EPSILON;
  let gaps = 0;
  for (let k = 1; k < units.length; k++) if (!isGlued(units[k - 1], units[k])) gaps++;
  const extra = available - naturalWidth;
  const doJustify = !!stretch && stretch.justify && gaps > 0 && extra > EPSILON && extra / gaps <= stretch.max + EPSILON;
  const spacing = doJustify ? extra / gaps : 0;
  const items: LineItem[] = [];
  let x = indent;
  for (let k = 0; k < units.length; k++) {
    if (k > 0 && !isGlued(units[k - 1], units[k])) x += spacing;
    items.push({ text: units[k].text, kind: units[k].kind, x, width: widths[k] });
    x += widths[k];
  }
  return {
    items,
    text: units.map((u) => u.text).join(''),
    naturalWidth,
    available,
    indent,
    justified: doJustify,
    last,
    overflow,
    forced,
  };
}

/**
 * Where a multi-line title or label should break: UTF-16 offsets into the paragraph text (the
 * position before the character at that index). `good`: word boundaries (between an office name
 * and the rest, between known words); `avoid`: inside a word or a name.
 */
export interface BreakHints {
  good?: readonly number[];
  avoid?: readonly number[];
}

export interface BalanceOptions {
  width: number;
  measure: (unit: Unit) => number;
  indent?: number;
  hints?: BreakHints;
  /**
   * A line of this many characters or fewer is a last resort (default 2: a title never leaves one
   * or two characters alone on a line; labels use 1).
   */
  shortLine?: number;
  /**
   * Up to this many lines may be used when more lines give better breaks (a tall table cell has
   * room for them); default: the greedy line count, never fewer.
   */
  maxLines?: number;
}

/** Costs of breakBalanced, in squared ems of slack: a line 2 ems shorter than the box costs 4. */
export const BALANCE_COST = {
  /** a break at a position the hints do not name, when hints are given */
  neutral: 3,
  /** a break inside a word or name */
  avoid: 40,
  /** a line of `shortLine` characters or fewer */
  short: 1000,
} as const;

/** Above this many units, breakBalanced keeps the greedy lines (the search is quadratic). */
const BALANCE_MAX_UNITS = 240;

/**
 * Breaks a title or label into the same number of lines as breakParagraph (or up to `maxLines`
 * when the cell has room), but with the lines as even as possible (GB/T 9704 7.3.1: 回行时词意完整、排列对称、长短适宜): the break positions
 * minimise the sum of the squared slack of every line (the last included), plus the costs of
 * BALANCE_COST for a break inside a word (by `hints`) and for a line of one or two characters.
 * Lines are not justified (they are centred by the caller). Without a legal alternative (a forced
 * break, an over-long word) the greedy lines are returned.
 */
export function breakBalanced(text: string, options: BalanceOptions): Line[] {
  const { width, measure } = options;
  const indent = options.indent ?? 0;
  const greedy = breakParagraph(text, { width, measure, indent, justify: false });
  const count = greedy.length;
  if (count <= 1 || greedy.some((l) => l.forced || l.overflow)) return greedy;
  const units = segment(text);
  if (units.length > BALANCE_MAX_UNITS) return greedy;
  const widths = units.map((u) => measure(u));
  const n = units.length;
  const offsets = [0];
  for (const u of units) offsets.push(offsets[offsets.length - 1] + u.text.length);
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1] + w);
  const chars = [0];
  for (const u of units) chars.push(chars[chars.length - 1] + (u.kind === 'space' ? 0 : [...u.text].length));
  const em = measure({ text: '中', kind: 'char' }) || 1;
  const good = new Set(options.hints?.good ?? []);
  const avoid = new Set(options.hints?.avoid ?? []);
  const hinted = good.size > 0 || avoid.size > 0;
  const shortLine = options.shortLine ?? 2;
  const breakCost = (k: number): number => {
    const at = offsets[k];
    if (good.has(at)) return 0;
    if (avoid.has(at)) return BALANCE_COST.avoid;
    return hinted ? BALANCE_COST.neutral : 0;
  };
  // candidate line ends: every legal break, and the end of the text
  const ends: number[] = [];
  for (let k = 1; k < n; k++) if (canBreakBetween(units[k - 1], units[k])) ends.push(k);
  ends.push(n);
  const trim = (s: number, e: number): [number, number] => {
    while (s < e && units[s].kind === 'space') s++;
    while (e > s && units[e - 1].kind === 'space') e--;
    return [s, e];
  };
  const lineCost = (s: number, e: number, available: number): number => {
    const [a, b] = trim(s, e);
    const w = prefix[b] - prefix[a];
    if (b <= a || w > available + EPSILON) return Infinity;
    const slack = (available - w) / em;
    return slack * slack + (chars[b] - chars[a] <= shortLine ? BALANCE_COST.short : 0);
  };
  // best[j].get(k): cheapest way to set units [0, k) in j + 1 lines, the last ending at k
  const starts = [0, ...ends.slice(0, -1)];
  const maxLines = Math.max(count, Math.min(options.maxLines ?? count, ends.length));
  const best: Map<number, { cost: number; from: number }>[] = [];
  for (let j = 0; j < maxLines; j++) {
    const row = new Map<number, { cost: number; from: number }>();
    for (const e of ends) {
      let top = { cost: Infinity, from: -1 };
      const from = j === 0 ? [0] : starts;
      for (const s of from) {
        if (s >= e) continue;
        const before = j === 0 ? 0 : best[j - 1].get(s)?.cost ?? Infinity;
        if (before === Infinity) continue;
        const c = before + lineCost(s, e, j === 0 ? width - indent : width) + (e < n ? breakCost(e) : 0);
        if (c < top.cost) top = { cost: c, from: s };
      }
      if (top.cost < Infinity) row.set(e, top);
    }
    best.push(row);
  }
  let used = -1;
  for (let j = count - 1; j < maxLines; j++) {
    const c = best[j].get(n)?.cost ?? Infinity;
    if (c < (used < 0 ? Infinity : best[used].get(n)!.cost) - EPSILON) used = j;
  }
  if (used < 0) return greedy;
  const cuts = [n];
  for (let j = used, e = n; j > 0; j--) {
    e = best[j].get(e)!.from;
    cuts.unshift(e);
  }
  const lines: Line[] = [];
  let s = 0;
  cuts.forEach((e, j) => {
    const [a, b] = trim(s, e);
    const lineIndent = j === 0 ? indent : 0;
    lines.push(placeLine(units.slice(a, b), widths.slice(a, b), lineIndent, width - lineIndent, undefined, j === cuts.length - 1, false));
    s = e;
  });
  return lines;
}

/**
 * A measure that puts every full-width character (one whose glyph is at least 0.85 em wide)
 * on a fixed grid pitch, as GB/T 9704's 28-characters-per-line grid requires, and leaves
 * Latin words, digits and narrow marks at their natural width.
 */
export function gridMeasure(measure: (unit: Unit) => number, size: number, pitch: number): (unit: Unit) => number {
  return (unit) => {
    const w = measure(unit);
    if (unit.kind === 'char' && w >= 0.85 * size) return pitch;
    return w;
  };
}
