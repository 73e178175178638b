/**
 * 成文日期 as GB/T 9704-2012 7.3.5.1 writes it: Arabic numerals, the year in full, month and
 * day without padding (`2026年3月5日`, never `2026年03月05日`).
 */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function parseDateParts(value: DateParts | string): DateParts {
  if (typeof value !== 'string') return value;
  const m = ISO_DATE.exec(value.trim());
  if (!m) throw new RangeError(`日期须为 YYYY-MM-DD 格式，收到「${value}」 / date must be YYYY-MM-DD, got "${value}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function formatChineseDate(value: DateParts | string): string {
  const { year, month, day } = parseDateParts(value);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > daysInMonth) {
    throw new RangeError(`无效日期 ${year}-${month}-${day} / invalid date ${year}-${month}-${day}`);
  }
  return `${year}年${month}月${day}日`;
}
