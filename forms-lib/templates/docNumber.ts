/**
 * 文号 (document numbers) from an office pattern such as `楚商公开〔{year}〕{n}号`.
 * The running number belongs to the pattern, not to the form type: every type whose pattern
 * renders the same 文号 (the same text around {year} and {n}; zero padding does not matter)
 * shares one counter per year, and a type with its own pattern keeps its own. A 文号 that any
 * issued entry carries, whatever its type, is never given out again; numbering continues after
 * the highest number issued (gaps left by cancelled documents are not refilled). Pure.
 */
import { DocNumberPatternError } from './errors.ts';

/** `{year}`, `{n}` or `{n:3}` (zero-padded to 3 digits). */
const TOKEN = /\{(year|n(?::(\d))?)\}/g;

export interface ParsedPattern {
  readonly pattern: string;
  /** digits of zero padding for {n} (0 = none) */
  readonly pad: number;
  readonly regex: RegExp;
  /** capture group order: 'year' and 'n' */
  readonly groups: readonly ('year' | 'n')[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks a pattern; throws DocNumberPatternError (zh + en) naming the problem. */
export function parseDocNumberPattern(pattern: string): ParsedPattern {
  if (typeof pattern !== 'string' || pattern.trim() === '') throw new DocNumberPatternError(String(pattern), '不能为空', 'must not be empty');
  if (pattern.length > 60) throw new DocNumberPatternError(pattern, '过长（至多 60 字）', 'too long (60 characters at most)');
  let years = 0;
  let ns = 0;
  let pad = 0;
  const groups: ('year' | 'n')[] = [];
  let regex = '^';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    regex += escape(pattern.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    if (m[1] === 'year') {
      years++;
      groups.push('year');
      regex += '(\\d{4})';
    } else {
      ns++;
      pad = m[2] ? Number(m[2]) : 0;
      groups.push('n');
      regex += '(\\d+)';
    }
  }
  const rest = pattern.slice(last);
  regex += `${escape(rest)}$`;
  const stray = pattern.replace(TOKEN, '');
  if (/[{}]/.test(stray)) throw new DocNumberPatternError(pattern, '含未知占位符，只能使用 {year}、{n} 或 {n:3}', 'unknown placeholder; only {year}, {n} or {n:3} are allowed');
  if (ns !== 1) throw new DocNumberPatternError(pattern, '须恰好含一个序号占位符 {n}', 'must contain exactly one {n}');
  if (years !== 1) throw new DocNumberPatternError(pattern, '须恰好含一个年份占位符 {year}（文号按年编号）', 'must contain exactly one {year} (numbers run per year)');
  if (/\{(?:year|n(?::\d)?)\}\{(?:year|n(?::\d)?)\}/.test(pattern)) {
    throw new DocNumberPatternError(pattern, '{year} 与 {n} 之间须有分隔文字', '{year} and {n} must be separated by text');
  }
  return { pattern, pad, regex: new RegExp(regex), groups };
}

/** Formats number n of `year`. */
export function formatDocNumber(pattern: string, year: number, n: number): string {
  parseDocNumberPattern(pattern);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new DocNumberPatternError(pattern, `年份 ${year} 无效`, `invalid year ${year}`);
  if (!Number.isInteger(n) || n < 1) throw new DocNumberPatternError(pattern, `序号 ${n} 无效（须为正整数）`, `invalid number ${n} (must be a positive integer)`);
  return pattern.replace(TOKEN, (_, token: string, digits?: string) => (token === 'year' ? String(year) : String(n).padStart(digits ? Number(digits) : 0, '0')));
}

/** The year and running number of an issued 文号, if it was made from `pattern`. */
export function readDocNumber(pattern: string, docNumber: string): { year: number; n: number } | undefined {
  const p = parseDocNumberPattern(pattern);
  const m = p.regex.exec(docNumber.trim());
  if (!m) return undefined;
  const year = Number(m[p.groups.indexOf('year') + 1]);
  const n = Number(m[p.groups.indexOf('n') + 1]);
  return { year, n };
}

/** An issued 文号; from the log it may carry its form type (kept for the record; numbering ignores it). */
export type IssuedDocNumber = string | { readonly type?: string; readonly docNumber: string };

export interface AllocateInput {
  /** form type id, e.g. 'reply-disclose' (for messages only: numbers run per pattern, shared by the types that use it) */
  readonly type?: string;
  readonly year: number;
  /** 文号 already issued (any year, any type: those not made from this pattern do not move the counter) */
  readonly used: readonly IssuedDocNumber[];
}

const docOf = (entry: IssuedDocNumber): string => (typeof entry === 'string' ? entry : entry.docNumber).trim();

/**
 * The issued entry that already carries `docNumber`, if any: the same text, or the same year and
 * number of `pattern` written with other padding (公复〔2026〕9号 = 公复〔2026〕09号). Types are
 * not compared: a 文号 is issued once, whatever the document.
 */
export function findIssued(docNumber: string, used: readonly IssuedDocNumber[], pattern?: string): IssuedDocNumber | undefined {
  const wanted = docNumber.trim();
  const read = pattern ? readDocNumber(pattern, wanted) : undefined;
  return used.find((entry) => {
    const doc = docOf(entry);
    if (doc === wanted) return true;
    if (!read || !pattern) return false;
    const r = readDocNumber(pattern, doc);
    return r !== undefined && r.year === read.year && r.n === read.n;
  });
}

/** The next 文号 of `pattern` in `year`: one more than the highest issued under it, never one in `used`. */
export function allocateDocNumber(pattern: string, input: AllocateInput): { docNumber: string; n: number } {
  parseDocNumberPattern(pattern);
  let max = 0;
  const taken = new Set<string>();
  for (const entry of input.used) {
    const doc = docOf(entry);
    taken.add(doc);
    const r = readDocNumber(pattern, doc);
    if (r && r.year === input.year && r.n > max) max = r.n;
  }
  let n = max + 1;
  let docNumber = formatDocNumber(pattern, input.year, n);
  while (taken.has(docNumber)) docNumber = formatDocNumber(pattern, input.year, ++n);
  return { docNumber, n };
}
