/**
 * The office's working-day calendar as the 设置 tab edits it: plain text, one day or range of
 * days per line, for local holidays (少数民族习惯的节日 set by the local government …), local
 * working days, and the State Council's 放假调休安排 of a year typed in before the bundled
 * calendar knows it. Parsed here into the `calendar` of the office settings (validated by
 * forms-lib/templates parseCalendarSettings, pane-calendar-build.ts) and built into the one
 * Calendar (officeCalendar) that the register states, the forms and the statistics of the pane and
 * the ribbon all use. This module is light (the pane's first chunk keeps the settings with it);
 * the validation and the Calendar, which need zod and the calendar data, are in
 * pane-calendar-build.ts, loaded with the forms. Pure: no DOM, no Office.js.
 *
 *   2026-03-20 肉孜节
 *   2027-02-06~2027-02-12 春节        (also 至 / 到 / ～ / —, and 2027年2月6日至12日)
 *   2027/10/1 – 10/7
 */
import { isIsoDate } from '../../forms-lib/calendar/isoDate.ts';

export interface PaneCalendarYear {
  /** four digits, e.g. '2027' */
  year: string;
  /** every day off of that year's State Council notice, as typed */
  holidays: string;
  /** the weekend days worked (调休上班), as typed */
  workdays: string;
}

/** What the user typed, kept as typed (it is shown again as it was, line for line). */
export interface PaneCalendar {
  localHolidays: string;
  localWorkdays: string;
  schedules: PaneCalendarYear[];
}

export const EMPTY_CALENDAR: PaneCalendar = { localHolidays: '', localWorkdays: '', schedules: [] };

/** A line of the calendar that cannot be read, naming the field and the line: zh + en. */
export class CalendarTextError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'CalendarTextError';
  }
}

export interface FieldName {
  zh: string;
  en: string;
}

export const FIELD_LOCAL_HOLIDAYS: FieldName = { zh: '本地节假日', en: 'Local holidays' };
export const FIELD_LOCAL_WORKDAYS: FieldName = { zh: '本地上班日', en: 'Local working days' };
export const yearHolidays = (y: string): FieldName => ({ zh: `${y} 年放假日期`, en: `${y} days off` });
export const yearWorkdays = (y: string): FieldName => ({ zh: `${y} 年调休上班日`, en: `${y} make-up working days` });

/** A range longer than this is taken for a typing slip (a wrong year or month), not a holiday. */
const MAX_RANGE_DAYS = 31;

export interface DayLine {
  date: string;
  name?: string;
  /** 1-based line of the text it was read from */
  line: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
// 2027-02-06, 2027/2/6, 2027.2.6, 2027年2月6日
const FULL = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
// the end of a range: a full date, 2/12 or 2月12日 (the start's year), or 12日 (its month)
const END = String.raw`(?:${FULL}|(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{1,2})\s*日)`;
const SEP = String.raw`\s*(?:~|～|至|到|—|–|－|\s-\s)\s*`;
const ENTRY = new RegExp(String.raw`^${FULL}(?:${SEP}${END})?\s*(.*)$`);
/** entries on one line may also be separated by these */
const LIST_SEP = /[,，、;；]/;

function iso(y: string | number, m: string | number, d: string | number): string {
  return `${y}-${pad(Number(m))}-${pad(Number(d))}`;
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/**
 * The days of one text field, in order, each once (a range gives every day in it). `year`, when
 * given, is the only year its days may fall in. Throws CalendarTextError naming the field and line.
 */
export function parseDayLines(text: string, field: FieldName, year?: string): DayLine[] {
  const out: DayLine[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const where = { zh: `「${field.zh}」第 ${line} 行`, en: `${field.en}, line ${line}` };
    const content = raw.replace(/[#＃].*$/, '').trim();
    if (!content) return;
    for (const part of content.split(LIST_SEP)) {
      const item = part.trim();
      if (!item) continue;
      const m = ENTRY.exec(item);
      if (!m) throw new CalendarTextError(`${where.zh}：「${item}」不是日期，应写作 2027-10-01，或 2027-10-01~2027-10-07 国庆节`, `${where.en}: "${item}" is not a date; write 2027-10-01, or 2027-10-01~2027-10-07 National Day`);
      const start = iso(m[1], m[2], m[3]);
      if (!isIsoDate(start)) throw new CalendarTextError(`${where.zh}：日期「${start}」不存在`, `${where.en}: there is no such date as "${start}"`);
      let end = start;
      if (m[4]) end = iso(m[4], m[5], m[6]);
      else if (m[7]) end = iso(m[1], m[7], m[8]);
      else if (m[9]) end = iso(m[1], m[2], m[9]);
      if (!isIsoDate(end)) throw new CalendarTextError(`${where.zh}：日期范围的结束日「${end}」不存在`, `${where.en}: the range ends on "${end}", which does not exist`);
      if (end < start) throw new CalendarTextError(`${where.zh}：日期范围 ${start}~${end} 的结束日早于开始日`, `${where.en}: the range ${start}~${end} ends before it starts`);
      const name = m[10].trim() || undefined;
      if (name && name.length > 30) throw new CalendarTextError(`${where.zh}：名称「${name.slice(0, 12)}…」超过 30 个字`, `${where.en}: the name "${name.slice(0, 12)}…" is longer than 30 characters`);
      let n = 0;
      for (let d = start; d <= end; d = nextDay(d)) {
        if (++n > MAX_RANGE_DAYS) throw new CalendarTextError(`${where.zh}：日期范围 ${start}~${end} 超过 ${MAX_RANGE_DAYS} 天，请核对年份和月份`, `${where.en}: the range ${start}~${end} is longer than ${MAX_RANGE_DAYS} days; check the year and month`);
        if (year && d.slice(0, 4) !== year) throw new CalendarTextError(`${where.zh}：${d} 不在 ${year} 年内`, `${where.en}: ${d} is not in ${year}`);
        if (seen.has(d)) continue;
        seen.add(d);
        out.push(name ? { date: d, name, line } : { date: d, line });
      }
    }
  });
  return out;
}

/** Whether nothing at all is typed in (the national calendar as bundled is used then). */
export function isEmptyCalendar(c: PaneCalendar): boolean {
  return !c.localHolidays.trim() && !c.localWorkdays.trim() && c.schedules.every((s) => !s.year.trim() && !s.holidays.trim() && !s.workdays.trim());
}

/** Stored calendar text, filled in from defaults when old or hand-edited. */
export function normalizeCalendar(raw: unknown): PaneCalendar {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const schedules = Array.isArray(o.schedules)
    ? o.schedules
        .filter((s): s is Record<string, unknown> => Boolean(s) && typeof s === 'object')
        .map((s) => ({ year: typeof s.year === 'number' ? String(s.year) : str(s.year), holidays: str(s.holidays), workdays: str(s.workdays) }))
    : [];
  return { localHolidays: str(o.localHolidays), localWorkdays: str(o.localWorkdays), schedules };
}
