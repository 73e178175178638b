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
 * - inside a doubled 破折号 —— or 省略号 …… (GB/T 15834: not split across lines).
 *
 * 避头尾 is done by pushing (推出): when the unit that overflows may not start the next line,
 * the break moves back to the nearest allowed position and the units after it go down with
 * it; the short line is then justified. Only a line with no allowed break at all is broken by
 * force, so nothing is ever dropped.
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
}

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
  return units;
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
  if (isGlued(a, b)) return false;
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
        const tail: Unit = { text: cps.slice(k).join(''), kind: 'word' };
        units.splice(i, 1, head, tail);
        widths.splice(i, 1, measure(head), measure(tail));
      }
      end = i + 1;
    } else {
      let b = i;
      while (b > start && !canBreakBetween(units[b - 1], units[b])) b--;
      end = b > start ? b : i; // no allowed break in the whole line: break by force
    }

    let last = end;
    while (last > start && units[last - 1].kind === 'space') last--;
    const isLast = end >= units.length || units.slice(end).every((u) => u.kind === 'space');
    lines.push(placeLine(units.slice(start, last), widths.slice(start, last), lineIndent, available, justify && !isLast, isLast));
    start = end;
  }

  if (lines.length === 0) {
    lines.push({ items: [], text: '', naturalWidth: 0, available: width - indent, indent, justified: false, last: true, overflow: false });
  }
  return lines;
}

function placeLine(units: Unit[], widths: number[], indent: number, available: number, justify: boolean, last: boolean): Line {
  const naturalWidth = widths.reduce((a, b) => a + b, 0);
  const overflow = naturalWidth > available + EPSILON;
  let gaps = 0;
  for (let k = 1; k < units.length; k++) if (!isGlued(units[k - 1], units[k])) gaps++;
  const extra = available - naturalWidth;
  const doJustify = justify && gaps > 0 && extra > EPSILON;
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
  };
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
