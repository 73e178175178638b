/**
 * Named errors of forms-lib/pdf. Each message says what is wrong and how to fix it, first in
 * Chinese, then in English; the data is also on the error object for callers that render
 * their own messages.
 */

/** `U+5803` for 堃. */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character is in none of the loaded fonts. */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  readonly character: string;
  /** e.g. `U+5803` */
  readonly codePoint: string;
  readonly field: string;
  constructor(character: string, field: string) {
    const cp = codePointLabel(character);
    super(
      `字段「${field}」中的字符「${character}」(${cp}) 不在已加载的字体中，也没有后备字体包含它。` +
        `请加入含有该字的字体（如完整的思源宋体/Noto Serif SC 或本单位的 TrueType 字体）：命令行在机关设置 JSON 的 "fonts" 中列出字体文件，任务窗格在「设置 › 自有字体」中选择；或改用规范汉字。 / ` +
        `Field "${field}": character "${character}" (${cp}) is not in the loaded fonts and no fallback font has it. ` +
        `Add a font that contains it (e.g. the full Noto Serif SC or an office-supplied TrueType font): on the command line list its file under "fonts" in the office settings JSON, in the task pane pick it under 设置 › 自有字体 (Settings › Own font); or use the standard character.`,
    );
    this.character = character;
    this.codePoint = cp;
    this.field = field;
  }
}

/** Font bytes could not be parsed, or are a collection. */
export class FontLoadError extends Error {
  override readonly name = 'FontLoadError';
  readonly which: string;
  constructor(which: string, reason: string) {
    super(
      `无法读取字体（${which}）：${reason}。请提供 TrueType (.ttf)、OpenType (.otf) 或 WOFF/WOFF2 字体文件的字节。 / ` +
        `Cannot read font (${which}): ${reason}. Pass the bytes of a TrueType (.ttf), OpenType (.otf) or WOFF/WOFF2 font.`,
    );
    this.which = which;
  }
}

/** Some requested AcroForm fields are not in the PDF. */
export class FormFieldNotFoundError extends Error {
  override readonly name = 'FormFieldNotFoundError';
  readonly missing: string[];
  readonly available: string[];
  constructor(missing: string[], available: string[]) {
    const list = available.length > 0 ? available.map((n) => `「${n}」`).join('、') : '（无）';
    const listEn = available.length > 0 ? available.map((n) => `"${n}"`).join(', ') : '(none)';
    super(
      `PDF 表单中没有字段 ${missing.map((n) => `「${n}」`).join('、')}。该 PDF 含有的字段：${list}。请检查字段名（区分全角/半角与空格）。 / ` +
        `The PDF form has no field ${missing.map((n) => `"${n}"`).join(', ')}. Fields in this PDF: ${listEn}. Check the names (full-width vs half-width characters and spaces matter).`,
    );
    this.missing = missing;
    this.available = available;
  }
}

/** A text does not fit its box even at the smallest allowed size. */
export class TextDoesNotFitError extends Error {
  override readonly name = 'TextDoesNotFitError';
  readonly field: string;
  readonly minSize: number;
  constructor(field: string, minSize: number, box: { width: number; height: number }) {
    const dims = `${box.width.toFixed(1)} × ${box.height.toFixed(1)} mm`;
    super(
      `字段「${field}」的内容在最小字号 ${minSize} pt 下仍放不进 ${dims} 的框内。请缩短内容、放大框或调低 minSize。 / ` +
        `Field "${field}": the text does not fit the ${dims} box even at the minimum size of ${minSize} pt. Shorten it, enlarge the box or lower minSize.`,
    );
    this.field = field;
    this.minSize = minSize;
  }
}

/** The base (letterhead or fillable) PDF cannot be used. */
export class BasePdfError extends Error {
  override readonly name = 'BasePdfError';
  constructor(reason: string, reasonEn: string) {
    super(`底版 PDF 无法使用：${reason} / The base PDF cannot be used: ${reasonEn}`);
  }
}

/** An argument at the API boundary is invalid. */
export class InvalidArgumentError extends TypeError {
  override readonly name = 'InvalidArgumentError';
  constructor(message: string) {
    super(message);
  }
}
