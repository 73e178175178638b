/**
 * 文号 (document numbers) from an office pattern such as `楚商公开〔{year}〕{n}号`.
 * Numbers run per year and per pattern (one pattern per form type); a number that appears in
 * the issued list is never given out again, and numbering continues after the highest one
 * issued (gaps left by cancelled documents are not refilled). Pure.
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

/** An issued 文号; from the log it may carry its form type. */
export type IssuedDocNumber = string | { readonly type?: string; readonly docNumber: string };

export interface AllocateInput {
  /** form type id, e.g. 'reply-disclose'; entries of `used` with another type are ignored */
  readonly type: string;
  readonly year: number;
  /** 文号 already issued (any year, any type: those not made from this pattern are ignored) */
  readonly used: readonly IssuedDocNumber[];
}

/** The next 文号 of `type` in `year`: one more than the highest issued, never one in `used`. */
export function allocateDocNumber(pattern: string, input: AllocateInput): { docNumber: string; n: number } {
  parseDocNumberPattern(pattern);
  let max = 0;
  const taken = new Set<string>();
  for (const entry of input.used) {
    const doc = typeof entry === 'string' ? entry : entry.docNumber;
    if (typeof entry !== 'string' && entry.type !== undefined && entry.type !== input.type) continue;
    taken.add(doc.trim());
    const r = readDocNumber(pattern, doc);
    if (r && r.year === input.year && r.n > max) max = r.n;
  }
  let n = max + 1;
  let docNumber = formatDocNumber(pattern, input.year, n);
  while (taken.has(docNumber)) docNumber = formatDocNumber(pattern, input.year, ++n);
  return { docNumber, n };
}
