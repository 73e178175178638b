/**
 * Applications as day numbers and column indexes, computed once for every roll-up, with the
 * data problems that would make a count wrong reported by register row.
 */
import type { DeadlineRules } from '../calendar/index.ts';
import { CHANNELS } from '../calendar/index.ts';
import { type DayNumber, dayNumberFromParts } from '../calendar/isoDate.ts';
import type { Application, OutcomeId } from '../register/types.ts';
import { APPLICANT_TYPES, OUTCOMES } from '../register/types.ts';
import type { Message } from './log.ts';
import type { WorkdayIndex } from './workdays.ts';
import { dueAt } from './workdays.ts';

export interface StatsWarning extends Message {
  readonly code: 'closed-without-date' | 'date-without-outcome' | 'closed-before-received' | 'bad-date' | 'unknown-review-value';
  /** 1-based register row. */
  readonly row: number;
  /** 登记编号. */
  readonly id: string;
  /** Register column the warning is about. */
  readonly column: string;
}

/**
 * The counted applications as parallel typed arrays (one slot per application kept): a roll-up
 * of 100,000 applications then allocates a handful of arrays instead of 100,000 objects.
 */
export interface Prepared {
  readonly length: number;
  readonly apps: readonly Application[];
  readonly received: Int32Array;
  /** Day of the reply when closed (办理结果 and 答复日期 both present), else Infinity. */
  readonly closed: Float64Array;
  /** 0–5: index in APPLICANT_TYPES. */
  readonly col: Uint8Array;
  /** Index in CHANNELS, 255 for a channel not in the list. */
  readonly channel: Uint8Array;
  /** 0–20: index in OUTCOMES, -1 while open. */
  readonly leaf: Int8Array;
  readonly extensionDays: Int32Array;
  /** NaN when absent; Infinity while a 补正 notice waits for its supplement (no reply clock). */
  readonly supplementReceived: Float64Array;
  readonly pauseFrom: Float64Array;
  readonly pauseTo: Float64Array;
}

const OUTCOME_INDEX = new Map<OutcomeId, number>(OUTCOMES.map((o, i) => [o.id, i]));
const TYPE_INDEX = new Map<string, number>(APPLICANT_TYPES.map((t, i) => [t, i]));
const CHANNEL_INDEX = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * 'YYYY-MM-DD' to a day number, or undefined when it is not an existing day written so. Parsed
 * by character codes: a roll-up parses several dates per application (the hot path at 100k).
 */
export function dayOf(iso: string | undefined): DayNumber | undefined {
  if (iso === undefined || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    y = y * 10 + c;
  }
  const m1 = iso.charCodeAt(5) - 48;
  const m2 = iso.charCodeAt(6) - 48;
  const d1 = iso.charCodeAt(8) - 48;
  const d2 = iso.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return undefined;
  return dayNumberFromParts(y, m, d);
}

/** Month key 'YYYY-MM' → 0-based running month number (year * 12 + month - 1). */
export function monthNumber(key: string): number {
  return +key.slice(0, 4) * 12 + (+key.slice(5, 7) - 1);
}

export function monthKey(n: number): string {
  const y = Math.floor(n / 12);
  return `${String(y).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** monthOfDay for 1990-01-01 … 2099-12-31 by table lookup (built on first use, 40,177 days). */
const MONTH_BASE = dayNumberFromParts(1990, 1, 1);
const MONTH_SPAN = dayNumberFromParts(2100, 1, 1) - MONTH_BASE;
let monthTable: Int32Array | undefined;

/** Running month number (year * 12 + month - 1) of a day number. */
export function monthOfDay(dn: DayNumber): number {
  const i = dn - MONTH_BASE;
  if (i >= 0 && i < MONTH_SPAN) {
    if (monthTable === undefined) {
      monthTable = new Int32Array(MONTH_SPAN);
      for (let k = 0; k < MONTH_SPAN; k++) monthTable[k] = computeMonthOfDay(MONTH_BASE + k);
    }
    return monthTable[i];
  }
  return computeMonthOfDay(dn);
}

/** partsFromDayNumber without the object. */
function computeMonthOfDay(dn: DayNumber): number {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

export function prepare(apps: readonly Application[], warnings: StatsWarning[]): Prepared {
  const n = apps.length;
  // the input array itself unless a row is left out (saves a 100k-element copy)
  let kept: Application[] | undefined;
  const received = new Int32Array(n);
  const closedArr = new Float64Array(n);
  const col = new Uint8Array(n);
  const channel = new Uint8Array(n);
  const leafArr = new Int8Array(n);
  const ext = new Int32Array(n);
  const supp = new Float64Array(n);
  const pf = new Float64Array(n);
  const pt = new Float64Array(n);
  // (no closures per application: the hot path runs 100k times, and tsx wraps each closure)
  const warn = (app: Application, code: StatsWarning['code'], column: string, zh: string, en: string): void => {
    warnings.push({ code, row: app.row, id: app.id, column, zh: `第 ${app.row} 行（${app.id}）${zh}`, en: `row ${app.row} (${app.id}): ${en}` });
  };
  let k = 0;
  for (const app of apps) {
    const r = dayOf(app.receivedOn);
    if (r === undefined) {
      kept ??= apps.slice(0, k);
      warn(app, 'bad-date', '收到日期', `收到日期「${app.receivedOn}」不是有效日期，未计入统计`, `收到日期 ${JSON.stringify(app.receivedOn)} is not a valid date; left out of the statistics`);
      continue;
    }
    let closed = Infinity;
    let leaf = -1;
    const replied = dayOf(app.repliedOn);
    if (app.repliedOn && replied === undefined) {
      warn(app, 'bad-date', '答复日期', `答复日期「${app.repliedOn}」不是有效日期，按未办结统计`, `答复日期 ${JSON.stringify(app.repliedOn)} is not a valid date; counted as open`);
    }
    if (app.outcome !== undefined && replied !== undefined) {
      leaf = OUTCOME_INDEX.get(app.outcome) ?? -1;
      closed = leaf >= 0 ? replied : Infinity;
      if (replied < r) {
        warn(app, 'closed-before-received', '答复日期', `答复日期 ${app.repliedOn} 早于收到日期 ${app.receivedOn}`, `答复日期 ${app.repliedOn} is before 收到日期 ${app.receivedOn}`);
      }
    } else if (app.outcome !== undefined && !app.repliedOn) {
      warn(app, 'closed-without-date', '答复日期', '已填办理结果但答复日期为空，按未办结统计', '办理结果 is filled but 答复日期 is empty; counted as open');
    } else if (replied !== undefined) {
      warn(app, 'date-without-outcome', '办理结果', '已填答复日期但办理结果为空，按未办结统计', '答复日期 is filled but 办理结果 is empty; counted as open');
    }
    kept?.push(app);
    received[k] = r;
    closedArr[k] = closed;
    col[k] = TYPE_INDEX.get(app.applicantType) ?? APPLICANT_TYPES.length - 1;
    channel[k] = CHANNEL_INDEX.get(app.channel) ?? 255;
    leafArr[k] = leaf;
    ext[k] = app.extensionDays > 0 ? app.extensionDays : 0;
    const s = app.supplementReceivedOn === undefined ? undefined : dayOf(app.supplementReceivedOn);
    // a 补正 notice with no supplement yet: the reply clock is stopped (Infinity, as deriveStatus
    // gives no due date), so such an application is never overdue or late
    supp[k] = app.correctionNoticeOn !== undefined && app.supplementReceivedOn === undefined ? Infinity : s === undefined || s < r ? NaN : s;
    const from = app.consultFrom === undefined ? undefined : dayOf(app.consultFrom);
    pf[k] = from ?? NaN;
    const to = from === undefined || app.consultTo === undefined ? undefined : dayOf(app.consultTo);
    pt[k] = to ?? NaN;
    k++;
  }
  return {
    length: k,
    apps: kept ?? apps,
    received: received.subarray(0, k),
    closed: closedArr.subarray(0, k),
    col: col.subarray(0, k),
    channel: channel.subarray(0, k),
    leaf: leafArr.subarray(0, k),
    extensionDays: ext.subarray(0, k),
    supplementReceived: supp.subarray(0, k),
    pauseFrom: pf.subarray(0, k),
    pauseTo: pt.subarray(0, k),
  };
}

/**
 * Reply due dates of application `i` into `out` (no allocation): 第三十条 restart, 延期 (capped at
 * the rules' maximum), the consultation pause (an open one runs to its 15-working-day limit).
 */
export function dueInto(p: Prepared, i: number, index: WorkdayIndex, rules: DeadlineRules, out: { due: number; dueWithoutExtension: number }): void {
  const ext = Math.min(p.extensionDays[i], rules.maxExtensionDays);
  const s = p.supplementReceived[i];
  if (s === Infinity) {
    out.due = Infinity;
    out.dueWithoutExtension = Infinity;
    return;
  }
  const start = Number.isNaN(s) ? p.received[i] : s;
  const from = p.pauseFrom[i];
  let k = 0;
  if (!Number.isNaN(from)) {
    let to = p.pauseTo[i];
    if (Number.isNaN(to)) to = index.nth(from, rules.consultationDays);
    if (to > start && to >= from) k = index.between(Math.max(from - 1, start), to);
  }
  out.due = dueAt(index, start, rules.replyDays + ext, k, from);
  out.dueWithoutExtension = dueAt(index, start, rules.replyDays, k, from);
}
