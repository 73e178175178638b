/**
 * Office settings (机关设置) for the form templates, validated with zod. Errors name the JSON path
 * of each problem in Chinese and English. Binary parts (letterhead, fillable PDFs, extra fonts)
 * are Uint8Array: the host reads the files.
 */
import { z } from 'zod';
import { PROVISIONAL_FIRST_YEAR, PROVISIONAL_LAST_YEAR, isIsoDate, statutoryHolidays } from '../calendar/index.ts';
import { parseDocNumberPattern } from './docNumber.ts';
import { DocNumberPatternError, SettingsError } from './errors.ts';
import { FORM_IDS, type FormId } from './ids.ts';
import { describeIssues } from './zodIssues.ts';

/**
 * Default remedies clause (救济途径) for reply letters. [M] in domain.md: the revised 行政复议法
 * (2024) is understood to make review compulsory before suit for 不予公开, and the review body
 * is now the 县级以上地方人民政府; neither is confirmed, so the clause names no body and every
 * office should set its own wording per reply type (`remedies`).
 */
export const DEFAULT_REMEDIES =
  '{addressee}如对{thisDoc}不服，可以自收到{thisDoc}之日起60日内依法向行政复议机关申请行政复议，或者自收到{thisDoc}之日起6个月内依法向人民法院提起行政诉讼。';

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length > 0, { message: 'expected non-empty file bytes (Uint8Array)', params: { zh: '须为非空文件字节（Uint8Array）', en: 'expected non-empty file bytes (Uint8Array)' } });

const text = (max = 200) => z.string().trim().min(1).max(max);

const docPattern = z.string().superRefine((value, ctx) => {
  try {
    parseDocNumberPattern(value);
  } catch (err) {
    if (!(err instanceof DocNumberPatternError)) throw err;
    const [zh, en] = err.message.split(' / ');
    ctx.addIssue({ code: 'custom', message: en, params: { zh, en } });
  }
});

const formKey = z.enum(FORM_IDS);

const custom = (zh: string, en: string) => ({ code: 'custom' as const, message: en, params: { zh, en } });

/** 'YYYY-MM-DD', a real date */
const isoDay = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) ctx.addIssue(custom(`日期「${value}」无效，应写作 YYYY-MM-DD（如 2027-10-01）`, `invalid date "${value}": write YYYY-MM-DD (e.g. 2027-10-01)`));
});

/** a listed day: '2026-05-27' or { date: '2026-05-27', name: '古尔邦节' } */
const dayEntry = z.union([isoDay, z.strictObject({ date: isoDay, name: text(30).optional() })]);
type DayEntry = z.output<typeof dayEntry>;
const dateOf = (e: DayEntry): string => (typeof e === 'string' ? e : e.date);

/** Reports a day listed both as a holiday and as a working day, at the working-day entry. */
function noDayBothWays(ctx: z.RefinementCtx, holidays: readonly DayEntry[], workdays: readonly DayEntry[], holidaysKey: string, workdaysKey: string, base: (string | number)[]): void {
  const off = new Set(holidays.map(dateOf));
  workdays.forEach((e, i) => {
    const d = dateOf(e);
    if (off.has(d)) ctx.addIssue({ ...custom(`${d} 同时列为放假日（${holidaysKey}）和上班日`, `${d} is listed both as a day off (${holidaysKey}) and as a working day`), path: [...base, workdaysKey, i] });
  });
}

const yearSchedule = z
  .strictObject({
    /** every day off in the holiday blocks of the State Council notice */
    holidays: z.array(dayEntry).max(60),
    /** weekend days that are working days (调休上班) */
    workdays: z.array(dayEntry).max(30).default([]),
  });

/**
 * The office's working-day calendar: local holidays (第四条 少数民族习惯的节日 set by the local
 * government …), extra working days, and the next year's 放假调休安排 typed in before chinese-days
 * is upgraded. Built into a Calendar once (officeCalendar) for every form, state and statistic.
 */
const calendarSchema = z
  .strictObject({
    /** shown in messages, e.g. 巩留县人民政府办公室 */
    name: text(60).optional(),
    /** the office's own days off, winning over every schedule */
    localHolidays: z.array(dayEntry).max(200).default([]),
    /** the office's own extra working days */
    localWorkdays: z.array(dayEntry).max(200).default([]),
    /** typed-in schedules by year, e.g. { "2027": { holidays: [...], workdays: [...] } }: they replace the provisional computation for that year */
    schedules: z.record(z.string(), yearSchedule).default({}),
    /** a year with neither official nor typed-in data: computed and marked 「暂定」 (default), or an error */
    unpublishedYears: z.enum(['provisional', 'error']).default('provisional'),
  })
  .superRefine((cal, ctx) => {
    noDayBothWays(ctx, cal.localHolidays, cal.localWorkdays, 'localHolidays', 'localWorkdays', []);
    for (const [key, schedule] of Object.entries(cal.schedules)) {
      if (!/^\d{4}$/.test(key) || Number(key) < 2000 || Number(key) > 2099) {
        ctx.addIssue({ ...custom(`键「${key}」应为四位年份（2000–2099），如 "2027"`, `key "${key}" must be a four-digit year (2000–2099), e.g. "2027"`), path: ['schedules', key] });
        continue;
      }
      for (const list of ['holidays', 'workdays'] as const) {
        schedule[list].forEach((e, i) => {
          const d = dateOf(e);
          if (isIsoDate(d) && d.slice(0, 4) !== key) ctx.addIssue({ ...custom(`${d} 不在 ${key} 年内`, `${d} is not in ${key}`), path: ['schedules', key, list, i] });
        });
      }
      noDayBothWays(ctx, schedule.holidays, schedule.workdays, 'holidays', 'workdays', ['schedules', key]);
      missingStatutoryDays(ctx, Number(key), schedule.holidays);
    }
  });

/**
 * A typed-in year must keep every statutory day off of 《全国年节及纪念日放假办法》第二条 that falls
 * on a weekday: a schedule typed in half (only the 国庆 block, or none at all) would otherwise turn
 * the rest of the year into weekends only, silently and without 「暂定」.
 */
function missingStatutoryDays(ctx: z.RefinementCtx, year: number, holidays: readonly DayEntry[]): void {
  if (year < PROVISIONAL_FIRST_YEAR || year > PROVISIONAL_LAST_YEAR) return;
  const off = new Set(holidays.map(dateOf));
  const missing = statutoryHolidays(year).filter((d) => !off.has(d.date) && !isWeekendDate(d.date));
  if (!missing.length) return;
  const list = missing.map((d) => `${d.date}（${d.name}）`).join('、');
  const listEn = missing.map((d) => d.date).join(', ');
  ctx.addIssue({
    ...custom(
      `${year} 年的放假安排缺少法定节假日 ${list}：请按国务院办公厅通知列出全部放假日期`,
      `the ${year} schedule lacks the statutory holiday(s) ${listEn}: list every day off of the State Council notice`,
    ),
    path: ['schedules', String(year), 'holidays'],
  });
}

function isWeekendDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

export type CalendarSettings = z.output<typeof calendarSchema>;

const settingsSchema = z.strictObject({
  office: z.strictObject({
    /** 机关名称, e.g. 楚雄州商务局 */
    name: text(60),
    /** how letters refer to the office: 本机关 (default) or 我局 */
    selfName: text(10).default('本机关'),
    /** 政府信息公开工作机构, e.g. 局办公室 (signs the 转办通知单) */
    unit: text(60).default('办公室'),
    address: text(120).optional(),
    postcode: z.string().regex(/^\d{6}$/, { message: 'postcode must be 6 digits' }).optional(),
    contactPerson: text(30).optional(),
    phone: text(40).optional(),
    email: z.email().optional(),
  }),
  /** 文号 pattern per form type, e.g. { 'reply-disclose': '楚商公开〔{year}〕{n}号' }; `default` for the rest. */
  docNumbers: z.partialRecord(z.union([formKey, z.literal('default')]), docPattern).default({}),
  deadlines: z
    .strictObject({
      /** 答复期限 (第三十三条: 20; the seed office: 15) */
      replyDays: z.number().int().min(1).max(20).default(20),
      /** 延期 at most (20; the seed office: 15) */
      extensionDays: z.number().int().min(0).max(20).default(20),
      /** 承办科室 deadline in the 转办通知单 (seed 004: 5 working days) */
      departmentDays: z.number().int().min(1).max(20).default(5),
      /** 补正期限 given to the applicant in the 补正告知书 (working days) */
      supplementDays: z.number().int().min(1).max(60).default(15),
      /** 第三十二条: the third party answers within 15 working days */
      consultationDays: z.number().int().min(1).max(15).default(15),
      /** 收费通知: pay within 20 working days */
      feePaymentDays: z.number().int().min(1).max(60).default(20),
    })
    .prefault({}),
  /** Remedies clause per form type ([M]); `default` for the rest. `{addressee}` = 您（单位） / 你（贵单位）; `{thisDoc}` = 本答复 / 本决定. */
  remedies: z.partialRecord(z.union([formKey, z.literal('default')]), text(1000)).default({}),
  /** 投诉 sentence of the seed 不予公开决定书 提示 (office-specific; omitted when absent) */
  complaint: text(1000).optional(),
  /** letterhead: first page drawn behind the first page of every document */
  letterhead: bytes.optional(),
  /** mm from the top of the page where text starts on a letterhead's first page (below its header) */
  letterheadTop: z.number().min(0).max(200).default(70),
  /** office fillable PDFs per form type: AcroForm fields matched by name */
  fillable: z.partialRecord(formKey, bytes).default({}),
  /** working-day calendar of the office: local holidays and working days, typed-in schedules (see calendarSchema) */
  calendar: calendarSchema.optional(),
  /** extra fonts tried after the bundled subset (e.g. a licensed 仿宋 TTF) */
  fonts: z.array(bytes).max(8).default([]),
});

export type OfficeSettingsInput = z.input<typeof settingsSchema>;
export type OfficeSettings = z.output<typeof settingsSchema>;

/** Validates and completes settings; throws SettingsError listing `$.path: 中文 / English` per problem. */
export function parseSettings(input: unknown): OfficeSettings {
  const r = settingsSchema.safeParse(input);
  if (!r.success) throw new SettingsError('机关设置', 'office settings', describeIssues(r.error));
  return r.data;
}

/**
 * Validates the `calendar` part of office settings on its own (for a host that edits the calendar
 * apart from the rest, such as the task pane's 设置); throws SettingsError with paths under
 * `$.calendar`.
 */
export function parseCalendarSettings(input: unknown): CalendarSettings {
  const r = calendarSchema.safeParse(input);
  if (!r.success) throw new SettingsError('工作日历设置', 'calendar settings', describeIssues(r.error).map((i) => ({ ...i, path: i.path.replace(/^\$/, '$.calendar') })));
  return r.data;
}

/** The remedies clause for a form type. */
export function remediesFor(settings: OfficeSettings, form: FormId): string {
  return settings.remedies[form] ?? settings.remedies.default ?? DEFAULT_REMEDIES;
}

/** The 文号 pattern for a form type (its own, else `default`). */
export function docPatternFor(settings: OfficeSettings, form: FormId): string | undefined {
  return settings.docNumbers[form] ?? settings.docNumbers.default;
}
