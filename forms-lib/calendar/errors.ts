/**
 * Named errors of the calendar. Each message says what was wrong and how to fix it
 * (pdf-lib style); callers can branch on the class or on `code`.
 */

/** A date argument that is not an existing calendar day written as 'YYYY-MM-DD'. */
export class InvalidDateError extends Error {
  readonly code = 'invalid-date';
  constructor(
    readonly value: unknown,
    readonly path = 'date',
  ) {
    super(
      `${path}: ${JSON.stringify(value)} is not a valid date. ` +
        `Write an existing day as 'YYYY-MM-DD' with zero padding, e.g. '2026-09-28'.`,
    );
    this.name = 'InvalidDateError';
  }
}

/**
 * No schedule is known for a year: chinese-days has no published 放假调休 data for it, none
 * was typed in, and provisional computation is either switched off or not possible for that year.
 */
export class ScheduleUnavailableError extends Error {
  readonly code = 'schedule-unavailable';
  constructor(
    readonly year: number,
    reason: string,
  ) {
    super(
      `No holiday schedule for ${year}: ${reason} ` +
        `Type the year's 放假调休安排 in with createCalendar({ schedules: { ${year}: { holidays: [...], workdays: [...] } } }).`,
    );
    this.name = 'ScheduleUnavailableError';
  }
}

/** createCalendar or a deadline rule set was given contradictory or impossible settings. */
export class CalendarConfigError extends Error {
  readonly code = 'calendar-config';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'CalendarConfigError';
  }
}

/** A deadline computation was given inconsistent facts, e.g. a supplement received before the application. */
export class DeadlineInputError extends Error {
  readonly code = 'deadline-input';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'DeadlineInputError';
  }
}
