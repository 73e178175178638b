/**
 * A generated application register for the statistics tests and benchmark: deterministic
 * (seeded PRNG), with every outcome, applicant type and channel, replies that cross the year
 * end, open applications, 补正 restarts, extensions and consultation pauses.
 */
import { CHANNELS } from '../../forms-lib/calendar/index.ts';
import type { Channel } from '../../forms-lib/calendar/index.ts';
import { dayNumberFromParts, fromDayNumber } from '../../forms-lib/calendar/isoDate.ts';
import type { ApplicantType, Application, OutcomeId } from '../../forms-lib/register/types.ts';
import { APPLICANT_TYPES, OUTCOMES } from '../../forms-lib/register/types.ts';

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenOptions {
  readonly count: number;
  readonly seed?: number;
  /** First and last day applications are received on. */
  readonly from: string;
  readonly to: string;
  /** Share left open (no outcome). */
  readonly openShare?: number;
}

export function generateRegister(o: GenOptions): Application[] {
  const rnd = prng(o.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const d0 = dayNumberFromParts(+o.from.slice(0, 4), +o.from.slice(5, 7), +o.from.slice(8, 10));
  const d1 = dayNumberFromParts(+o.to.slice(0, 4), +o.to.slice(5, 7), +o.to.slice(8, 10));
  const apps: Application[] = [];
  for (let i = 0; i < o.count; i++) {
    const received = d0 + Math.floor(rnd() * (d1 - d0 + 1));
    const applicantType: ApplicantType = rnd() < 0.6 ? '自然人' : pick(APPLICANT_TYPES);
    const channel: Channel = pick(CHANNELS);
    const open = rnd() < (o.openShare ?? 0.12);
    const outcome: OutcomeId = pick(OUTCOMES).id;
    const supplement = rnd() < 0.15 ? received + 3 + Math.floor(rnd() * 10) : undefined;
    const extensionDays = rnd() < 0.2 ? pick([5, 10, 15, 20]) : 0;
    const consult = rnd() < 0.1 ? received + 2 + Math.floor(rnd() * 5) : undefined;
    const consultLen = consult === undefined ? 0 : 3 + Math.floor(rnd() * 15);
    const consultOpen = consult !== undefined && rnd() < 0.2;
    const replied = received + 1 + Math.floor(rnd() * 45);
    apps.push({
      row: i + 2,
      id: `${fromDayNumber(received).slice(0, 4)}-${String(i + 1).padStart(5, '0')}`,
      receivedOn: fromDayNumber(received),
      channel,
      applicantType,
      applicant: applicantType === '自然人' ? `申请人${i + 1}` : `单位${i + 1}`,
      request: `第 ${i + 1} 件申请所需的政府信息`,
      ...(supplement !== undefined ? { correctionNoticeOn: fromDayNumber(received + 2), supplementReceivedOn: fromDayNumber(supplement) } : {}),
      extensionDays,
      ...(consult !== undefined ? { consultFrom: fromDayNumber(consult), ...(consultOpen ? {} : { consultTo: fromDayNumber(consult + consultLen) }) } : {}),
      ...(open ? {} : { outcome, repliedOn: fromDayNumber(Math.max(replied, supplement ?? 0)) }),
      extra: {},
    });
  }
  return apps;
}
