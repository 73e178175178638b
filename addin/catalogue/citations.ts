/**
 * Pure helpers for 公开依据 text: Chinese numerals, 文号 (document numbers such as
 * 国办发〔2017〕47号), 《》 balance, numbered lists 「1.…；2.…」, article references 第X条, and
 * the (title, 文号) pairs a cell cites. No I/O, no host objects.
 */

import { isSpaceCode } from './model/features.ts';

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const DIGITS = '零一二三四五六七八九';

/** 20 -> 二十, 101 -> 一百零一, 110 -> 一百一十 (the style of legal article numbers). 1 ≤ n ≤ 9999. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return '零';
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const u = units[ds.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + u;
  });
  // 一十X -> 十X at the start (十二, not 一十二)
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** 二十 -> 20, 十五 -> 15, 一百零一 -> 101, 两 -> 2, 二〇一七 -> 2017; undefined when not a numeral. */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  const digit = (ch: string) => (ch === '两' ? 2 : ch === '〇' ? 0 : DIGITS.indexOf(ch));
  // digit by digit, as in years: 二〇一七
  if (!/[十百千]/.test(s)) return Number([...s].map(digit).join(''));
  let total = 0;
  let cur = -1;
  for (const ch of s) {
    const d = digit(ch);
    if (d >= 0) {
      cur = d;
      continue;
    }
    const mult = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
    total += (cur < 0 ? 1 : cur) * mult;
    cur = -1;
  }
  if (cur > 0) total += cur;
  return total;
}

/** An Arabic or Chinese number. */
export function parseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseNumeral(s);
}

// ---------------------------------------------------------------------------------------------
// Edits on a string

export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping changes (an overlapping one is dropped). */
export function applyChanges(s: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const c of sorted) {
    if (c.start < pos) continue;
    out += s.slice(pos, c.start) + c.text;
    pos = c.end;
  }
  return out + s.slice(pos);
}

// ---------------------------------------------------------------------------------------------
// 文号

export interface DocNumber {
  /** span of the bracketed year through 号 (or the number when 号 is missing) */
  start: number;
  end: number;
  raw: string;
  /** the issuing office's code before the year, as far as it can be told (国办发) */
  prefix: string;
  /** index where `prefix` begins */
  codeStart: number;
  year: number;
  number: number;
  open: string;
  close: string;
  hasDi: boolean;
  /** the number as written, e.g. '047' */
  numberText: string;
  hasHao: boolean;
  /** 〔2017〕47号 */
  canonical: string;
}

/** Whether a code unit is a Chinese character [\u4e00-\u9fff] (read by code: `text[i]` makes a one-character string). */
function isHanCode(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}
/**
 * The start of a 文号: a bracketed 4-digit year. The whitespace before the bracket also belongs
 * to a 文号's match, but a pattern that starts with optional whitespace is tried at every
 * position, so findDocNumbers finds the bracket and steps back over the whitespace. Global and
 * without captures: test() moves lastIndex to the end of the year and builds no match array
 * (the rest of the 文号 is a few characters, read by code).
 */
const YEAR_AT = /[[［(（【〔][\s\u3000]*(?:19|20)\d{2}/g;
/** The bracket characters by code, so a 文号's `open` and `close` are no new strings. */
const BRACKETS = new Map([...'[［(（【〔]］)）】〕'].map((ch) => [ch.charCodeAt(0), ch]));
/** the brackets that close a year */
const CLOSE_YEAR = new Set([...']］)）】〕'].map((ch) => ch.charCodeAt(0)));
const DI = 0x7b2c; // 第
const HAO = 0x53f7; // 号
/** what may follow a 文号 written without 号 */
const AFTER_BARE = /[\s\u3000）)〕\]】；;，,。、“”"》]/;
/** words that end a title, not a 文号 prefix: 「…的通知长政办发〔2020〕33号」 */
const TITLE_END = /^.*(?:通知|意见|办法|规定|决定|方案|细则|纲要|条例|指引|要点|规划|批复|》)/;

/** The first index from i on that is not whitespace. */
function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * 文号 in the text: a bracketed 4-digit year right after a Chinese office code, then a number
 * and 号. Without 号 only the standard 〔〕 brackets count (「国办发〔2017〕47」): a bare
 * 「(2017)12」 is too ambiguous.
 *
 * Read as the pattern
 * `\s*([[［(（【〔])\s*((?:19|20)\d{2})\s*([\]］)）】〕])\s*(第?)\s*(\d+)(\s*)(号?)` matched
 * left to right, each match starting where the last one ended.
 */
export function findDocNumbers(text: string): DocNumber[] {
  const out: DocNumber[] = [];
  // where the previous match ended: the whitespace a match steps back over begins there at the earliest
  let prevEnd = 0;
  YEAR_AT.lastIndex = 0;
  while (YEAR_AT.test(text)) {
    const yearEnd = YEAR_AT.lastIndex;
    // the bracket, back over the whitespace between it and the year
    let start = yearEnd - 5;
    while (isSpaceCode(text.charCodeAt(start))) start--;
    // the rest: a closing bracket, 第?, the number, 号? (a bracket that starts none: search on after it)
    let p = skipSpace(text, yearEnd);
    const closeCode = text.charCodeAt(p);
    if (!CLOSE_YEAR.has(closeCode)) {
      YEAR_AT.lastIndex = start + 1;
      continue;
    }
    p = skipSpace(text, p + 1);
    const hasDi = text.charCodeAt(p) === DI;
    if (hasDi) p = skipSpace(text, p + 1);
    const numStart = p;
    while (p < text.length && isDigitCode(text.charCodeAt(p))) p++;
    if (p === numStart) {
      YEAR_AT.lastIndex = start + 1;
      continue;
    }
    const numEnd = p;
    p = skipSpace(text, p);
    const hasHao = text.charCodeAt(p) === HAO;
    // the match takes the spaces after the number even when no 号 follows
    const matchEnd = hasHao ? p + 1 : p;
    YEAR_AT.lastIndex = matchEnd;

    let index = start;
    while (index > prevEnd && isSpaceCode(text.charCodeAt(index - 1))) index--;
    prevEnd = matchEnd;
    if (index === 0 || !isHanCode(text.charCodeAt(index - 1))) continue;
    const open = BRACKETS.get(text.charCodeAt(start))!;
    const close = BRACKETS.get(closeCode)!;
    if (!hasHao) {
      if (open !== '〔' || close !== '〕') continue;
      const after = text[matchEnd];
      if (after !== undefined && !AFTER_BARE.test(after)) continue;
    }
    // a missing 号 leaves the trailing spaces outside the span
    const end = hasHao ? matchEnd : numEnd;
    let q = index;
    while (q > 0 && isHanCode(text.charCodeAt(q - 1))) q--;
    // office codes are short (国发, 晋政办发, 发改办法规); a longer run is the end of a title
    const run = text.slice(q, index);
    const prefix = run.length <= 6 ? run : run.replace(TITLE_END, '').slice(-6);
    // (the four digits by code: no string for them)
    let year = 0;
    for (let k = yearEnd - 4; k < yearEnd; k++) year = year * 10 + text.charCodeAt(k) - 0x30;
    const numberText = text.slice(numStart, numEnd);
    const number = Number(numberText);
    out.push({
      start,
      end,
      raw: text.slice(start, end),
      prefix,
      codeStart: index - prefix.length,
      year,
      number,
      open,
      close,
      hasDi,
      numberText,
      hasHao,
      canonical: `〔${year}〕${number}号`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Brackets

export interface Imbalance {
  open: string;
  close: string;
  opens: number;
  closes: number;
}

/** The bracket kinds bracketImbalances counts, in reporting order (（） also counts ( and )). */
const PAIRS: [string, string][] = [
  ['《', '》'],
  ['〈', '〉'],
  ['（', '）'],
];

/** Bracket kinds whose opening and closing counts differ (（） and () count together). */
export function bracketImbalances(text: string): Imbalance[] {
  // one pass counting every bracket of PAIRS
  const opens = [0, 0, 0];
  const closes = [0, 0, 0];
  for (let i = 0; i < text.length; i++) {
    switch (text[i]) {
      case '《':
        opens[0]++;
        break;
      case '》':
        closes[0]++;
        break;
      case '〈':
        opens[1]++;
        break;
      case '〉':
        closes[1]++;
        break;
      case '（':
      case '(':
        opens[2]++;
        break;
      case '）':
      case ')':
        closes[2]++;
        break;
    }
  }
  const out: Imbalance[] = [];
  PAIRS.forEach(([open, close], k) => {
    if (opens[k] !== closes[k]) out.push({ open, close, opens: opens[k], closes: closes[k] });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Numbered lists 「1.…；2.…」

export interface ListMarker {
  n: number;
  /** index of the number */
  start: number;
  /** the marker character after the number: . ． 、 */
  style: string;
  /** index of the marker character */
  styleAt: number;
}

const MARKER_RE = /(^|[\s\u3000；;。，,”"’）)》〕】])(\d{1,2})[\s\u3000]*([.．、])(?![\d])/g;

/**
 * The markers of a numbered list that starts the cell: 1 at the start, then 2, 3 … in order,
 * each after a space or punctuation. Fewer than two markers is no list.
 */
export function listMarkers(text: string): ListMarker[] {
  const cands: ListMarker[] = [];
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(text))) {
    const start = m.index + m[1].length;
    cands.push({ n: Number(m[2]), start, style: m[3], styleAt: m.index + m[0].length - 1 });
    MARKER_RE.lastIndex = m.index + m[0].length;
  }
  const lead = text.length - text.trimStart().length;
  if (!cands.length || cands[0].n !== 1 || cands[0].start !== lead) return [];
  const out = [cands[0]];
  for (const c of cands) if (c.n === out[out.length - 1].n + 1 && c.start > out[out.length - 1].start) out.push(c);
  return out.length >= 2 ? out : [];
}

/**
 * Where a list item before marker `m` lacks its closing 「；」: the change that adds it (replacing
 * a 。 ， or , that stands there instead), or undefined when the separator is there.
 */
export function missingSeparator(text: string, m: ListMarker): TextChange | undefined {
  let p = m.start;
  while (p > 0 && isSpaceCode(text.charCodeAt(p - 1))) p--;
  const prev = text[p - 1];
  if (prev === undefined || prev === '；' || prev === ';') return undefined;
  if (prev === '。' || prev === '，' || prev === ',') return { start: p - 1, end: p, text: '；' };
  return { start: p, end: p, text: '；' };
}

// ---------------------------------------------------------------------------------------------
// Articles 第X条

export interface ArabicArticle {
  start: number;
  end: number;
  raw: string;
  n: number;
  unit: string;
  /** 第二十条 */
  fixed: string;
}

/** 第20条 / 第3款 / 第1章 written with Arabic digits (legal texts write 第二十条). */
const ARTICLE_RE = /第[\s\u3000]*(\d{1,4})[\s\u3000]*(条|款|项|章|节)/g;

export function arabicArticles(text: string): ArabicArticle[] {
  const out: ArabicArticle[] = [];
  const re = ARTICLE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const n = Number(m[1]);
    if (n === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], n, unit: m[2], fixed: `第${chineseNumeral(n)}${m[2]}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cited (title, 文号) pairs

export interface Citation {
  /** the title as written, without 《》 */
  title: string;
  /** compare key of the title */
  key: string;
  /** the 文号, normalised: prefix + 〔year〕N号 */
  docNo: string;
  doc: DocNumber;
}

/** The title and quotation marks titleKey drops (it also drops whitespace and folds ( ) to （ ）). */
const TITLE_MARK_CODES = new Set([...'《》〈〉“”"\'‘’'].map((ch) => ch.charCodeAt(0)));
/** Every character titleKey drops or folds (\s is the whitespace of isSpaceCode). */
const TITLE_CHANGES = /[\s()《》〈〉“”"'‘’]/;

/** Compare key of a title: no whitespace, no quote or title marks, folded brackets. */
export function titleKey(t: string): string {
  // most titles have nothing to drop: one pattern scan, no loop over their characters
  if (!TITLE_CHANGES.test(t)) return t;
  // one pass, copying the runs between the characters it drops or folds (the four replaces this
  // stands for each touch single characters of disjoint sets, so their order does not matter)
  let out = '';
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // (most characters of a title are Chinese)
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    const folded = c === 0x28 ? '（' : c === 0x29 ? '）' : isSpaceCode(c) || TITLE_MARK_CODES.has(c) ? '' : undefined;
    if (folded === undefined) continue;
    out += t.slice(from, i) + folded;
    from = i + 1;
  }
  return from === 0 ? t : out + t.slice(from);
}

const OPEN_TITLE = 0x300a; // 《
const CLOSE_TITLE = 0x300b; // 》

/** What may stand between a title and its office code: whitespace and an opening bracket, /[\s\u3000（(]/. */
function isBeforeCode(c: number): boolean {
  return c === 0xff08 || c === 0x28 || isSpaceCode(c);
}

const DOC_KIND = /(通知|意见|办法|规定|决定|细则|方案|纲要|条例|指引|要点|规划|批复|规则|通告|公告|报告|函)$/;
// citationsOf's patterns, compiled once (a regex literal in a function body is a new object each time)
const ITEM_BREAK = /[；;。\n]|\s(?=\d{1,2}[.．、])/;
const LIST_MARKER_AT_START = /^[\s\u3000]*\d{1,2}[.．、][\s\u3000]*/;
const TITLE_MARKS = /[《》〈〉]/g;

/**
 * The document each 文号 in the text belongs to:
 * 「《T》（国办发〔2014〕12号）」, 「《T》国办发〔2014〕12号」, 「《T 国办发〔2021〕12号》」 and the
 * unbracketed 「1.国务院办公厅关于印发…的通知（国办发〔2014〕12号）」.
 */
export function citationsOf(text: string, docs: readonly DocNumber[] = findDocNumbers(text)): Citation[] {
  const out: Citation[] = [];
  for (let k = 0; k < docs.length; k++) {
    const d = docs[k];
    // back over the office code and an opening bracket
    const codeStart = d.codeStart;
    let p = codeStart;
    while (p > 0 && isBeforeCode(text.charCodeAt(p - 1))) p--;
    let title: string | undefined;
    if (text.charCodeAt(p - 1) === CLOSE_TITLE) {
      // the nearest 《 whose 》 is this one (inner 〈〉 do not count)
      let depth = 0;
      for (let i = p - 1; i >= 0; i--) {
        const c = text.charCodeAt(i);
        if (c === CLOSE_TITLE) depth++;
        else if (c === OPEN_TITLE && --depth === 0) {
          title = text.slice(i + 1, p - 1);
          break;
        }
      }
    } else {
      const open = text.lastIndexOf('《', codeStart);
      const close = text.lastIndexOf('》', codeStart);
      const after = text.indexOf('》', d.end);
      if (open > close && after >= 0) {
        // 文号 inside the title marks
        title = text.slice(open + 1, codeStart);
      } else {
        // unbracketed title back to the list marker or the previous item
        const head = text.slice(0, p);
        const seg = head.split(ITEM_BREAK).pop() ?? '';
        let t = seg.replace(LIST_MARKER_AT_START, '').trim();
        // 「《A》B的通知」 is one title; 「《A》山西省…的通知」 cites A and then B
        const lastClose = t.lastIndexOf('》');
        const rest = t.slice(lastClose + 1);
        if (lastClose >= 0 && rest.length >= 6 && !rest.startsWith('的') && DOC_KIND.test(rest)) t = rest;
        const core = t.replace(TITLE_MARKS, '');
        if (core.length >= 6 && DOC_KIND.test(core)) title = t;
      }
    }
    if (title === undefined) continue;
    title = title.trim();
    const key = titleKey(title);
    if (key.length < 4) continue;
    out.push({ title, key, docNo: `${d.prefix}${d.canonical}`, doc: d });
  }
  return out;
}
