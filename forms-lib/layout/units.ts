/** Length units. The public API speaks millimetres; PDF speaks points (1 pt = 1/72 in). */

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;

export function mmToPt(mm: number): number {
  return (mm * PT_PER_INCH) / MM_PER_INCH;
}

export function ptToMm(pt: number): number {
  return (pt * MM_PER_INCH) / PT_PER_INCH;
}

/**
 * Traditional Chinese type sizes (字号) in points, as Word and WPS define them.
 * GB/T 9704-2012 names sizes this way: 正文三号, 标题二号, 页码四号.
 */
export const ZIHAO = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
} as const;
