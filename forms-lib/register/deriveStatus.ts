/**
 * deriveStatus: an application's state and due dates on a given day (条例 arts. 30–34), on the
 * working-day calendar. `today` is always passed in (the CLI passes the date in Asia/Shanghai);
 * nothing here reads a clock.
 *
 * Deadlines:
 *  - 补正 notice due: rules.correctionNoticeDays (7) working days after 收到日期 (第三十条).
 *  - Reply due: rules.replyDays (20) working days after 收到日期, or after 补正收到日期 when a
 *    supplement came (the clock restarts in full, 第三十条); plus 延期 working days counted after
 *    the original due date (第三十三条); consultation working days are not counted (第三十三条第三款):
 *    征求意见起 → 征求意见止, capped at rules.consultationDays (15) working days, and while no
 *    opinion has come the pause is taken to run to that cap (recomputed when it comes).
 *
 * State precedence, first match wins:
 *   closed               办理结果 and 答复日期 are filled;
 *   awaiting-correction  a 补正 notice went out and no supplement has come (the reply clock is
 *                        stopped: replyDue and daysLeft are null, also once such an application
 *                        is closed, e.g. 逾期不补正);
 *   consulting           征求意见起 ≤ today, no 征求意见止 yet, and today is within the 15-day cap;
 *   overdue              today is after the reply due date;
 *   due-soon             at most `dueSoonDays` working days left (0 = due today);
 *   extended             an extension was granted;
 *   open                 otherwise.
 *
 * Input is an Application as readRegister returns it (dates in order, extension within the rules).
 * Pass the same `rules` to both: an extension longer than rules.maxExtensionDays, or dates out of
 * order, make the calendar throw DeadlineInputError naming the field.
 */
import {
  type Calendar,
  type ConsultationPause,
  type DeadlineRules,
  type IsoDate,
  STATUTORY_RULES,
  consultationPause,
  correctionNoticeDue,
  defaultCalendar,
  replyDeadline,
} from '../calendar/index.ts';
import { toDayNumber } from '../calendar/isoDate.ts';
import type { Application, ApplicationState } from './types.ts';

export interface DeriveStatusOptions {
  /** The day to judge on, 'YYYY-MM-DD' (the office's local date). */
  readonly today: IsoDate;
  readonly rules?: DeadlineRules;
  readonly calendar?: Calendar;
  /** due-soon when at most this many working days are left. Default 3. */
  readonly dueSoonDays?: number;
}

export interface ApplicationStatus {
  readonly id: string;
  readonly state: ApplicationState;
  /** Reply due date; null while awaiting 补正 (the clock restarts when the supplement comes) and for one closed without a supplement. */
  readonly replyDue: IsoDate | null;
  /** Reply due without the extension: the 延期答复告知书 must go out by then. null while awaiting 补正. */
  readonly replyDueWithoutExtension: IsoDate | null;
  /** True if a due date passed over a year without a published schedule (show 「暂定」). */
  readonly provisional: boolean;
  /** 补正告知 due date (7 working days after receipt). */
  readonly correctionNoticeDue: IsoDate;
  /** Set when a 补正 notice is on the register: whether it went out after correctionNoticeDue. */
  readonly correctionNoticeLate?: boolean;
  /** The consultation pause, when 征求意见起 is filled. */
  readonly consultation?: ConsultationPause & { readonly ongoing: boolean };
  /**
   * Working days from today to replyDue, not counting paused days: 0 = due today, negative =
   * overdue by that many working days. For a closed application: the margin on the reply day
   * (negative = replied late). null while awaiting 补正.
   */
  readonly daysLeft: number | null;
  /** 答复日期 of a closed application. */
  readonly closedOn?: IsoDate;
  /** Closed: working days counted from the clock start to the reply, paused days excluded. */
  readonly workingDaysTaken?: number;
  /**
   * Closed: replied after replyDue. Absent for the outcomes that close an application without a
   * reply being due (no supplement in time, fee unpaid).
   */
  readonly late?: boolean;
}

/** Working days d with from < d ≤ to that are not in any pause; negative when to < from. */
function countWorking(from: IsoDate, to: IsoDate, cal: Calendar, pauses: readonly { from: IsoDate; to: IsoDate }[]): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  const ps = pauses.map((p) => [toDayNumber(p.from), toDayNumber(p.to)] as const);
  let n = 0;
  for (let dn = lo + 1; dn <= hi; dn++) {
    if (!cal.statusAt(dn).working) continue;
    if (ps.some(([f, t]) => dn >= f && dn <= t)) continue;
    n++;
  }
  return n === 0 ? 0 : sign * n;
}

export function deriveStatus(app: Application, options: DeriveStatusOptions): ApplicationStatus {
  const rules = options.rules ?? STATUTORY_RULES;
  const calendar = options.calendar ?? defaultCalendar;
  const dueSoonDays = options.dueSoonDays ?? 3;
  const today = options.today;
  toDayNumber(today, 'today');
  const opts = { rules, calendar };

  const notice = correctionNoticeDue(app.receivedOn, opts);
  const noticeLate = app.correctionNoticeOn === undefined ? {} : { correctionNoticeLate: app.correctionNoticeOn > notice.due };

  let consultation: ApplicationStatus['consultation'];
  if (app.consultFrom !== undefined) {
    const p = consultationPause({ sentOn: app.consultFrom, ...(app.consultTo ? { repliedOn: app.consultTo } : {}) }, opts);
    consultation = { ...p, ongoing: app.consultTo === undefined && app.consultFrom <= today && today <= p.limit };
  }
  const pauses = consultation ? [consultation] : [];
  const closed = app.outcome !== undefined && app.repliedOn !== undefined;
  const waiting = app.correctionNoticeOn !== undefined && app.supplementReceivedOn === undefined;

  if (waiting) {
    // No supplement: no reply clock is running (closed here = 逾期不补正, or withdrawn).
    return {
      id: app.id, state: closed ? 'closed' : 'awaiting-correction', replyDue: null, replyDueWithoutExtension: null,
      provisional: notice.provisional, correctionNoticeDue: notice.due, ...noticeLate,
      ...(consultation ? { consultation } : {}), daysLeft: null,
      ...(closed ? { closedOn: app.repliedOn as IsoDate } : {}),
    };
  }

  const reply = replyDeadline(
    {
      receivedOn: app.receivedOn,
      ...(app.supplementReceivedOn ? { supplementReceivedOn: app.supplementReceivedOn } : {}),
      extensionDays: app.extensionDays,
      pauses,
    },
    opts,
  );
  const base = {
    id: app.id,
    replyDue: reply.due,
    replyDueWithoutExtension: reply.dueWithoutExtension,
    provisional: reply.provisional || (consultation?.provisional ?? false),
    correctionNoticeDue: notice.due,
    ...noticeLate,
    ...(consultation ? { consultation } : {}),
  };

  if (closed) {
    const repliedOn = app.repliedOn as IsoDate;
    const noReplyDue = app.outcome === 'other-no-correction' || app.outcome === 'other-unpaid';
    return {
      ...base,
      state: 'closed',
      daysLeft: countWorking(repliedOn, reply.due, calendar, pauses),
      closedOn: repliedOn,
      workingDaysTaken: Math.max(0, countWorking(reply.clockStart, repliedOn, calendar, pauses)),
      ...(noReplyDue ? {} : { late: repliedOn > reply.due }),
    };
  }

  const daysLeft = countWorking(today, reply.due, calendar, pauses);
  let state: ApplicationState;
  if (consultation?.ongoing) state = 'consulting';
  else if (today > reply.due) state = 'overdue';
  else if (daysLeft <= dueSoonDays) state = 'due-soon';
  else if (app.extensionDays > 0) state = 'extended';
  else state = 'open';
  return { ...base, state, daysLeft };
}
