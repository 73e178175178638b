/**
 * Register dates as they arrive in a Grid, to 'YYYY-MM-DD' with no time-zone arithmetic:
 *  - a date-formatted cell: the adapter's `special.iso` (the file adapter converts the serial in UTC);
 *  - a number: an Excel serial (1900 system, or 1904 when the workbook says so) in 1990–2099, or
 *    yyyymmdd written as a number (20260928);
 *  - text: 2026-09-28, 2026/9/28, 2026.9.28, 2026年9月28日, 二〇二六年九月二十八日, 20260928,
 *    full-width digits, an optional time after the date; an ISO timestamp with a zone
 *    (2026-09-27T16:00:00Z) is read in China Standard Time (UTC+8, no DST), where the office is.
 * Anything else, and any day that does not exist (2026-02-30), is refused.
 */
import { dayNumberFromParts, daysInMonth, fromDayNumber } from '../calendar/isoDate.ts';
import type { IsoDate } from '../calendar/index.ts';

export type DateParse = { readonly ok: true; readonly date: IsoDate } | { readonly ok: false; readonly reason: 'format' | 'impossible' | 'range' };

/** Serials of 1990-01-01 and 2099-12-31 in the 1900 system: plausible register dates. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73050;

/** An Excel serial to ISO, by day count from the epoch (1900: serial 61 = 1900-03-01; 1904: 0 = 1904-01-01). */
export function excelSerialToIso(serial: number, date1904 = false): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  const days = Math.floor(Math.round(serial * 86_400_000) / 86_400_000);
  if (date1904) return fromDayNumber(dayNumberFromParts(1904, 1, 1) + days);
  if (days === 60) return undefined; // Lotus's 1900-02-29
  return fromDayNumber(dayNumberFromParts(1899, 12, 31) + (days > 60 ? days - 1 : days));
}

function fromParts(y: number, m: number, d: number): DateParse {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: 'impossible' };
  if (y < 1990 || y > 2099) return { ok: false, reason: 'range' };
  return { ok: true, date: `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二六 → 2026 (digit by digit); 九 → 9, 十 → 10, 二十八 → 28, 三十一 → 31. */
function chineseNumber(s: string, digitwise: boolean): number | undefined {
  if (digitwise) {
    let n = 0;
    for (const ch of s) {
      const v = CN_DIGIT[ch];
      if (v === undefined) return undefined;
      n = n * 10 + v;
    }
    return n;
  }
  const m = /^([一二三]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return undefined;
  if (m[2] === '') return m[1] === '' ? CN_DIGIT[m[3]] : m[3] === '' ? CN_DIGIT[m[1]] : undefined;
  return (m[1] === '' ? 1 : CN_DIGIT[m[1]]) * 10 + (m[3] === '' ? 0 : CN_DIGIT[m[3]]);
}

function fromNumber(n: number, date1904: boolean): DateParse {
  if (Number.isInteger(n) && n >= 19000101 && n <= 20991231) {
    return fromParts(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  const first = date1904 ? SERIAL_MIN - 1462 : SERIAL_MIN;
  const last = date1904 ? SERIAL_MAX - 1462 : SERIAL_MAX;
  if (n >= first && n < last + 1) {
    const iso = excelSerialToIso(n, date1904);
    if (iso) return { ok: true, date: iso };
  }
  return { ok: false, reason: 'range' };
}

const TIME_TAIL = String.raw`(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?`;
const NUMERIC_RE = new RegExp(String.raw`^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})${TIME_TAIL}$`);
const CJK_RE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME_TAIL}$`);
const CN_RE = /^([〇零一二三四五六七八九ＯOo]{4})年([一二三]?十?[一二三四五六七八九]?)月([一二三]?十?[一二三四五六七八九]?)[日号]$/;
const ZONED_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function fromText(raw: string): DateParse {
  const s = raw.normalize('NFKC').trim();
  const zoned = ZONED_RE.exec(s);
  if (zoned) {
    const [, y, mo, d, h, mi, , zone] = zoned;
    const offsetMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    const base = fromParts(Number(y), Number(mo), Number(d));
    if (!base.ok) return base;
    // Minutes since the day's midnight in UTC, then shifted to UTC+8.
    const minutes = Number(h) * 60 + Number(mi) - offsetMin + 8 * 60;
    const shift = Math.floor(minutes / 1440);
    return { ok: true, date: fromDayNumber(dayNumberFromParts(Number(y), Number(mo), Number(d)) + shift) };
  }
  let m = NUMERIC_RE.exec(s) ?? CJK_RE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = CN_RE.exec(s.replace(/\s+/g, ''));
  if (m) {
    const y = chineseNumber(m[1], true);
    const mo = chineseNumber(m[2], false);
    const d = chineseNumber(m[3], false);
    if (y !== undefined && mo !== undefined && d !== undefined) return fromParts(y, mo, d);
  }
  return { ok: false, reason: 'format' };
}

/**
 * A register date cell. `iso` is the adapter's reading of a date-formatted cell (Grid.special),
 * which wins over the displayed text; `value` is the cell value otherwise.
 */
export function parseRegisterDate(value: string | number | boolean | null, iso?: string, date1904 = false): DateParse {
  if (iso !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? fromParts(Number(m[1]), Number(m[2]), Number(m[3])) : { ok: false, reason: 'format' };
  }
  if (typeof value === 'number') return fromNumber(value, date1904);
  if (typeof value === 'string') return fromText(value);
  return { ok: false, reason: 'format' };
}
