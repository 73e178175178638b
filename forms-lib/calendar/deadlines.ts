/**
 * Time limits of 《政府信息公开条例》 for 依申请公开, on working days of a Calendar.
 *
 * Counting (domain.md §6): the start day (receipt, or receipt of the supplement) is never
 * counted; day 1 is the first working day after it, so a receipt on a non-working day starts
 * with the next working day. The due date is the last day on which the act is in time.
 *
 * Pauses (第三十三条第三款: time needed to consult a third party or another agency is not
 * counted; likewise the fee notice → payment interval): a pause is an interval [from, to] with
 * both ends included ("自发出征求意见书之日起至收到意见之日止"). Every working day in it that falls
 * after the clock start is skipped, i.e. not counted. Hence, with k = the number of such working
 * days: a pause that starts on or before the unpaused due date moves the due date exactly k
 * working days later (also when it runs past that date); a pause that starts after the due date
 * changes nothing (the reply was already late). Overlapping pauses skip each day once.
 */
import { addWorkingDays, checkCount } from './addWorkingDays.ts';
import { type Calendar, defaultCalendar } from './createCalendar.ts';
import { CalendarConfigError, DeadlineInputError } from './errors.ts';
import { type DayNumber, type IsoDate, fromDayNumber, toDayNumber } from './isoDate.ts';

export interface DeadlineRules {
  /** 第三十三条: reply within 20 working days of receipt (an office may set fewer, e.g. 15). */
  readonly replyDays: number;
  /** 第三十条: 补正 notice within 7 working days of receipt. */
  readonly correctionNoticeDays: number;
  /** 第三十三条: an extension of at most 20 working days. */
  readonly maxExtensionDays: number;
  /** 第三十二条 / 第三十四条: the consulted party answers within 15 working days of receiving the letter. */
  readonly consultationDays: number;
}

/** The limits of the 条例 itself. */
export const STATUTORY_RULES: DeadlineRules = Object.freeze({
  replyDays: 20,
  correctionNoticeDays: 7,
  maxExtensionDays: 20,
  consultationDays: 15,
});

/**
 * An office's rules: the statutory ones with stricter local limits, e.g. the seed office's
 * 15 + 15: defineRules({ replyDays: 15, maxExtensionDays: 15 }). A limit longer than the
 * statute's is refused, since a reply on that day would be late.
 */
export function defineRules(local: Partial<DeadlineRules> = {}): DeadlineRules {
  const rules = { ...STATUTORY_RULES, ...local };
  for (const key of Object.keys(STATUTORY_RULES) as (keyof DeadlineRules)[]) {
    const value = rules[key];
    const min = key === 'maxExtensionDays' ? 0 : 1;
    if (!Number.isInteger(value) || value < min || value > STATUTORY_RULES[key]) {
      throw new CalendarConfigError(
        `rules.${key}`,
        `expected a whole number of working days from ${min} to the statutory ${STATUTORY_RULES[key]}, got ${JSON.stringify(value)}.`,
      );
    }
  }
  return Object.freeze(rules);
}

export interface DeadlineOptions {
  readonly rules?: DeadlineRules;
  readonly calendar?: Calendar;
}

export interface Due {
  readonly due: IsoDate;
  /** True if the result depended on a day of a year without a published schedule (show 「暂定」). */
  readonly provisional: boolean;
}

/** 第三十条: the 补正 notice is due `correctionNoticeDays` (7) working days after receipt. */
export function correctionNoticeDue(receivedOn: IsoDate, options: DeadlineOptions = {}): Due {
  const rules = options.rules ?? STATUTORY_RULES;
  toDayNumber(receivedOn, 'receivedOn');
  const r = addWorkingDays(receivedOn, rules.correctionNoticeDays, options.calendar ?? defaultCalendar);
  return { due: r.date, provisional: r.provisional };
}

/** An interval not counted toward the reply limit; both ends included. */
export interface Pause {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Set when `to` was itself computed from provisional days (see consultationPause). */
  readonly provisional?: boolean;
  readonly reason?: string;
}

export interface ConsultationInput {
  /** The day the 征求意见书 was sent: the pause starts here. */
  readonly sentOn: IsoDate;
  /** The day the consulted party received it, if known; the 15 days run from here, else from sentOn. */
  readonly deliveredOn?: IsoDate;
  /** The day its opinion was received; absent while waiting. */
  readonly repliedOn?: IsoDate;
}

export interface ConsultationPause extends Pause {
  readonly provisional: boolean;
  /** Last day for the consulted party's opinion: consultationDays working days after delivery. */
  readonly limit: IsoDate;
  /** 'reply' if the opinion came by the limit; 'limit' if it came later or not (yet). */
  readonly endedBy: 'reply' | 'limit';
}

/**
 * 第三十二条 / 第三十四条: the consultation pause runs from sending the 征求意见书 to receiving the
 * opinion, or to the limit of 15 working days if the opinion is later or missing. While no
 * opinion has come the pause is taken to last to the limit; recompute when it comes.
 */
export function consultationPause(input: ConsultationInput, options: DeadlineOptions = {}): ConsultationPause {
  const rules = options.rules ?? STATUTORY_RULES;
  const cal = options.calendar ?? defaultCalendar;
  const sent = toDayNumber(input.sentOn, 'sentOn');
  const start = input.deliveredOn === undefined ? input.sentOn : input.deliveredOn;
  if (input.deliveredOn !== undefined && toDayNumber(input.deliveredOn, 'deliveredOn') < sent) {
    throw new DeadlineInputError('deliveredOn', `${input.deliveredOn} is before sentOn ${input.sentOn}.`);
  }
  const limit = addWorkingDays(start, rules.consultationDays, cal);
  const reason = 'consultation';
  if (input.repliedOn !== undefined) {
    const replied = toDayNumber(input.repliedOn, 'repliedOn');
    if (replied < sent) throw new DeadlineInputError('repliedOn', `${input.repliedOn} is before sentOn ${input.sentOn}.`);
    if (replied <= toDayNumber(limit.date)) {
      return { from: input.sentOn, to: input.repliedOn, limit: limit.date, endedBy: 'reply', provisional: limit.provisional, reason };
    }
  }
  return { from: input.sentOn, to: limit.date, limit: limit.date, endedBy: 'limit', provisional: limit.provisional, reason };
}

export interface ReplyDeadlineInput {
  /** 收到申请之日 (see receiptDate). */
  readonly receivedOn: IsoDate;
  /** 第三十条: the day the 补正 supplement was received; the clock restarts in full from it. */
  readonly supplementReceivedOn?: IsoDate;
  /** 第三十三条: extension granted, in working days (≤ rules.maxExtensionDays), counted after the original due date. */
  readonly extensionDays?: number;
  /** Intervals not counted (consultations, fee notice → payment). */
  readonly pauses?: readonly Pause[];
}

export interface ReplyDeadline extends Due {
  /** The due date without the extension (pauses applied): the 延期答复告知书 must go out by then. */
  readonly dueWithoutExtension: IsoDate;
  /** The day the count starts after (not counted itself): receivedOn, or supplementReceivedOn. */
  readonly clockStart: IsoDate;
  readonly restarted: boolean;
  /** Working days counted: replyDays + extensionDays. */
  readonly workingDays: number;
  /** Working days skipped because they fell in a pause. */
  readonly pausedDays: number;
}

/** 第三十三条 (with 第三十条 restart and 第三十二–三十四条 pauses): the reply due date. */
export function replyDeadline(input: ReplyDeadlineInput, options: DeadlineOptions = {}): ReplyDeadline {
  const rules = options.rules ?? STATUTORY_RULES;
  const cal = options.calendar ?? defaultCalendar;
  const received = toDayNumber(input.receivedOn, 'receivedOn');
  let start = received;
  if (input.supplementReceivedOn !== undefined) {
    start = toDayNumber(input.supplementReceivedOn, 'supplementReceivedOn');
    if (start < received) {
      throw new DeadlineInputError('supplementReceivedOn', `${input.supplementReceivedOn} is before receivedOn ${input.receivedOn}.`);
    }
  }
  const extension = input.extensionDays ?? 0;
  checkCount(extension, 'extensionDays');
  if (extension < 0 || extension > rules.maxExtensionDays) {
    throw new DeadlineInputError('extensionDays', `an extension is 0 to ${rules.maxExtensionDays} working days (第三十三条), got ${extension}.`);
  }
  const pauses = (input.pauses ?? []).map((p, i) => {
    const from = toDayNumber(p.from, `pauses[${i}].from`);
    const to = toDayNumber(p.to, `pauses[${i}].to`);
    if (to < from) throw new DeadlineInputError(`pauses[${i}]`, `to ${p.to} is before from ${p.from}.`);
    return { from, to, provisional: p.provisional === true };
  });
  let provisional = false;
  // A pause whose end was provisional makes the result provisional only if it skipped a day.
  const paused = (dn: DayNumber): boolean => {
    let hit = false;
    for (const p of pauses) {
      if (dn >= p.from && dn <= p.to) {
        hit = true;
        provisional ||= p.provisional;
      }
    }
    return hit;
  };

  const target = rules.replyDays + extension;
  let counted = 0;
  let pausedDays = 0;
  let dn = start;
  let dueWithoutExtension = start;
  while (counted < target) {
    dn++;
    const s = cal.statusAt(dn);
    provisional ||= s.provisional;
    if (!s.working) continue;
    if (paused(dn)) pausedDays++;
    else if (++counted === rules.replyDays) dueWithoutExtension = dn;
  }
  return {
    due: fromDayNumber(dn),
    dueWithoutExtension: fromDayNumber(dueWithoutExtension),
    clockStart: fromDayNumber(start),
    restarted: input.supplementReceivedOn !== undefined,
    workingDays: target,
    pausedDays,
    provisional,
  };
}
