/**
 * Identity numbers on the register: 居民身份证 (GB 11643-1999 公民身份号码) and
 * 统一社会信用代码 (GB 32100-2015). Pure: string in, verdict out.
 */
import { daysInMonth } from '../calendar/isoDate.ts';

export type IdCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly code: IdProblem; readonly value: string; readonly expected?: string };

export type IdProblem =
  | 'resident-id-format'
  | 'resident-id-region'
  | 'resident-id-birth-date'
  | 'resident-id-check-digit'
  | 'credit-code-format'
  | 'credit-code-check-char';

/** Full-width to half-width, spaces removed, letters upper-cased: what an office types by hand. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u3000-]+/g, '').toUpperCase();
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Province-level codes of GB/T 2260 (the first two digits of every 公民身份号码). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The GB 11643 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/**
 * A 18-character 公民身份号码: 6-digit address code (province checked), 8-digit birth date
 * (an existing day, 1800–2099: GB 11643 itself shows a person born 1880), 3-digit sequence, check character 0–9 or X (GB 11643 mod 11-2).
 */
export function checkResidentId(raw: string): IdCheck {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, code: 'resident-id-format', value };
  if (!PROVINCES.has(value.slice(0, 2))) return { ok: false, code: 'resident-id-region', value };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1800 || y > 2099 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, code: 'resident-id-birth-date', value };
  }
  const expected = residentIdCheckChar(value);
  if (value[17] !== expected) return { ok: false, code: 'resident-id-check-digit', value, expected };
  return { ok: true, value };
}

/** GB 32100 code characters (no I, O, Z, S, V), in value order 0–30. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character of the first 17 characters (mod 31). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * CC_WEIGHTS[i];
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * A 统一社会信用代码: 18 characters of the GB 32100 set; position 1 the registering authority
 * (1–9, A–H, N, Y), positions 3–8 a 6-digit administrative division code, position 18 the
 * mod-31 check character.
 */
export function checkCreditCode(raw: string): IdCheck {
  const value = normalizeIdNumber(raw);
  if (value.length !== 18 || ![...value].every((ch) => CREDIT_CODE_CHARSET.includes(ch))) {
    return { ok: false, code: 'credit-code-format', value };
  }
  if (!/^[1-9A-HNY]/.test(value) || !/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, code: 'credit-code-format', value };
  const expected = creditCodeCheckChar(value);
  if (value[17] !== expected) return { ok: false, code: 'credit-code-check-char', value, expected };
  return { ok: true, value };
}
