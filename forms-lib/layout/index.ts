/** forms-lib/layout: GB/T 9704 page geometry, CJK line breaking, paragraph flow, fit-to-box. Pure. */
export { MM_PER_INCH, PT_PER_INCH, ZIHAO, mmToPt, ptToMm } from './units.ts';
export { GBT9704, GBT9704_PT, formatPageNumber, pageNumberPosition, type Box } from './gbt9704.ts';
export { formatChineseDate, parseDateParts, type DateParts } from './date.ts';
export {
  BALANCE_COST,
  NO_LINE_END,
  NO_LINE_START,
  breakBalanced,
  breakParagraph,
  canBreakBetween,
  gridMeasure,
  isGlued,
  segment,
  type BalanceOptions,
  type BreakHints,
  type BreakOptions,
  type Line,
  type LineItem,
  type Unit,
  type UnitKind,
} from './linebreak.ts';
export { wordHints, type Span } from './hints.ts';
export {
  MAX_STRETCH_EM,
  fitToBox,
  keepWithPrevious,
  layoutBalanced,
  layoutParagraphs,
  linesThatFit,
  normalizeText,
  paginate,
  splitParagraphs,
  type FitOptions,
  type FitResult,
  type FlowLine,
  type ParagraphStyle,
  type TailLine,
} from './flow.ts';
