/**
 * The pane's calendar text (pane-calendar.ts) validated into the `calendar` of office settings and
 * built into the office's Calendar; and the reply limits as deadline rules. Loaded with the forms
 * chunk and by the ribbon commands, never by the pane's first chunk. Pure: no DOM, no Office.js.
 */
import { type Calendar, type DeadlineRules, defaultCalendar, defineRules } from '../../forms-lib/calendar/index.ts';
import { officeCalendar } from '../../forms-lib/templates/officeCalendar.ts';
import { type CalendarSettings, parseCalendarSettings } from '../../forms-lib/templates/settings.ts';
import {
  CalendarTextError,
  type DayLine,
  FIELD_LOCAL_HOLIDAYS,
  FIELD_LOCAL_WORKDAYS,
  type FieldName,
  type PaneCalendar,
  isEmptyCalendar,
  parseDayLines,
  yearHolidays,
  yearWorkdays,
} from './pane-calendar.ts';

/** The same day listed as a day off and as a working day: an error naming both lines. */
function noDayBothWays(off: readonly DayLine[], on: readonly DayLine[], offField: FieldName, onField: FieldName): void {
  const offAt = new Map(off.map((d) => [d.date, d.line] as const));
  for (const d of on) {
    const line = offAt.get(d.date);
    if (line === undefined) continue;
    throw new CalendarTextError(
      `${d.date} 同时列在「${offField.zh}」第 ${line} 行和「${onField.zh}」第 ${d.line} 行：一天不能既放假又上班`,
      `${d.date} is listed both in ${offField.en} (line ${line}) and in ${onField.en} (line ${d.line}): a day cannot be both off and worked`,
    );
  }
}


const entries = (days: readonly DayLine[]) => days.map((d) => (d.name ? { date: d.date, name: d.name } : d.date));

/**
 * The pane's calendar as the `calendar` of office settings, validated (every statutory holiday of
 * a typed-in year present, …); undefined when nothing is typed in. Throws CalendarTextError
 * naming the field (and line) in Chinese and English.
 */
export function paneCalendarSettings(c: PaneCalendar, officeName = ''): CalendarSettings | undefined {
  if (isEmptyCalendar(c)) return undefined;
  const localHolidays = parseDayLines(c.localHolidays, FIELD_LOCAL_HOLIDAYS);
  const localWorkdays = parseDayLines(c.localWorkdays, FIELD_LOCAL_WORKDAYS);
  noDayBothWays(localHolidays, localWorkdays, FIELD_LOCAL_HOLIDAYS, FIELD_LOCAL_WORKDAYS);
  const schedules: Record<string, { holidays: (string | { date: string; name: string })[]; workdays: (string | { date: string; name: string })[] }> = {};
  c.schedules.forEach((s, i) => {
    if (!s.year.trim() && !s.holidays.trim() && !s.workdays.trim()) return;
    const year = s.year.trim();
    if (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2099) {
      throw new CalendarTextError(`第 ${i + 1} 个年度放假安排的「年份」应为四位年份（2000–2099），如 2027，现为「${year}」`, `schedule ${i + 1}: the year must have four digits (2000–2099), e.g. 2027, not "${year}"`);
    }
    if (schedules[year]) throw new CalendarTextError(`${year} 年的放假安排填写了两次，请合并为一个`, `the ${year} schedule is typed in twice; merge them into one`);
    const off = parseDayLines(s.holidays, yearHolidays(year), year);
    const on = parseDayLines(s.workdays, yearWorkdays(year), year);
    if (!off.length) throw new CalendarTextError(`「${yearHolidays(year).zh}」为空：请按国务院办公厅通知列出全部放假日期`, `${yearHolidays(year).en} is empty: list every day off of the State Council notice`);
    noDayBothWays(off, on, yearHolidays(year), yearWorkdays(year));
    schedules[year] = { holidays: entries(off), workdays: entries(on) };
  });
  try {
    return parseCalendarSettings({ ...(officeName.trim() ? { name: officeName.trim().slice(0, 60) } : {}), localHolidays: entries(localHolidays), localWorkdays: entries(localWorkdays), schedules });
  } catch (e) {
    // what is left for the schema (a typed-in year without all statutory days, too many days):
    // its message, with the field named as the pane shows it instead of a JSON path
    const issue = (e as { issues?: { path: string; zh: string; en: string }[] }).issues?.[0];
    if (!issue) throw e;
    const y = /schedules\["(\d{4})"\]\.(holidays|workdays)/.exec(issue.path);
    const field = y ? (y[2] === 'holidays' ? yearHolidays(y[1]) : yearWorkdays(y[1])) : /localWorkdays/.test(issue.path) ? FIELD_LOCAL_WORKDAYS : FIELD_LOCAL_HOLIDAYS;
    throw new CalendarTextError(`「${field.zh}」：${issue.zh}`, `${field.en}: ${issue.en}`);
  }
}

const built = new Map<string, Calendar>();

/** The office's Calendar from the pane's calendar (the national one when nothing is typed in). */
export function paneCalendar(c: PaneCalendar, officeName = ''): Calendar {
  const cal = paneCalendarSettings(c, officeName);
  if (!cal) return defaultCalendar;
  const key = JSON.stringify(cal);
  let out = built.get(key);
  if (!out) {
    out = officeCalendar({ calendar: cal, office: { name: officeName } as Parameters<typeof officeCalendar>[0]['office'] });
    if (built.size > 8) built.clear();
    built.set(key, out);
  }
  return out;
}

/** The office's reply limits as deadline rules (20 + 20, or 15 + 15 as some provinces set). */
export function paneDeadlineRules(replyDays: 20 | 15): DeadlineRules {
  return defineRules({ replyDays, maxExtensionDays: replyDays });
}
