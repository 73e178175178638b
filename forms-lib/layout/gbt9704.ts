/**
 * Page geometry of GB/T 9704-2012《党政机关公文格式》, section 5.2 (版面) and 7 (公文格式各要素),
 * in millimetres unless a name says pt. All numbers follow from the standard:
 *
 * - A4 paper 210 × 297 mm (5.1)
 * - 天头 (top margin) 37 mm, 订口 (left/binding margin) 28 mm (5.2.1)
 * - 版心 (text block) 156 × 225 mm (5.2.1), so the outer margin is 26 mm and the bottom 35 mm
 * - 正文 三号仿宋 (16 pt); 一般每面排22行，每行排28个字 (5.2.2)
 * - 标题 二号小标宋 (22 pt) (7.2.5)
 * - 页码 四号半角阿拉伯数字, 数码左右各放一条一字线, 一字线上距版心下边缘 7 mm;
 *   单页码居右空一字，双页码居左空一字 (7.5)
 * - 成文日期 右空四字 (7.3.5.1)
 *
 * A 28-character line at 16 pt would be 158.0 mm, wider than the 156 mm text block, so the
 * grid the standard describes is a pitch of 156/28 mm per character (Word's 文档网格 does
 * the same): glyphs are set at 16 pt and advanced by the pitch, 0.21 pt tighter than 1 em.
 */
import { mmToPt } from './units.ts';

export interface Box {
  /** left edge, mm from the left of the page */
  x: number;
  /** top edge, mm from the top of the page */
  y: number;
  width: number;
  height: number;
}

const PAGE = { width: 210, height: 297 } as const;
const TOP = 37;
const LEFT = 28;
const BLOCK = { width: 156, height: 225 } as const;
const CHARS_PER_LINE = 28;
const LINES_PER_PAGE = 22;

export const GBT9704 = {
  page: PAGE,
  margins: {
    /** 天头 */
    top: TOP,
    /** 订口 */
    left: LEFT,
    /** 翻口 = 210 − 28 − 156 */
    right: PAGE.width - LEFT - BLOCK.width,
    /** 下白边 = 297 − 37 − 225 */
    bottom: PAGE.height - TOP - BLOCK.height,
  },
  /** 版心 */
  textBlock: { x: LEFT, y: TOP, width: BLOCK.width, height: BLOCK.height } as Readonly<Box>,
  body: {
    /** 三号 */
    sizePt: 16,
    charsPerLine: CHARS_PER_LINE,
    linesPerPage: LINES_PER_PAGE,
    /** horizontal grid pitch, mm (≈ 5.571 mm ≈ 15.79 pt) */
    charPitch: BLOCK.width / CHARS_PER_LINE,
    /** vertical grid pitch, mm (≈ 10.227 mm ≈ 28.99 pt) */
    linePitch: BLOCK.height / LINES_PER_PAGE,
    /** first-line indent of a paragraph, in characters */
    indentChars: 2,
  },
  title: {
    /** 二号 */
    sizePt: 22,
  },
  pageNumber: {
    /** 四号 */
    sizePt: 14,
    /** the 一字线 lies this far below the bottom of the text block */
    belowTextBlock: 7,
    /** 单页码居右空一字，双页码居左空一字: one character of the page-number size */
    sideSpaceChars: 1,
    dash: '\u2014',
  },
  date: {
    /** 成文日期右空四字: four body characters between the date and the right edge */
    rightSpaceChars: 4,
  },
} as const;

export const GBT9704_PT = {
  charPitch: mmToPt(GBT9704.body.charPitch),
  linePitch: mmToPt(GBT9704.body.linePitch),
} as const;

/** A page number as GB/T 9704 prints it: `— 7 —` (一字线, half-width digits). */
export function formatPageNumber(n: number): string {
  return `${GBT9704.pageNumber.dash} ${n} ${GBT9704.pageNumber.dash}`;
}

/**
 * Where a page number goes under GB/T 9704 7.5: odd pages right-aligned with one character
 * of space from the right edge of the text block, even pages left-aligned with one character
 * from the left edge. Returns the left x (mm) for a number `widthMm` wide, and the y (mm from
 * the top of the page) of the 一字线.
 */
export function pageNumberPosition(
  pageNumber: number,
  widthMm: number,
  placement: 'gbt9704' | 'center' = 'gbt9704',
): { x: number; dashY: number } {
  const block = GBT9704.textBlock;
  const oneChar = (GBT9704.pageNumber.sizePt * 25.4) / 72;
  const dashY = block.y + block.height + GBT9704.pageNumber.belowTextBlock;
  if (placement === 'center') return { x: block.x + (block.width - widthMm) / 2, dashY };
  const odd = pageNumber % 2 === 1;
  const x = odd ? block.x + block.width - oneChar - widthMm : block.x + oneChar;
  return { x, dashY };
}
