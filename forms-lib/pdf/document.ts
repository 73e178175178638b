/**
 * A small drawing API for form templates, on GB/T 9704-2012 A4 pages.
 *
 * Units: lengths and positions in millimetres, origin at the top-left corner of the page,
 * y growing downwards; font sizes in points (三号 = 16, 二号 = 22). Every string is
 * coverage-checked before it is laid out, so a missing character fails at the call that
 * brought it, naming the field. Drawing calls only record; finish() writes the PDF (and can
 * be called again: the record is data).
 */
import { PDFDocument, type PDFEmbeddedPage } from 'pdf-lib';
import {
  GBT9704,
  GBT9704_PT,
  fitToBox,
  formatChineseDate,
  keepWithPrevious,
  layoutBalanced,
  formatPageNumber,
  gridMeasure,
  layoutParagraphs,
  linesThatFit,
  mmToPt,
  normalizeText,
  pageNumberPosition,
  paginate,
  ptToMm,
  segment,
  type Box,
  type BreakHints,
  type DateParts,
  type FitResult,
  type FlowLine,
} from '../layout/index.ts';
import type { Deflate } from './embed.ts';
import { BasePdfError, InvalidArgumentError, TextDoesNotFitError } from './errors.ts';
import type { LoadedFonts } from './fonts.ts';
import { BLACK, SEAL_RED, prepareFonts, renderOps, type DrawOp, type Rgb } from './render.ts';
import { baselineBelowTop, lineExtent, lineToOps } from './text-ops.ts';

export type { Box } from '../layout/index.ts';
export type { Rgb } from './render.ts';

export interface DocumentMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47, default 'zh-CN' */
  language?: string;
  /** creation and modification date (default: now) */
  date?: Date;
}

export type PageNumberMode = 'gbt9704' | 'center' | 'none';

export interface CreateDocumentOptions {
  fonts: LoadedFonts;
  meta: DocumentMeta;
  /**
   * A letterhead PDF: its first page is drawn as the background of the first page (of each
   * section(), i.e. each record of a batch), or of every page with `letterheadOn: 'all'`.
   * Default: blank A4.
   */
  letterhead?: Uint8Array;
  letterheadOn?: 'first' | 'all';
  /**
   * 'gbt9704' (default): `— n —` in 四号, odd pages right and even pages left, one character
   * in from the text block, as GB/T 9704-2012 7.5 prescribes for documents printed on both
   * sides. 'center': centred (for single-sided printing). 'none': no page numbers.
   */
  pageNumbers?: PageNumberMode;
  /**
   * Compressor (zlib format) for the font and content streams. Default: the one set with
   * setDeflate(), else fflate (pure JS). A Node host can pass `(b) => zlib.deflateSync(b)`:
   * native, and several times faster in a fresh process.
   */
  deflate?: Deflate;
}

export interface DrawTextOptions {
  size?: number;
  align?: 'left' | 'center' | 'right';
  color?: Rgb;
  /** name used in error messages (default 'text') */
  field?: string;
}

export interface ParagraphOptions {
  /** where to start; default: from the cursor to the bottom of the text block */
  box?: Box;
  /** box for continuation pages (default: the whole text block) */
  continueBox?: Box;
  /** font size in pt (default 16, 三号) */
  size?: number;
  /** first-line indent in characters (default 2) */
  indent?: number;
  /** baseline-to-baseline distance in mm (default: the GB/T 9704 line pitch at 16 pt, else 1.5 × size) */
  lineHeight?: number;
  /** put full-width characters on the 28-per-line grid (default: true at 16 pt) */
  grid?: boolean;
  justify?: boolean;
  /** widest gap justification may open, in ems (default MAX_STRETCH_EM of forms-lib/layout); wider lines stay ragged */
  maxStretch?: number;
  color?: Rgb;
  field?: string;
}

export interface ParagraphResult {
  /** 0-based pages the text landed on */
  pages: number[];
  lines: number;
  /** the cursor after the text: page and y (mm) */
  end: { page: number; y: number };
}

export interface TitleOptions {
  /** default 22 (二号) */
  size?: number;
  /** top of the title (mm); default: the cursor */
  y?: number;
  /** mm, default 1.35 × size */
  lineHeight?: number;
  /** space after the title in mm (default: one body line) */
  spaceAfter?: number;
  /** where a multi-line title should break (word boundaries, e.g. after the office name) */
  breaks?: BreakHints;
  color?: Rgb;
  field?: string;
}

export interface TextBoxOptions {
  maxSize?: number;
  minSize?: number;
  /** line height as a multiple of the size (default 1.25) */
  lineHeightRatio?: number;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  /** inner padding in mm (default 0.5) */
  padding?: number;
  /** first-line indent in characters (default 0) */
  indent?: number;
  /** labels: even lines broken at word boundaries (`breaks`), no line of a single character */
  balance?: boolean;
  breaks?: BreakHints;
  color?: Rgb;
  field?: string;
}

export interface StrokeOptions {
  /** mm (default 0.35 for rules, 0.25 for boxes) */
  thickness?: number;
  color?: Rgb;
  /** dash pattern in mm */
  dash?: number[];
}

export interface DateWithSealOptions {
  date: DateParts | string;
  /** 发文机关署名, centred over the date */
  issuer?: string;
  /** top of the signature area (mm); default: the cursor */
  y?: number;
  seal?: {
    /** mm, default 42 */
    diameter?: number;
    /** draw a thin dashed red circle where the seal goes (default false) */
    outline?: boolean;
  };
  size?: number;
  field?: string;
  /**
   * Height (mm) of what must follow the date line on the same page, e.g. the 附注 (联系人) line;
   * counted when deciding whether the block fits (default 0).
   */
  reserveAfter?: number;
  /**
   * Keep-with-previous (GB/T 9704 7.3.5: the signature never stands alone on a page): when the
   * block must go to a new page, this many body lines at least (default 2; 0 = off) go with it
   * (forms-lib/layout keepWithPrevious).
   */
  keepWithPrevious?: number;
}

export interface DateWithSealResult {
  page: number;
  dateText: string;
  dateBox: Box;
  issuerBox?: Box;
  sealBox: Box;
}

interface PageState {
  ops: DrawOp[];
  /** page number printed on this page (1 on the first page of each section) */
  number: number;
  /** body lines set by drawParagraphs, in order; those at the very end of `ops` can move (keep-with-previous) */
  lines: BodyLine[];
}

/** A line of body text on a page: its ops and line box. */
interface BodyLine {
  opsStart: number;
  opsEnd: number;
  /** top of the line box, mm */
  top: number;
  paragraph: string;
  first: boolean;
}

const A4 = { width: mmToPt(GBT9704.page.width), height: mmToPt(GBT9704.page.height) };
const BLOCK = GBT9704.textBlock;
const BLOCK_BOTTOM = BLOCK.y + BLOCK.height;

function assertBox(box: Box, what: string): void {
  if (!box || ![box.x, box.y, box.width, box.height].every(Number.isFinite) || box.width <= 0 || box.height <= 0) {
    throw new InvalidArgumentError(`${what}: 须为 {x, y, width, height}（毫米，宽高为正） / must be {x, y, width, height} in mm with positive size, got ${JSON.stringify(box)}`);
  }
}

function assertSize(size: number, what: string): void {
  if (!Number.isFinite(size) || size <= 0 || size > 500) throw new InvalidArgumentError(`${what}: 字号须在 (0, 500] pt / size must be in (0, 500] pt, got ${size}`);
}

export class FormDocument {
  readonly fonts: LoadedFonts;
  readonly meta: DocumentMeta;
  readonly pageNumbers: PageNumberMode;
  private readonly letterhead?: PDFDocument;
  private readonly letterheadOn: 'first' | 'all';
  private readonly deflate?: Deflate;
  private readonly pages: PageState[] = [];
  private current = -1;
  private cursorY: number = BLOCK.y;
  /** paragraph ids for BodyLine */
  private paragraphSeq = 0;

  /** Use createDocument(). */
  constructor(options: CreateDocumentOptions, letterhead?: PDFDocument) {
    this.fonts = options.fonts;
    this.meta = options.meta;
    this.pageNumbers = options.pageNumbers ?? 'gbt9704';
    this.letterhead = letterhead;
    this.letterheadOn = options.letterheadOn ?? 'first';
    this.deflate = options.deflate;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** The current page (0-based) and the cursor y (mm from the top). */
  get cursor(): { page: number; y: number } {
    return { page: this.current, y: this.cursorY };
  }

  /** Moves the cursor on the current page. */
  moveTo(y: number): void {
    if (!Number.isFinite(y)) throw new InvalidArgumentError(`moveTo: y 须为数字 / y must be a number, got ${y}`);
    this.ensurePage();
    this.cursorY = y;
  }

  /** Starts a new A4 page; the cursor goes to the top of its text block. Returns its index. */
  page(): number {
    const prev = this.pages[this.pages.length - 1];
    this.pages.push({ ops: [], number: prev ? prev.number + 1 : 1, lines: [] });
    this.current = this.pages.length - 1;
    this.cursorY = BLOCK.y;
    return this.current;
  }

  /**
   * Starts a new section on a new page: the next record of a batch, e.g. twenty 答复书 in one
   * PDF that share one embedded font subset. Page numbers restart at 1 (odd/even placement
   * per section) and the letterhead is drawn again; the cursor goes to the top of the text
   * block. Returns the page index.
   * On an empty document it just starts the first page.
   */
  section(): number {
    if (this.pages.length === 0) return this.page();
    const index = this.page();
    this.pages[index].number = 1;
    return index;
  }

  /** The page number printed on page `index` (0-based): counts from 1 in each section. */
  pageNumberOf(index: number): number {
    const p = this.pages[index];
    if (!p) throw new InvalidArgumentError(`pageNumberOf: 没有第 ${index + 1} 页 / no page ${index}`);
    return p.number;
  }

  private ensurePage(): void {
    if (this.current < 0) this.page();
  }

  private nextPage(): void {
    if (this.current < this.pages.length - 1) {
      this.current++;
      this.cursorY = BLOCK.y;
    } else {
      this.page();
    }
  }

  private ops(): DrawOp[] {
    this.ensurePage();
    return this.pages[this.current].ops;
  }

  private prepare(text: string, field: string): string {
    const t = normalizeText(text);
    this.fonts.check(t, field);
    return t;
  }

  /** Width of a single line of text in mm at `size` (no grid). */
  measure(text: string, size = GBT9704.body.sizePt, field = 'text'): number {
    const t = this.prepare(text, field);
    return ptToMm(this.fonts.width(t.replace(/\n/g, ''), size));
  }

  /**
   * One line of text, not wrapped. (x, y) is the left end (or centre / right end with
   * `align`) of the top of the em box, in mm. Returns the width in mm.
   */
  drawText(x: number, y: number, text: string, options: DrawTextOptions = {}): { width: number } {
    const field = options.field ?? 'text';
    const size = options.size ?? GBT9704.body.sizePt;
    assertSize(size, `drawText(${field})`);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new InvalidArgumentError(`drawText(${field}): x, y 须为数字 / x and y must be numbers`);
    const t = this.prepare(text, field).replace(/\n/g, ' ');
    const widthPt = this.fonts.width(t, size);
    const left = mmToPt(x) - (options.align === 'center' ? widthPt / 2 : options.align === 'right' ? widthPt : 0);
    const baseline = A4.height - (mmToPt(y) + this.fonts.primary.emAscent * size);
    const color = options.color ?? BLACK;
    const ops = this.ops();
    let pen = left;
    for (const run of this.fonts.runs(t)) {
      if (run.text.trim() !== '') ops.push({ kind: 'text', face: run.face, text: run.text, x: pen, y: baseline, size, color });
      pen += this.fonts.width(run.text, size);
    }
    return { width: ptToMm(widthPt) };
  }

  /**
   * Paragraphs separated by `\n`, justified, first lines indented, flowing onto new pages
   * when the box is full. At 16 pt the characters sit on the GB/T 9704 grid (28 × 22).
   */
  drawParagraphs(text: string, options: ParagraphOptions = {}): ParagraphResult {
    const field = options.field ?? 'paragraphs';
    const size = options.size ?? GBT9704.body.sizePt;
    assertSize(size, `drawParagraphs(${field})`);
    const t = this.prepare(text, field);
    this.ensurePage();
    const grid = options.grid ?? size === GBT9704.body.sizePt;
    const lineHeightMm = options.lineHeight ?? (size === GBT9704.body.sizePt ? GBT9704.body.linePitch : ptToMm(size * 1.5));
    const box = options.box ?? { x: BLOCK.x, y: this.cursorY, width: BLOCK.width, height: Math.max(0, BLOCK_BOTTOM - this.cursorY) };
    const continueBox = options.continueBox ?? BLOCK;
    if (options.box) assertBox(box, `drawParagraphs(${field}).box`);
    assertBox(continueBox, `drawParagraphs(${field}).continueBox`);
    if (continueBox.width !== box.width) {
      throw new InvalidArgumentError(`drawParagraphs(${field}): continueBox 须与 box 同宽 / continueBox must have the width of box`);
    }
    const lineHeight = mmToPt(lineHeightMm);
    const lines = layoutParagraphs(
      t,
      mmToPt(box.width),
      {
        size,
        lineHeight,
        indentChars: options.indent ?? GBT9704.body.indentChars,
        charPitch: grid ? GBT9704_PT.charPitch : undefined,
        justify: options.justify,
        maxStretchEm: options.maxStretch,
      },
      this.fonts.measureAt(size),
    );
    const nextCapacity = linesThatFit(mmToPt(continueBox.height), lineHeight);
    if (nextCapacity < 1) throw new InvalidArgumentError(`drawParagraphs(${field}): continueBox 放不下一行 / continueBox cannot hold one line`);
    const chunks = paginate(lines, linesThatFit(mmToPt(box.height), lineHeight), nextCapacity);
    const color = options.color ?? BLACK;
    const pages: number[] = [];
    const id = `p${++this.paragraphSeq}`;
    const firsts = new Set(lines.filter((l, i) => i === 0 || lines[i - 1].paragraph !== l.paragraph));
    chunks.forEach((chunk, k) => {
      const b = k === 0 ? box : continueBox;
      if (k > 0) this.nextPage();
      if (chunk.length === 0) return;
      pages.push(this.current);
      const starts = this.placeLines(chunk, b, lineHeight, size, color, 'left', 0);
      const page = this.pages[this.current];
      chunk.forEach((line, j) => {
        page.lines.push({
          opsStart: starts[j],
          opsEnd: j + 1 < chunk.length ? starts[j + 1] : page.ops.length,
          top: b.y + j * lineHeightMm,
          paragraph: `${id}.${line.paragraph}`,
          first: firsts.has(line),
        });
      });
      this.cursorY = b.y + chunk.length * lineHeightMm;
    });
    return { pages, lines: lines.length, end: { page: this.current, y: this.cursorY } };
  }

  /** Draws lines into the box; returns the index in the page's ops where each line starts. */
  private placeLines(lines: FlowLine[], box: Box, lineHeightPt: number, size: number, color: Rgb, align: 'left' | 'center' | 'right', topOffsetPt: number): number[] {
    const ops = this.ops();
    const emAscent = this.fonts.primary.emAscent;
    const boxTop = mmToPt(box.y) + topOffsetPt;
    const boxWidth = mmToPt(box.width);
    const starts: number[] = [];
    lines.forEach((line, j) => {
      starts.push(ops.length);
      const baseline = A4.height - baselineBelowTop(boxTop + j * lineHeightPt, lineHeightPt, size, emAscent);
      const extent = lineExtent(line);
      const shift = align === 'center' ? (boxWidth - extent) / 2 : align === 'right' ? boxWidth - extent : 0;
      ops.push(...lineToOps(line, mmToPt(box.x), baseline, size, this.fonts, color, shift));
    });
    return starts;
  }

  /**
   * Lines and height (mm) that drawParagraphs would give `text` in the text block width (nothing
   * is drawn): for a block that must be kept with what precedes it.
   */
  measureParagraphs(text: string, options: Pick<ParagraphOptions, 'size' | 'indent' | 'lineHeight' | 'grid' | 'field'> = {}): { lines: number; height: number } {
    const field = options.field ?? 'paragraphs';
    const size = options.size ?? GBT9704.body.sizePt;
    assertSize(size, `measureParagraphs(${field})`);
    const t = this.prepare(text, field);
    const grid = options.grid ?? size === GBT9704.body.sizePt;
    const lineHeightMm = options.lineHeight ?? (size === GBT9704.body.sizePt ? GBT9704.body.linePitch : ptToMm(size * 1.5));
    const lines = layoutParagraphs(
      t,
      mmToPt(BLOCK.width),
      { size, lineHeight: mmToPt(lineHeightMm), indentChars: options.indent ?? GBT9704.body.indentChars, charPitch: grid ? GBT9704_PT.charPitch : undefined },
      this.fonts.measureAt(size),
    );
    return { lines: lines.length, height: lines.length * lineHeightMm };
  }

  /**
   * Keep-with-previous: starts the next page for a block that does not fit on this one, taking
   * along the last body lines of this page (at least `minLines`, see forms-lib/layout
   * keepWithPrevious) so that the block does not stand alone. Only lines drawn by
   * drawParagraphs at the very end of the page move; on a page followed by one already begun
   * nothing moves. The cursor ends below the moved lines.
   */
  private breakKeepingLines(minLines: number): void {
    const page = this.pages[this.current];
    const isLast = this.current === this.pages.length - 1;
    const tail: BodyLine[] = [];
    let end = page.ops.length;
    for (let k = page.lines.length - 1; k >= 0 && page.lines[k].opsEnd === end; k--) {
      tail.unshift(page.lines[k]);
      end = page.lines[k].opsStart;
    }
    const others = end > 0 ? 1 : 0;
    const carry = isLast && minLines > 0 ? keepWithPrevious(tail, tail.length + others, minLines) : 0;
    if (carry === 0) {
      this.nextPage();
      return;
    }
    const moving = tail.slice(tail.length - carry);
    const from = moving[0].opsStart;
    const ops = page.ops.splice(from);
    page.lines.splice(page.lines.length - carry);
    const dyMm = moving[0].top - BLOCK.y;
    const cursorY = this.cursorY - dyMm;
    this.page();
    const next = this.pages[this.current];
    const dy = mmToPt(dyMm);
    for (const op of ops) next.ops.push(shiftOp(op, dy));
    for (const l of moving) next.lines.push({ ...l, opsStart: l.opsStart - from, opsEnd: l.opsEnd - from, top: l.top - dyMm });
    this.cursorY = cursorY;
  }

  /**
   * The title (标题), 二号 by default, each line centred in the text block; moves to a new
   * page first if it would not fit. A title of several lines keeps the line count of plain
   * breaking but is rebalanced (forms-lib/layout breakBalanced): even lines, broken at the
   * word boundaries of `breaks` where possible, never one or two characters alone on a line
   * (GB/T 9704 7.3.1). The cursor ends one body line below it.
   */
  drawTitle(text: string, options: TitleOptions = {}): { page: number; y: number; lines: string[] } {
    const field = options.field ?? 'title';
    const size = options.size ?? GBT9704.title.sizePt;
    assertSize(size, `drawTitle(${field})`);
    const t = this.prepare(text, field);
    this.ensurePage();
    const lineHeightMm = options.lineHeight ?? ptToMm(size * 1.35);
    const lines = layoutBalanced(t, mmToPt(BLOCK.width), { size, lineHeight: mmToPt(lineHeightMm), hints: options.breaks, shortLine: 2 }, this.fonts.measureAt(size));
    let y = options.y ?? this.cursorY;
    if (y + lines.length * lineHeightMm > BLOCK_BOTTOM + 1e-6 && options.y === undefined) {
      this.nextPage();
      y = this.cursorY;
    }
    this.placeLines(lines, { x: BLOCK.x, y, width: BLOCK.width, height: lines.length * lineHeightMm }, mmToPt(lineHeightMm), size, options.color ?? BLACK, 'center', 0);
    this.cursorY = y + lines.length * lineHeightMm + (options.spaceAfter ?? GBT9704.body.linePitch);
    return { page: this.current, y, lines: lines.map((l) => l.text) };
  }

  /**
   * The size and lines at which `text` would fit `box` (nothing is drawn): binary search on
   * the font size in [minSize, maxSize]. `fits` is false when even minSize is too big.
   */
  fitToBox(text: string, box: Box, options: TextBoxOptions = {}): { fits: boolean; size: number; lines: string[]; lineHeight: number; height: number } {
    const field = options.field ?? 'text';
    assertBox(box, `fitToBox(${field})`);
    const t = this.prepare(text, field);
    try {
      const { result } = fitInBox(this.fonts, t, box, options, field);
      return { fits: true, size: result.size, lines: result.lines.map((l) => l.text), lineHeight: ptToMm(result.lineHeight), height: ptToMm(result.height) };
    } catch (err) {
      if (!(err instanceof TextDoesNotFitError)) throw err;
      return { fits: false, size: Math.min(options.minSize ?? 6, options.maxSize ?? GBT9704.body.sizePt), lines: [], lineHeight: 0, height: 0 };
    }
  }

  /**
   * Text fitted into a rectangle: the largest size in [minSize, maxSize] at which it fits
   * (binary search), wrapped if needed. Throws TextDoesNotFitError when even minSize is too big.
   */
  drawTextInBox(text: string, box: Box, options: TextBoxOptions = {}): FitResult {
    const field = options.field ?? 'text';
    assertBox(box, `drawTextInBox(${field})`);
    const t = this.prepare(text, field);
    const { result, inner } = fitInBox(this.fonts, t, box, options, field);
    const offset = valignOffset(result, mmToPt(inner.height), options.valign ?? 'middle');
    this.placeLines(result.lines, inner, result.lineHeight, result.size, options.color ?? BLACK, options.align ?? 'left', offset);
    return result;
  }

  /** A horizontal rule at y (mm) from x1 to x2 (default: the text block's width). */
  drawRule(y: number, options: StrokeOptions & { x1?: number; x2?: number } = {}): void {
    const x1 = options.x1 ?? BLOCK.x;
    const x2 = options.x2 ?? BLOCK.x + BLOCK.width;
    if (![y, x1, x2].every(Number.isFinite)) throw new InvalidArgumentError('drawRule: y, x1, x2 须为数字 / must be numbers');
    const py = A4.height - mmToPt(y);
    this.ops().push({ kind: 'line', x1: mmToPt(x1), y1: py, x2: mmToPt(x2), y2: py, thickness: mmToPt(options.thickness ?? 0.35), color: options.color ?? BLACK, dash: options.dash?.map(mmToPt) });
  }

  /** A rectangle outline (and optional fill). */
  drawBox(box: Box, options: StrokeOptions & { fill?: Rgb } = {}): void {
    assertBox(box, 'drawBox');
    this.ops().push({
      kind: 'rect',
      x: mmToPt(box.x),
      y: A4.height - mmToPt(box.y + box.height),
      width: mmToPt(box.width),
      height: mmToPt(box.height),
      thickness: mmToPt(options.thickness ?? 0.25),
      color: options.color ?? BLACK,
      fill: options.fill,
      dash: options.dash?.map(mmToPt),
    });
  }

  /**
   * 发文机关署名 and 成文日期 with room for the seal, as GB/T 9704-2012 7.3.5.1 sets them:
   * the date right-aligned leaving four characters (右空四字), the issuer centred over the
   * date, the seal centred on them so that both sit a little below its centre, its top
   * within one line of the text above. Moves to a new page when the seal would not fit.
   */
  drawDateWithSeal(options: DateWithSealOptions): DateWithSealResult {
    const field = options.field ?? '成文日期';
    const size = options.size ?? GBT9704.body.sizePt;
    assertSize(size, `drawDateWithSeal(${field})`);
    const dateText = formatChineseDate(options.date);
    this.prepare(dateText, field);
    const issuer = options.issuer !== undefined ? this.prepare(options.issuer, '发文机关署名').replace(/\n/g, '') : undefined;
    const diameter = options.seal?.diameter ?? 42;
    if (!(diameter > 0)) throw new InvalidArgumentError('drawDateWithSeal: seal.diameter 须为正 / must be positive');
    this.ensurePage();
    const lh = GBT9704.body.linePitch;
    // heights below the top of the block: the seal, and the date line with what must follow it
    const sealBottom = lh / 4 + diameter;
    const dateBottom = lh / 4 + diameter / 2 + lh / 4 + (issuer !== undefined ? lh : lh / 2);
    const need = Math.max(sealBottom, dateBottom + Math.max(0, options.reserveAfter ?? 0));
    let top = options.y ?? this.cursorY;
    if (top + need > BLOCK_BOTTOM + 1e-6 && options.y === undefined) {
      this.breakKeepingLines(options.keepWithPrevious ?? 2);
      top = this.cursorY;
    }

    const widthOf = (s: string): number => ptToMm(gridWidth(this.fonts, s, size));
    const dateWidth = widthOf(dateText);
    const right = BLOCK.x + BLOCK.width - GBT9704.date.rightSpaceChars * GBT9704.body.charPitch;
    const dateX = right - dateWidth;
    const centreX = dateX + dateWidth / 2;
    const sealTop = top + lh / 4;
    const sealCentreY = sealTop + diameter / 2;
    // The two lines (issuer over date) are centred a quarter line below the seal's centre.
    const pairTop = sealCentreY + lh / 4 - (issuer !== undefined ? lh : lh / 2);
    const issuerTop = pairTop;
    const dateTop = issuer !== undefined ? pairTop + lh : pairTop;

    let issuerBox: Box | undefined;
    if (issuer !== undefined) {
      const w = widthOf(issuer);
      issuerBox = { x: centreX - w / 2, y: issuerTop, width: w, height: lh };
      this.drawGridLine(issuer, issuerBox.x, issuerTop, lh, size);
    }
    const dateBox: Box = { x: dateX, y: dateTop, width: dateWidth, height: lh };
    this.drawGridLine(dateText, dateX, dateTop, lh, size);
    const sealBox: Box = { x: centreX - diameter / 2, y: sealTop, width: diameter, height: diameter };
    if (options.seal?.outline) {
      this.ops().push({
        kind: 'ellipse',
        cx: mmToPt(centreX),
        cy: A4.height - mmToPt(sealCentreY),
        rx: mmToPt(diameter / 2),
        ry: mmToPt(diameter / 2),
        thickness: 0.5,
        color: SEAL_RED,
        dash: [3, 2],
      });
    }
    this.cursorY = Math.max(dateTop + lh, sealTop + diameter);
    return { page: this.current, dateText, dateBox, issuerBox, sealBox };
  }

  /** One line on the body grid, left edge x, line box top y (mm). */
  private drawGridLine(text: string, x: number, top: number, lineHeightMm: number, size: number): void {
    const lines = layoutParagraphs(text, 1e6, { size, lineHeight: mmToPt(lineHeightMm), indentChars: 0, charPitch: gridPitch(size), justify: false }, this.fonts.measureAt(size));
    this.placeLines(lines.slice(0, 1), { x, y: top, width: 1e3, height: lineHeightMm }, mmToPt(lineHeightMm), size, BLACK, 'left', 0);
  }

  /** Writes the PDF. Page numbers, letterhead and metadata are added here. */
  async finish(): Promise<Uint8Array> {
    this.ensurePage();
    const pdfDoc = await PDFDocument.create();
    const pageOps: DrawOp[][] = this.pages.map((p) => [...p.ops]);
    if (this.pageNumbers !== 'none') {
      pageOps.forEach((ops, i) => ops.push(...pageNumberOps(this.fonts, this.pages[i].number, this.pageNumbers as 'gbt9704' | 'center')));
    }
    const embedded = await prepareFonts(pdfDoc, this.fonts, pageOps, this.deflate);
    let background: PDFEmbeddedPage | undefined;
    if (this.letterhead) [background] = await pdfDoc.embedPdf(this.letterhead, [0]);
    pageOps.forEach((ops, i) => {
      const page = pdfDoc.addPage([A4.width, A4.height]);
      if (background && (this.pages[i].number === 1 || this.letterheadOn === 'all')) {
        const scale = Math.min(A4.width / background.width, A4.height / background.height);
        page.drawPage(background, { x: 0, y: A4.height - background.height * scale, xScale: scale, yScale: scale });
      }
      renderOps(page, ops, embedded);
    });
    embedded.finalize();
    applyMeta(pdfDoc, this.meta);
    return pdfDoc.save({ useObjectStreams: true, updateFieldAppearances: false });
  }
}

/** Sets title (shown in the window title bar), author, subject, keywords, language, producer, dates. */
export function applyMeta(pdfDoc: PDFDocument, meta: Partial<DocumentMeta>): void {
  if (meta.title !== undefined) pdfDoc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author !== undefined) pdfDoc.setAuthor(meta.author);
  if (meta.subject !== undefined) pdfDoc.setSubject(meta.subject);
  if (meta.keywords !== undefined) pdfDoc.setKeywords(meta.keywords);
  pdfDoc.setLanguage(meta.language ?? 'zh-CN');
  pdfDoc.setCreator('xxgk-kit forms-lib');
  pdfDoc.setProducer('xxgk-kit forms-lib (pdf-lib 1.17.1, fontkit 2.0.4)');
  const date = meta.date ?? new Date();
  pdfDoc.setCreationDate(date);
  pdfDoc.setModificationDate(date);
}

/** An operation moved `dy` pt up the page (PDF y grows upwards). */
function shiftOp(op: DrawOp, dy: number): DrawOp {
  switch (op.kind) {
    case 'text':
      return { ...op, y: op.y + dy };
    case 'line':
      return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
    case 'rect':
      return { ...op, y: op.y + dy };
    case 'ellipse':
      return { ...op, cy: op.cy + dy };
    default:
      return op;
  }
}

/** The body grid pitch scaled to `size` (pt): 156/28 mm at 16 pt. */
function gridPitch(size: number): number {
  return (GBT9704_PT.charPitch * size) / GBT9704.body.sizePt;
}

/** Width in pt of one line with full-width characters on the body grid. */
function gridWidth(fonts: LoadedFonts, text: string, size: number): number {
  const m = gridMeasure(fonts.measureAt(size), size, gridPitch(size));
  return segment(text).reduce((w, u) => w + m(u), 0);
}

function pageNumberOps(fonts: LoadedFonts, n: number, mode: 'gbt9704' | 'center'): DrawOp[] {
  const size = GBT9704.pageNumber.sizePt;
  const text = formatPageNumber(n);
  fonts.check(text, '页码');
  const widthPt = fonts.width(text, size);
  const { x, dashY } = pageNumberPosition(n, ptToMm(widthPt), mode);
  const dash = fonts.faces[fonts.faceFor(GBT9704.pageNumber.dash)];
  const bbox = dash.font.glyphForCodePoint(GBT9704.pageNumber.dash.codePointAt(0) ?? 0).bbox;
  const dashMid = Number.isFinite(bbox.minY) ? (bbox.minY + bbox.maxY) / 2 / dash.unitsPerEm : 0.27;
  const baseline = A4.height - mmToPt(dashY) - dashMid * size;
  const ops: DrawOp[] = [];
  let pen = mmToPt(x);
  for (const run of fonts.runs(text)) {
    ops.push({ kind: 'text', face: run.face, text: run.text, x: pen, y: baseline, size, color: BLACK });
    pen += fonts.width(run.text, size);
  }
  return ops;
}

/** Fit `text` into `box` (mm) minus padding; shared with the AcroForm filler. */
export function fitInBox(fonts: LoadedFonts, text: string, box: Box, options: TextBoxOptions, field: string): { result: FitResult; inner: Box } {
  const padding = options.padding ?? 0.5;
  const inner: Box = { x: box.x + padding, y: box.y + padding, width: box.width - 2 * padding, height: box.height - 2 * padding };
  if (inner.width <= 0 || inner.height <= 0) throw new TextDoesNotFitError(field, options.minSize ?? 6, box);
  const maxSize = options.maxSize ?? GBT9704.body.sizePt;
  const minSize = Math.min(options.minSize ?? 6, maxSize);
  const align = options.align ?? 'left';
  const result = fitToBox(
    text,
    { width: mmToPt(inner.width), height: mmToPt(inner.height) },
    { maxSize, minSize, lineHeightRatio: options.lineHeightRatio ?? 1.25, indentChars: options.indent ?? 0, justify: align === 'left', balance: options.balance, hints: options.breaks },
    fonts.measureAt,
  );
  if (!result.fits) throw new TextDoesNotFitError(field, minSize, box);
  return { result, inner };
}

export function valignOffset(result: FitResult, innerHeightPt: number, valign: 'top' | 'middle' | 'bottom'): number {
  const free = Math.max(0, innerHeightPt - result.height);
  return valign === 'top' ? 0 : valign === 'bottom' ? free : free / 2;
}

/**
 * A new document. `letterhead` (optional) is parsed here, so a broken or encrypted file fails
 * now rather than at finish().
 */
export async function createDocument(options: CreateDocumentOptions): Promise<FormDocument> {
  if (!options || !options.fonts || typeof options.fonts.check !== 'function') {
    throw new InvalidArgumentError('createDocument: fonts 须为 loadFonts() 的结果 / fonts must come from loadFonts()');
  }
  if (!options.meta || typeof options.meta.title !== 'string' || options.meta.title.trim() === '') {
    throw new InvalidArgumentError('createDocument: meta.title 必填 / meta.title is required');
  }
  let letterhead: PDFDocument | undefined;
  if (options.letterhead !== undefined) letterhead = await loadBasePdf(options.letterhead, '信纸底版 / letterhead');
  return new FormDocument(options, letterhead);
}

/** Loads a base PDF (letterhead or fillable form); clear errors for bad, empty or encrypted files. */
export async function loadBasePdf(bytes: Uint8Array, what: string): Promise<PDFDocument> {
  if (!(bytes instanceof Uint8Array)) throw new InvalidArgumentError(`${what}: 须为 PDF 字节 Uint8Array / must be the PDF bytes as a Uint8Array`);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (/encrypt/i.test(reason)) throw new BasePdfError(`${what} 已加密，请提供未加密的文件`, `${what} is encrypted; supply an unencrypted file`);
    throw new BasePdfError(`${what} 不是可读的 PDF（${reason}）`, `${what} is not a readable PDF (${reason})`);
  }
  if (doc.getPageCount() < 1) throw new BasePdfError(`${what} 没有页面`, `${what} has no pages`);
  return doc;
}
