import { CalendarConfigError, ScheduleUnavailableError } from './errors.ts';
import { type DayNumber, type IsoDate, type Weekday, fromDayNumber, isWeekend, toDayNumber, weekdayOf, yearOf } from './isoDate.ts';
import { OFFICIAL_DAYS, OFFICIAL_YEARS, isOfficialYear } from './officialSchedule.ts';
import { PROVISIONAL_FIRST_YEAR, PROVISIONAL_LAST_YEAR, provisionalDaysOff } from './provisionalSchedule.ts';

/** A listed day: a bare date or a date with a name, e.g. { date: '2026-03-20', name: '古尔邦节' }. */
export type DayEntryInput = IsoDate | { readonly date: IsoDate; readonly name?: string };

/** One year's 放假调休安排 as typed in from the State Council notice. */
export interface YearScheduleInput {
  /** Every day off in the holiday blocks (weekend days inside a block may be listed or not). */
  readonly holidays: readonly DayEntryInput[];
  /** Weekend days that are working days (调休上班). */
  readonly workdays?: readonly DayEntryInput[];
}

export interface CalendarOptions {
  /** Shown in messages, e.g. '巩留县人民政府办公室'. */
  readonly name?: string;
  /**
   * The office's own days, which win over every schedule: extra local holidays (第四条
   * 少数民族习惯的节日 set by the local government, …) and extra working days.
   */
  readonly overrides?: {
    readonly holidays?: readonly DayEntryInput[];
    readonly workdays?: readonly DayEntryInput[];
  };
  /**
   * Typed-in schedules by year. A year given here replaces chinese-days' data and the provisional
   * computation for that whole year: its listed days apply, every other day follows the week
   * (Mon–Fri working, Sat–Sun off).
   */
  readonly schedules?: Readonly<Record<number | string, YearScheduleInput>>;
  /**
   * A year with neither official nor typed-in data: 'provisional' (default) computes it from
   * weekends plus the statutory holidays and marks every result provisional; 'error' throws
   * ScheduleUnavailableError.
   */
  readonly unpublishedYears?: 'provisional' | 'error';
  /** In provisional years, make up holiday days that fall on a weekend (第六条 补假). Default true. */
  readonly compensateWeekendHolidays?: boolean;
}

/** Where a day's status came from, strongest first. */
export type DaySource = 'override' | 'schedule' | 'official' | 'provisional';

/** workday: Mon–Fri working; weekend: Sat/Sun off; holiday: a listed day off; makeup-workday: a listed working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly weekday: Weekday;
  readonly working: boolean;
  readonly kind: DayKind;
  /** True when the status comes from the provisional computation (no published schedule). */
  readonly provisional: boolean;
  readonly source: DaySource;
  /** Holiday name for listed days, e.g. '国庆节' or '春节（补假）'. */
  readonly name?: string;
}

/** What a working-day walk needs to know of one day. */
export interface DayStatus {
  readonly working: boolean;
  readonly provisional: boolean;
}

export type YearSource = 'schedule' | 'official' | 'provisional';

/** A calendar: created once per office, then passed to the working-day functions. */
export interface Calendar {
  readonly name: string;
  /** Status of one day; throws InvalidDateError or ScheduleUnavailableError. */
  dayInfo(date: IsoDate): DayInfo;
  /** Low-level form of dayInfo on day numbers (days since 1970-01-01), used by the walks. */
  statusAt(dn: DayNumber): DayStatus;
  /** Which data decides `year`; throws ScheduleUnavailableError when none can. */
  yearSource(year: number): YearSource;
}

interface Listed {
  readonly working: boolean;
  readonly name?: string;
}

function addEntries(
  into: Map<DayNumber, Listed>,
  entries: readonly DayEntryInput[] | undefined,
  working: boolean,
  path: string,
): void {
  if (entries === undefined) return;
  if (!Array.isArray(entries)) throw new CalendarConfigError(path, 'expected an array of dates.');
  entries.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    const iso = typeof entry === 'string' ? entry : entry?.date;
    const name = typeof entry === 'string' ? undefined : entry?.name;
    const dn = toDayNumber(iso, typeof entry === 'string' ? at : `${at}.date`);
    const prev = into.get(dn);
    if (prev && prev.working !== working) {
      throw new CalendarConfigError(at, `${iso} is listed both as a holiday and as a working day.`);
    }
    into.set(dn, name === undefined ? { working } : { working, name });
  });
}

function kindOf(working: boolean, listed: boolean): DayKind {
  if (listed) return working ? 'makeup-workday' : 'holiday';
  return working ? 'workday' : 'weekend';
}

/**
 * Builds a calendar. Precedence for a day: office override → a day listed in the typed-in schedule
 * of its year → chinese-days' official data (a published year is never replaced by a typed one)
 * → the typed-in year's other days follow the week → provisional computation (flagged).
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const name = options.name ?? '全国统一安排';
  const unpublished = options.unpublishedYears ?? 'provisional';
  if (unpublished !== 'provisional' && unpublished !== 'error') {
    throw new CalendarConfigError('unpublishedYears', `expected 'provisional' or 'error', got ${JSON.stringify(unpublished)}.`);
  }
  const compensate = options.compensateWeekendHolidays ?? true;

  const overrides = new Map<DayNumber, Listed>();
  addEntries(overrides, options.overrides?.holidays, false, 'overrides.holidays');
  addEntries(overrides, options.overrides?.workdays, true, 'overrides.workdays');

  const typedYears = new Set<number>();
  const typedDays = new Map<DayNumber, Listed>();
  for (const [key, schedule] of Object.entries(options.schedules ?? {})) {
    const year = Number(key);
    const path = `schedules[${key}]`;
    if (!/^\d{4}$/.test(key)) throw new CalendarConfigError(path, 'the key must be a four-digit year, e.g. 2027.');
    if (schedule === null || typeof schedule !== 'object' || !Array.isArray(schedule.holidays)) {
      throw new CalendarConfigError(path, 'expected { holidays: [...], workdays: [...] }.');
    }
    typedYears.add(year);
    const one = new Map<DayNumber, Listed>();
    addEntries(one, schedule.holidays, false, `${path}.holidays`);
    addEntries(one, schedule.workdays, true, `${path}.workdays`);
    for (const [dn, listed] of one) typedDays.set(dn, listed);
  }

  const provisionalCache = new Map<number, Map<DayNumber, string>>();

  function yearSource(year: number): YearSource {
    // a published year keeps its official data; days typed in for it only lay over them
    if (isOfficialYear(year)) return 'official';
    if (typedYears.has(year)) return 'schedule';
    const covered = `chinese-days has ${OFFICIAL_YEARS.first}–${OFFICIAL_YEARS.last} and no schedule was typed in`;
    if (unpublished === 'error') {
      throw new ScheduleUnavailableError(year, `${covered}, and this calendar does not compute provisional years.`);
    }
    if (year < PROVISIONAL_FIRST_YEAR || year > PROVISIONAL_LAST_YEAR) {
      throw new ScheduleUnavailableError(
        year,
        `${covered}; provisional schedules are only computed for ${PROVISIONAL_FIRST_YEAR}–${PROVISIONAL_LAST_YEAR}.`,
      );
    }
    return 'provisional';
  }

  function info(dn: DayNumber): Omit<DayInfo, 'date' | 'weekday'> {
    const over = overrides.get(dn);
    if (over) return { working: over.working, kind: kindOf(over.working, true), provisional: false, source: 'override', ...(over.name ? { name: over.name } : {}) };
    const typed = typedDays.get(dn);
    if (typed) return { working: typed.working, kind: kindOf(typed.working, true), provisional: false, source: 'schedule', ...(typed.name ? { name: typed.name } : {}) };
    const year = yearOf(dn);
    const source = yearSource(year);
    const weekRule = !isWeekend(dn);
    if (source === 'schedule') return { working: weekRule, kind: kindOf(weekRule, false), provisional: false, source };
    if (source === 'official') {
      const official = OFFICIAL_DAYS.get(dn);
      if (official) return { working: official.working, kind: kindOf(official.working, true), provisional: false, source, name: official.name };
      return { working: weekRule, kind: kindOf(weekRule, false), provisional: false, source };
    }
    let off = provisionalCache.get(year);
    if (!off) {
      off = provisionalDaysOff(year, compensate);
      provisionalCache.set(year, off);
    }
    const holiday = off.get(dn);
    if (holiday !== undefined) return { working: false, kind: 'holiday', provisional: true, source, name: holiday };
    return { working: weekRule, kind: kindOf(weekRule, false), provisional: true, source };
  }

  return {
    name,
    dayInfo(date: IsoDate): DayInfo {
      const dn = toDayNumber(date);
      return { date: fromDayNumber(dn), weekday: weekdayOf(dn), ...info(dn) };
    },
    statusAt(dn: DayNumber): DayStatus {
      const { working, provisional } = info(dn);
      return { working, provisional };
    },
    yearSource,
  };
}

/** The national calendar: chinese-days' official schedules, provisional beyond them, no local days. */
export const defaultCalendar: Calendar = createCalendar();
