/**
 * Paragraph flow: several paragraphs in a box, lines distributed over pages, and fit-to-box
 * (the largest font size at which a text fits a box). Pure arithmetic on a measure function;
 * units are whatever the measure returns (points in forms-lib/pdf).
 */
import { breakParagraph, gridMeasure, type Line, type Unit } from './linebreak.ts';

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
}

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
  const out: FlowLine[] = [];
  splitParagraphs(text).forEach((para, paragraph) => {
    for (const line of breakParagraph(para, { width, measure: m, indent, justify: style.justify ?? true })) {
      out.push({ ...line, paragraph });
    }
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
 * stack within the box height and no single unit is wider than the box.
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
  const attempt = (size: number): FitResult => {
    const lineHeight = size * ratio;
    const lines = layoutParagraphs(text, box.width, { size, lineHeight, indentChars: options.indentChars ?? 0, justify: options.justify }, measureAt(size));
    const height = lines.length * lineHeight;
    const fits = height <= box.height + 1e-6 && lines.every((l) => !l.overflow);
    return { fits, size, lineHeight, lines, height };
  };
  const top = attempt(maxSize);
  if (top.fits) return top;
  let best = attempt(minSize);
  if (!best.fits) return best;
  let lo = minSize;
  let hi = maxSize;
  while (hi - lo > precision) {
    const mid = (lo + hi) / 2;
    const r = attempt(mid);
    if (r.fits) {
      best = r;
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return best;
}
