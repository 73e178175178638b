/**
 * The character set of the committed font subset: GB 2312-80 (all 6,763 hanzi and the
 * symbol rows 1–9), printable ASCII, and the punctuation that Chinese official documents
 * use (GB/T 15834), including the 一字线 used around page numbers (`— 1 —`).
 *
 * GB 2312 is generated, not pasted: every EUC-CN byte pair is decoded with the platform's
 * `TextDecoder('gb2312')` (the WHATWG GBK decoder, a superset of GB 2312), and only code
 * points that GB 2312 assigns are kept.
 */

/** Rows 0xB0–0xF7 hold the hanzi (level 1: B0–D7, level 2: D8–F7). */
const HANZI_ROWS: readonly [number, number] = [0xb0, 0xf7];
/** Rows 0xA1–0xA9 hold symbols, full-width ASCII, kana, Greek, Cyrillic, pinyin, box drawing. */
const SYMBOL_ROWS: readonly [number, number] = [0xa1, 0xa9];
const CELLS: readonly [number, number] = [0xa1, 0xfe];

/** Punctuation that must be present whatever the decoder says (GB/T 15834, GB/T 9704). */
export const REQUIRED_PUNCTUATION =
  '〔〕《》〈〉「」『』【】“”‘’…—―·・、。，；：？！（）％' + // brief + common variants
  '　〇～－￥℃№＊＃＆＠＋＝＜＞｛｝［］｜／＼' + // full-width forms seen in forms
  '①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ' +
  '×÷±°′″§→←↑↓√■□▲△◆◇○●★☆✓';

function decodeRows(decoder: { decode(bytes: Uint8Array): string }, rows: readonly [number, number], keep: (ch: string) => boolean): string[] {
  const out: string[] = [];
  for (let row = rows[0]; row <= rows[1]; row++) {
    for (let cell = CELLS[0]; cell <= CELLS[1]; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      if ([...ch].length === 1 && keep(ch)) out.push(ch);
    }
  }
  return out;
}

function isPrivateUseOrReplacement(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff);
}

/** The 6,763 hanzi of GB 2312, in GB 2312 order. */
export function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gb2312');
  return decodeRows(decoder, HANZI_ROWS, (ch) => /^\p{Script=Han}$/u.test(ch));
}

/**
 * The symbols of rows 1–9 (0xA1–0xA9) as the GBK decoder reads them: GB 2312's 682 symbols
 * plus the few characters GBK assigned to empty cells of those rows (e.g. ⅰ–ⅹ, ︵︶ vertical
 * forms); private-use and undecodable cells are dropped.
 */
export function gb2312Symbols(): string[] {
  const decoder = new TextDecoder('gb2312');
  return decodeRows(decoder, SYMBOL_ROWS, (ch) => !isPrivateUseOrReplacement(ch));
}

/** Printable ASCII U+0020–U+007E. */
export function asciiPrintable(): string[] {
  const out: string[] = [];
  for (let cp = 0x20; cp <= 0x7e; cp++) out.push(String.fromCodePoint(cp));
  return out;
}

/** The full character set of the committed subset, deduplicated, in a stable order. */
export function subsetCharacters(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ch of [...asciiPrintable(), ...gb2312Symbols(), ...REQUIRED_PUNCTUATION, ...gb2312Hanzi()]) {
    if (!seen.has(ch)) {
      seen.add(ch);
      out.push(ch);
    }
  }
  return out;
}
