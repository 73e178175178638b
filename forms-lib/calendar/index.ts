/**
 * Working-day calendar and 依申请公开 time limits (pure core: no Node, DOM or Office imports).
 * Dates are 'YYYY-MM-DD' strings; every result that depended on a year without a published
 * 放假调休 schedule carries provisional: true (show 「暂定」).
 */
export type { IsoDate, DayNumber, Weekday } from './isoDate.ts';
export { isIsoDate } from './isoDate.ts';
export {
  type Calendar,
  type CalendarOptions,
  type DayEntryInput,
  type DayInfo,
  type DayKind,
  type DaySource,
  type DayStatus,
  type YearScheduleInput,
  type YearSource,
  createCalendar,
  defaultCalendar,
} from './createCalendar.ts';
export { isWorkingDay, getDayInfo } from './isWorkingDay.ts';
export { todayInChina } from './todayInChina.ts';
export { type WorkingDayResult, MAX_WORKING_DAYS, addWorkingDays } from './addWorkingDays.ts';
export { type WorkingDayCount, workingDaysBetween } from './workingDaysBetween.ts';
export { OFFICIAL_YEARS, isOfficialYear } from './officialSchedule.ts';
export {
  type NamedDay,
  PROVISIONAL_FIRST_YEAR,
  PROVISIONAL_LAST_YEAR,
  provisionalSchedule,
  statutoryHolidays,
} from './provisionalSchedule.ts';
export {
  type Channel,
  type ReceiptField,
  type ReceiptInput,
  type ReceiptResult,
  CHANNELS,
  receiptDate,
} from './receiptDate.ts';
export {
  type ConsultationInput,
  type ConsultationPause,
  type DeadlineOptions,
  type DeadlineRules,
  type Due,
  type Pause,
  type ReplyDeadline,
  type ReplyDeadlineInput,
  STATUTORY_RULES,
  consultationPause,
  correctionNoticeDue,
  defineRules,
  replyDeadline,
} from './deadlines.ts';
export { CalendarConfigError, DeadlineInputError, InvalidDateError, ScheduleUnavailableError } from './errors.ts';
