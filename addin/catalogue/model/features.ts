/**
 * Cheap facts about a cell's text, found in one pass over its characters when the catalogue
 * model is built, so the classifier and the rules can skip a cell that cannot have their
 * problem without running their own regex over it (a 10,000-row catalogue holds ~2 M characters;
 * each full scan of them costs several milliseconds).
 *
 * Every bit is a necessary condition of the pattern named beside it: a clear bit proves the
 * pattern does not match, a set bit proves nothing. Pure.
 */

/** Any /\s/ character (which covers \u3000, \u00a0 and \ufeff). */
export const F_SPACE = 1 << 0;
/** A Chinese character [\u4e00-\u9fff]. */
export const F_HAN = 1 << 1;
/** ASCII punctuation that text-punctuation converts: /[,;:?!().]/. */
export const F_ASCII_MARK = 1 << 2;
/** Two characters that can start a Latin word: /[A-Za-z][A-Za-z'’-]/. */
export const F_LATIN = 1 << 3;
/** A bracket a 文号 year may open with: /[[［(（【〔]/. */
export const F_YEAR_OPEN = 1 << 4;
/** 《 or 〈. */
export const F_BOOK = 1 << 5;
/** 第. */
export const F_DI = 1 << 6;
/** ■ or □. */
export const F_BOX = 1 << 7;
/** An ASCII digit, whitespace, then . ． or 、 (the start of a list marker 「1.」). */
export const F_LIST = 1 << 8;
/** 第, whitespace, then an ASCII digit (the start of 「第20条」). */
export const F_ARABIC_DI = 1 << 9;
/** The counts of 《 and 》, 〈 and 〉, or （( and ）) differ (what bracketImbalances reports). */
export const F_UNBALANCED = 1 << 10;
/** A line break /[\r\n\u2028\u2029]/. */
export const F_LINE_BREAK = 1 << 11;
/** Any character but a Chinese character, an ASCII digit or letter (whitespace, punctuation, symbols …). */
export const F_SYMBOL = 1 << 12;
/** 〔 or [ (the brackets of a 文号 reference classify looks for). */
export const F_REF_BRACKET = 1 << 13;

/** Bits of ASCII characters (index = char code); digits and letters are handled in the loop. */
const ASCII = new Uint16Array(128);
for (const ch of ' \t\v\f') ASCII[ch.charCodeAt(0)] = F_SPACE;
for (const ch of '\n\r') ASCII[ch.charCodeAt(0)] = F_SPACE | F_LINE_BREAK;
for (const ch of ',;:?!.') ASCII[ch.charCodeAt(0)] = F_ASCII_MARK;
ASCII[0x28] = F_ASCII_MARK | F_YEAR_OPEN; // (
ASCII[0x29] = F_ASCII_MARK; // )
ASCII[0x5b] = F_YEAR_OPEN | F_REF_BRACKET; // [

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DI = 0x7b2c; // 第

/** Whether a code unit is /\s/. */
export function isSpaceCode(c: number): boolean {
  return c < 128 ? (ASCII[c] & F_SPACE) !== 0 : isWideSpace(c);
}

/** Whether a code unit outside ASCII is /\s/. */
function isWideSpace(c: number): boolean {
  return c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Whether c is an ASCII letter. */
function isLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** The last character before index i that is not whitespace (0: none). */
function solidBefore(s: string, i: number): number {
  for (let p = i - 1; p >= 0; p--) {
    const c = s.charCodeAt(p);
    if (c < 128 ? !(ASCII[c] & F_SPACE) : !isWideSpace(c)) return c;
  }
  return 0;
}

/**
 * Every character that sets a bit besides F_HAN and F_SYMBOL, or that the bits depend on: all of
 * ASCII (whitespace, punctuation, letters, digits), the other whitespace, the brackets counted
 * for F_UNBALANCED, 《〈［【〔■□第. (．、’ count only after a digit or letter, which are here.)
 */
// (global, as the two below: test() leaves lastIndex just past the character it found)
// eslint-disable-next-line no-control-regex -- all of ASCII, control characters included, on purpose
const SPECIAL = /[\x00-\x7f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff《》〈〉（）［【〔■□第]/g;
const HAN_CHAR = /[\u4e00-\u9fff]/g;
const NOT_HAN = /[^\u4e00-\u9fff]/g;

/** Whether `re` (global) finds a character before index `end`. */
function foundBefore(re: RegExp, s: string, end: number): boolean {
  re.lastIndex = 0;
  return re.test(s) && re.lastIndex <= end;
}

export function textFeatures(s: string): number {
  // most long texts (公开内容) hold Chinese characters and Chinese punctuation only: a pattern
  // scans them several times faster than the loop below, which then runs only for the others,
  // and only from their first special character on (「…的除外）」)
  const n = s.length;
  if (!foundBefore(SPECIAL, s, n)) return (foundBefore(HAN_CHAR, s, n) ? F_HAN : 0) | (foundBefore(NOT_HAN, s, n) ? F_SYMBOL : 0);
  const first = SPECIAL.lastIndex - 1;
  // (before it: Chinese characters, and other characters that are symbols)
  let f = first > 0 ? (foundBefore(HAN_CHAR, s, first) ? F_HAN : 0) | (foundBefore(NOT_HAN, s, first) ? F_SYMBOL : 0) : 0;
  // 《》, 〈〉, （( ）) counted as bracketImbalances does
  let book = 0;
  let angle = 0;
  let paren = 0;
  for (let i = first; i < n; i++) {
    const c = s.charCodeAt(i);
    // most characters are Chinese: nothing else to look at (the character before is looked up
    // by the rare characters whose bits depend on it)
    if (c >= 0x4e00 && c <= 0x9fff) {
      f |= c === DI ? F_HAN | F_DI : F_HAN;
      continue;
    }
    if (c < 128) {
      if (c >= DIGIT_0 && c <= DIGIT_9) {
        if (solidBefore(s, i) === DI) f |= F_ARABIC_DI;
      } else if (isLetter(c)) {
        if (i > 0 && isLetter(s.charCodeAt(i - 1))) f |= F_LATIN;
      } else {
        f |= ASCII[c] | F_SYMBOL;
        if (c === 0x28) paren++;
        else if (c === 0x29) paren--;
        else if (c === 0x2e) f |= isDigitBefore(s, i);
        else if ((c === 0x27 || c === 0x2d) && i > 0 && isLetter(s.charCodeAt(i - 1))) f |= F_LATIN; // ' -
      }
      continue;
    }
    f |= F_SYMBOL;
    switch (c) {
      case 0x300a: // 《
        f |= F_BOOK;
        book++;
        break;
      case 0x300b: // 》
        book--;
        break;
      case 0x3008: // 〈
        f |= F_BOOK;
        angle++;
        break;
      case 0x3009: // 〉
        angle--;
        break;
      case 0xff08: // （
        f |= F_YEAR_OPEN;
        paren++;
        break;
      case 0xff09: // ）
        paren--;
        break;
      case 0xff3b: // ［
      case 0x3010: // 【
        f |= F_YEAR_OPEN;
        break;
      case 0x3014: // 〔
        f |= F_YEAR_OPEN | F_REF_BRACKET;
        break;
      case 0x25a0: // ■
      case 0x25a1: // □
        f |= F_BOX;
        break;
      case 0xff0e: // ．
      case 0x3001: // 、
        f |= isDigitBefore(s, i);
        break;
      case 0x2019: // ’
        if (i > 0 && isLetter(s.charCodeAt(i - 1))) f |= F_LATIN;
        break;
      default:
        if (isWideSpace(c)) f |= c === 0x2028 || c === 0x2029 ? F_SPACE | F_LINE_BREAK : F_SPACE;
    }
  }
  if (book !== 0 || angle !== 0 || paren !== 0) f |= F_UNBALANCED;
  return f;
}

/** F_LIST when the last character before a list marker at i, past whitespace, is a digit. */
function isDigitBefore(s: string, i: number): number {
  const p = solidBefore(s, i);
  return p >= DIGIT_0 && p <= DIGIT_9 ? F_LIST : 0;
}
