/**
 * The one place an office's working-day Calendar is built from its settings (`calendar`: local
 * holidays and working days, typed-in schedules). Every caller — forms, register states, the CLI,
 * the task pane, statistics — asks here, so a local holiday moves the same due dates everywhere.
 * Pure; one Calendar per settings object (cached).
 */
import { type Calendar, type DayEntryInput, createCalendar, defaultCalendar } from '../calendar/index.ts';
import type { CalendarSettings, OfficeSettings } from './settings.ts';

const cache = new WeakMap<CalendarSettings, Calendar>();

const entries = (list: CalendarSettings['localHolidays']): DayEntryInput[] => list.map((e) => (typeof e === 'string' ? e : e.name ? { date: e.date, name: e.name } : e.date));

/** The calendar of `settings` (parseSettings output); the national one when it sets no `calendar`. */
export function officeCalendar(settings: Pick<OfficeSettings, 'calendar' | 'office'>): Calendar {
  const c = settings.calendar;
  if (!c) return defaultCalendar;
  let cal = cache.get(c);
  if (!cal) {
    cal = createCalendar({
      name: c.name ?? settings.office.name,
      overrides: { holidays: entries(c.localHolidays), workdays: entries(c.localWorkdays) },
      schedules: Object.fromEntries(Object.entries(c.schedules).map(([year, s]) => [year, { holidays: entries(s.holidays), workdays: entries(s.workdays) }])),
      unpublishedYears: c.unpublishedYears,
    });
    cache.set(c, cal);
  }
  return cal;
}
