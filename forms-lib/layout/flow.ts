/**
 * Paragraph flow: several paragraphs in a box, lines distributed over pages, and fit-to-box
 * (the largest font size at which a text fits a box). Pure arithmetic on a measure function;
 * units are whatever the measure returns (points in forms-lib/pdf).
 */
import { breakBalanced, breakParagraph, gridMeasure, type BreakHints, type Line, type Unit } from './linebreak.ts';

export interface ParagraphStyle {
  /** font size */
  size: number;
  /** distance from one baseline to the next */
  lineHeight: number;
  /** first-line indent in characters (default 2) */
  indentChars?: number;
  /**
   * Character grid pitch: full-width characters advance by this instead of their own width
   * (GB/T 9704 body text: 156 mm / 28). Without it, characters keep their font widths.
   */
  charPitch?: number;
  /** justify full lines (default true) */
  justify?: boolean;
  /**
   * The widest gap justification may open between two units, in ems of `size` (default
   * MAX_STRETCH_EM); a line that would need more is left ragged.
   */
  maxStretchEm?: number;
}

/**
 * Default limit of justification: a gap may open by at most 0.1 em. Body text on the GB/T 9704
 * grid needs no stretch at all; pushing one character down (避头尾) stretches a line by about
 * 1/27 em a gap, a pushed four-digit year by 1/12 em; wider holes (a pushed date, 文号 or long
 * number) would show as letter-spaced lines, so those lines stay ragged.
 */
export const MAX_STRETCH_EM = 0.1;

export interface FlowLine extends Line {
  /** index of the paragraph (0-based) the line belongs to */
  paragraph: number;
}

/**
 * Text normalisation shared by every entry point: CR/LF → LF, tab and no-break space → space,
 * byte-order marks removed.
 */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\t\u00A0]/g, ' ').replace(/\uFEFF/g, '');
}

/** Splits text into paragraphs at newlines; leading ASCII/ideographic spaces of each are dropped (the indent is ours). */
export function splitParagraphs(text: string): string[] {
  return normalizeText(text)
    .split('\n')
    .map((p) => p.replace(/^[ \u3000]+/, '').replace(/ +$/, ''));
}

/**
 * Lays out paragraphs (separated by `\n`) in a box `width` wide. An empty paragraph gives
 * one empty line.
 */
export function layoutParagraphs(text: string, width: number, style: ParagraphStyle, measure: (unit: Unit) => number): FlowLine[] {
  const indentChars = style.indentChars ?? 2;
  const pitch = style.charPitch;
  const m = pitch ? gridMeasure(measure, style.size, pitch) : measure;
  const indent = indentChars * (pitch ?? style.size);
  const maxStretch = (style.maxStretchEm ?? MAX_STRETCH_EM) * style.size;
  const out: FlowLine[] = [];
  splitParagraphs(text).forEach((para, paragraph) => {
    for (const line of breakParagraph(para, { width, measure: m, indent, justify: style.justify ?? true, maxStretch })) {
      out.push({ ...line, paragraph });
    }
  });
  return out;
}

/**
 * Like layoutParagraphs, for titles and table labels: each paragraph keeps the number of lines
 * of the greedy breaking, its lines made even and broken at word boundaries (breakBalanced);
 * never justified. `hints` are offsets into `text` (after normalizeText), shifted to each paragraph.
 */
export function layoutBalanced(
  text: string,
  width: number,
  style: ParagraphStyle & { hints?: BreakHints; shortLine?: number; maxLines?: number },
  measure: (unit: Unit) => number,
): FlowLine[] {
  const pitch = style.charPitch;
  const m = pitch ? gridMeasure(measure, style.size, pitch) : measure;
  const indent = (style.indentChars ?? 0) * (pitch ?? style.size);
  const out: FlowLine[] = [];
  let offset = 0;
  normalizeText(text)
    .split('\n')
    .forEach((raw, paragraph) => {
      const lead = raw.length - raw.replace(/^[ \u3000]+/, '').length;
      const para = raw.slice(lead).replace(/ +$/, '');
      const base = offset + lead;
      const shift = (xs: readonly number[] | undefined) => (xs ?? []).map((x) => x - base).filter((x) => x > 0 && x < para.length);
      const hints = style.hints ? { good: shift(style.hints.good), avoid: shift(style.hints.avoid) } : undefined;
      for (const line of breakBalanced(para, { width, measure: m, indent, hints, shortLine: style.shortLine, maxLines: style.maxLines })) out.push({ ...line, paragraph });
      offset += raw.length + 1;
    });
  return out;
}

/** How many lines of `lineHeight` fit in `height` (a line needs its full line height). */
export function linesThatFit(height: number, lineHeight: number): number {
  return Math.max(0, Math.floor(height / lineHeight + 1e-6));
}

/**
 * Splits laid-out lines into pages: the first chunk gets `firstCapacity` lines, every
 * following chunk `nextCapacity`. Every line lands on some page; nothing is cut.
 */
export function paginate<T>(lines: readonly T[], firstCapacity: number, nextCapacity: number): T[][] {
  if (!(nextCapacity >= 1)) throw new RangeError(`a continuation page must hold at least one line, capacity ${nextCapacity}`);
  const pages: T[][] = [];
  pages.push(lines.slice(0, Math.max(0, firstCapacity)));
  let i = Math.max(0, firstCapacity);
  while (i < lines.length) {
    pages.push(lines.slice(i, i + nextCapacity));
    i += nextCapacity;
  }
  return pages;
}

/** A body line already set at the end of a page, as keepWithPrevious sees it. */
export interface TailLine {
  /** which paragraph it belongs to (any id, equal for the lines of one paragraph) */
  paragraph: number | string;
  /** true for the first line of its paragraph */
  first: boolean;
}

/**
 * Keep-with-previous for a block that must not stand alone on a new page (GB/T 9704 7.3.5: the
 * 发文机关署名 and 成文日期 go with body text, never alone): how many of the body lines at the end
 * of the current page move to the next page with it. `tail` are the movable lines at the end of
 * the page (last one last), `pageItems` how many things the page holds in all (lines, rules,
 * tables…). At least `minLines` (default 2) move when there are that many; one more when the
 * move would leave the first line of a paragraph alone at the foot of the page (an orphan); never
 * everything on the page, which would leave it blank.
 */
export function keepWithPrevious(tail: readonly TailLine[], pageItems: number, minLines = 2): number {
  let carry = Math.min(minLines, tail.length);
  if (carry === 0) return 0;
  const left = tail.length - carry;
  if (left > 0) {
    const before = tail[left - 1];
    const movedFirst = tail[left];
    if (before.first && movedFirst.paragraph === before.paragraph) carry++;
  }
  if (carry >= pageItems) carry = Math.max(0, pageItems - 1);
  return carry;
}

export interface FitOptions {
  maxSize: number;
  minSize: number;
  /** line height as a multiple of the font size (default 1.25) */
  lineHeightRatio?: number;
  /** first-line indent in characters (default 0) */
  indentChars?: number;
  /** justify full lines (default true) */
  justify?: boolean;
  /** stop the search when the interval is this small (default 0.1) */
  precision?: number;
  /** even lines broken at word boundaries (layoutBalanced), for labels; no justification */
  balance?: boolean;
  hints?: BreakHints;
  /** with `balance`: a line of this many characters or fewer is a last resort (default 1) */
  shortLine?: number;
}

export interface FitResult {
  /** false when even `minSize` does not fit; `lines` are then those at `minSize` */
  fits: boolean;
  size: number;
  lineHeight: number;
  lines: FlowLine[];
  /** total height used: lines × line height */
  height: number;
}

/**
 * The largest size in [minSize, maxSize] at which `text` fits `box`, by binary search on the
 * size. `measureAt(size)` returns a unit measure for that size. A text fits when its lines
 * stack within the box height and no single unit is wider than the box; a size at which a word
 * (a number, 登记编号 CXSW-2026-001) must be split is taken only when no size in the range
 * keeps every word whole.
 */
export function fitToBox(
  text: string,
  box: { width: number; height: number },
  options: FitOptions,
  measureAt: (size: number) => (unit: Unit) => number,
): FitResult {
  const { maxSize, minSize } = options;
  if (!(minSize > 0) || !(maxSize >= minSize)) throw new RangeError(`need 0 < minSize ≤ maxSize, got ${minSize}…${maxSize}`);
  const ratio = options.lineHeightRatio ?? 1.25;
  const precision = options.precision ?? 0.1;
  const layout = (size: number): FlowLine[] => {
    const style = { size, lineHeight: size * ratio, indentChars: options.indentChars ?? 0, justify: options.justify };
    return options.balance
      ? layoutBalanced(text, box.width, { ...style, hints: options.hints, shortLine: options.shortLine ?? 1, maxLines: linesThatFit(box.height, size * ratio) }, measureAt(size))
      : layoutParagraphs(text, box.width, style, measureAt(size));
  };
  const attempt = (size: number, whole: boolean): FitResult => {
    const lineHeight = size * ratio;
    const lines = layout(size);
    const height = lines.length * lineHeight;
    const fits = height <= box.height + 1e-6 && lines.every((l) => !l.overflow && !(whole && l.forced));
    return { fits, size, lineHeight, lines, height };
  };
  const search = (whole: boolean): FitResult => {
    const top = attempt(maxSize, whole);
    if (top.fits) return top;
    let best = attempt(minSize, whole);
    if (!best.fits) return best;
    let lo = minSize;
    let hi = maxSize;
    while (hi - lo > precision) {
      const mid = (lo + hi) / 2;
      const r = attempt(mid, whole);
      if (r.fits) {
        best = r;
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return best;
  };
  const whole = search(true);
  if (whole.fits) return whole;
  const any = search(false);
  return any.fits ? any : attempt(minSize, false);
}
