import { describe, expect, it } from 'vitest';
import { defaultCalendar, replyDeadline, workingDaysBetween } from '../../forms-lib/calendar/index.ts';
import { dayNumberFromParts, fromDayNumber, toDayNumber } from '../../forms-lib/calendar/isoDate.ts';
import type { Application } from '../../forms-lib/register/types.ts';
import { WorkdayIndex, appendEvents, dueDays, monthlyCsv, monthlyRollup, monthlySheetRows, readLogEvents } from '../../forms-lib/stats/index.ts';
import { generateRegister, prng } from './gen.ts';

const base = { applicant: '某', request: '信息', extra: {} };

/**
 * Seven applications across February–May 2025, every figure computed by hand on the 2025
 * schedule (Qingming 4–6 Apr; 劳动节 1–5 May with Sunday 27 Apr worked).
 */
const SMALL: Application[] = [
  // A: due 2025-03-31; 9 working days to reply.
  { ...base, row: 2, id: 'A', receivedOn: '2025-03-03', channel: '网络', applicantType: '自然人', extensionDays: 0, outcome: 'disclose', repliedOn: '2025-03-14' },
  // B: due 2025-04-08 (Apr 4 is a holiday), still open: overdue at the end of April and May.
  { ...base, row: 3, id: 'B', receivedOn: '2025-03-10', channel: '邮寄', applicantType: '商业企业', extensionDays: 0 },
  // C: 20 days end 2025-04-18 (extension takes effect in April); +10 → due 2025-05-06; 29 days to reply.
  { ...base, row: 4, id: 'C', receivedOn: '2025-03-20', channel: '当面', applicantType: '自然人', extensionDays: 10, outcome: 'refuse-secret', repliedOn: '2025-04-30' },
  // D: due 2025-04-29 (Apr 27 worked); replied 2025-05-20, late; 32 days.
  { ...base, row: 5, id: 'D', receivedOn: '2025-04-01', channel: '电子邮件', applicantType: '法律服务机构', extensionDays: 0, outcome: 'unable-not-held', repliedOn: '2025-05-20' },
  // E: 补正 received 2025-04-22 restarts the clock → due 2025-05-22; 16 days from receipt.
  { ...base, row: 6, id: 'E', receivedOn: '2025-04-15', channel: '网络', applicantType: '自然人', extensionDays: 0, correctionNoticeOn: '2025-04-16', supplementReceivedOn: '2025-04-22', outcome: 'partial', repliedOn: '2025-05-09' },
  // F: open, not yet due at the end of May.
  { ...base, row: 7, id: 'F', receivedOn: '2025-05-28', channel: '网络', applicantType: '其他', extensionDays: 0 },
  // G: received in February (outside the window), closed 2025-03-03 after 15 days.
  { ...base, row: 8, id: 'G', receivedOn: '2025-02-10', channel: '网络', applicantType: '自然人', extensionDays: 0, outcome: 'disclose', repliedOn: '2025-03-03' },
];

const EVENTS = readLogEvents(
  appendEvents(
    [],
    [
      { type: 'form-generated', time: '2025-03-04T10:00:00+08:00', form: '补正告知书' },
      { type: 'form-generated', time: '2025-03-14T10:00:00+08:00', form: '答复书' },
      { type: 'registered', time: '2025-03-20T10:00:00+08:00' },
      { type: 'form-generated', time: '2025-04-30T09:00:00+08:00', form: '答复书' },
      { type: 'form-generated', time: '2025-04-30T17:00:00Z', form: '答复书' }, // 1 May in China
      { type: 'form-generated', time: '2025-06-01T09:00:00+08:00', form: '延期答复告知书' }, // outside
    ],
  ),
);

const zeroChannels = { 当面: 0, 邮寄: 0, 平常信函: 0, 网络: 0, 传真: 0, 电子邮件: 0 };
const zeroTypes = { 自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0 };
const zeroGroups = { 予以公开: 0, 部分公开: 0, 不予公开: 0, 无法提供: 0, 不予处理: 0, 其他处理: 0 };

describe('monthly roll-up of a hand-computed register', () => {
  const { months, warnings } = monthlyRollup({
    applications: SMALL,
    from: '2025-03',
    to: '2025-05',
    events: EVENTS,
    catalogue: { '2025-05': { proactive: 120, onRequest: 8 } },
  });

  it('matches the hand-computed months exactly', () => {
    expect(warnings).toEqual([]);
    expect(months).toEqual([
      {
        month: '2025-03',
        received: 3,
        receivedByChannel: { ...zeroChannels, 网络: 1, 邮寄: 1, 当面: 1 },
        receivedByApplicantType: { ...zeroTypes, 自然人: 2, 商业企业: 1 },
        closed: 2,
        closedByOutcome: { ...zeroGroups, 予以公开: 2 },
        openAtMonthEnd: 2,
        overdueAtMonthEnd: 0,
        closedLate: 0,
        extended: 0,
        avgWorkingDaysToReply: 12,
        maxWorkingDaysToReply: 15,
        formsIssued: { 答复书: 1, 补正告知书: 1 },
      },
      {
        month: '2025-04',
        received: 2,
        receivedByChannel: { ...zeroChannels, 电子邮件: 1, 网络: 1 },
        receivedByApplicantType: { ...zeroTypes, 法律服务机构: 1, 自然人: 1 },
        closed: 1,
        closedByOutcome: { ...zeroGroups, 不予公开: 1 },
        openAtMonthEnd: 3,
        overdueAtMonthEnd: 2,
        closedLate: 0,
        extended: 1,
        avgWorkingDaysToReply: 29,
        maxWorkingDaysToReply: 29,
        formsIssued: { 答复书: 1, 补正告知书: 0 },
      },
      {
        month: '2025-05',
        received: 1,
        receivedByChannel: { ...zeroChannels, 网络: 1 },
        receivedByApplicantType: { ...zeroTypes, 其他: 1 },
        closed: 2,
        closedByOutcome: { ...zeroGroups, 无法提供: 1, 部分公开: 1 },
        openAtMonthEnd: 2,
        overdueAtMonthEnd: 1,
        closedLate: 1,
        extended: 0,
        avgWorkingDaysToReply: 24,
        maxWorkingDaysToReply: 32,
        formsIssued: { 答复书: 1, 补正告知书: 0 },
        catalogue: { proactive: 120, onRequest: 8 },
      },
    ]);
  });

  it('agrees with the calendar module on every date used above', () => {
    const due = (a: Application): string =>
      replyDeadline({ receivedOn: a.receivedOn, supplementReceivedOn: a.supplementReceivedOn, extensionDays: a.extensionDays }).due;
    expect(SMALL.map(due)).toEqual(['2025-03-31', '2025-04-08', '2025-05-06', '2025-04-29', '2025-05-22', '2025-06-26', '2025-03-10']);
    expect(SMALL.filter((a) => a.repliedOn).map((a) => workingDaysBetween(a.receivedOn, a.repliedOn as string).days)).toEqual([9, 29, 32, 16, 15]);
  });

  it('renders the 「月度统计」 sheet with a 合计 row, and CSV', () => {
    const s = monthlySheetRows(months);
    expect(s.headerRows).toBe(2);
    const header = s.rows[1];
    expect(header.slice(0, 8)).toEqual(['月份', '新收申请', '申请方式·当面', '申请方式·邮寄', '申请方式·平常信函', '申请方式·网络', '申请方式·传真', '申请方式·电子邮件']);
    expect(header.slice(-12)).toEqual([
      '办结·不予处理',
      '办结·其他处理',
      '月末未办结',
      '月末逾期未办结',
      '逾期办结',
      '延期',
      '平均答复用时（工作日）',
      '最长答复用时（工作日）',
      '文书·答复书',
      '文书·补正告知书',
      '主动公开事项',
      '依申请公开事项',
    ]);
    expect(header).toHaveLength(2 + 6 + 6 + 1 + 6 + 6 + 2 + 2);
    const col = (name: string): number => header.indexOf(name);
    const total = s.rows[s.rows.length - 1];
    expect(total[0]).toBe('合计');
    expect(total[col('新收申请')]).toBe(6);
    expect(total[col('办结')]).toBe(5);
    expect(total[col('月末未办结')]).toBe(2);
    expect(total[col('月末逾期未办结')]).toBe(1);
    expect(total[col('平均答复用时（工作日）')]).toBe(20.2); // (9+15+29+32+16)/5
    expect(total[col('最长答复用时（工作日）')]).toBe(32);
    expect(total[col('文书·答复书')]).toBe(3);
    expect(total[col('主动公开事项')]).toBe(120);
    expect(s.rows[2][col('主动公开事项')]).toBe(null);
    const csv = monthlyCsv(months).split('\r\n');
    expect(csv[0].startsWith('月份,新收申请,申请方式·当面')).toBe(true);
    expect(csv[1].startsWith('2025-03,3,1,1,0,1,0,0,2,1,0,0,0,0,2,2,0,0,0,0,0,2,0,0,0,12,15,1,1,,')).toBe(true);
  });

  it('counts an open consultation to its 15-day limit and rejects bad months', () => {
    const consult: Application = { ...base, row: 9, id: 'K', receivedOn: '2025-03-03', channel: '网络', applicantType: '自然人', extensionDays: 0, consultFrom: '2025-03-10' };
    // without the pause due 03-31; the pause 03-10 … 03-31 (15 working days) moves it 15 days → 04-22
    const r = monthlyRollup({ applications: [consult], from: '2025-04', to: '2025-04' });
    expect(r.months[0].overdueAtMonthEnd).toBe(1);
    const r2 = monthlyRollup({ applications: [consult], from: '2025-03', to: '2025-03' });
    expect(r2.months[0].overdueAtMonthEnd).toBe(0);
    expect(() => monthlyRollup({ applications: [], from: '2025-3', to: '2025-04' })).toThrowError(/\(from\)/);
    expect(() => monthlyRollup({ applications: [], from: '2025-05', to: '2025-04' })).toThrowError(/\(to\)/);
  });
});

describe('WorkdayIndex equals the calendar module', () => {
  it('workingDaysBetween on random pairs', () => {
    const rnd = prng(7);
    const idx = new WorkdayIndex();
    const d0 = dayNumberFromParts(2023, 1, 1);
    for (let i = 0; i < 400; i++) {
      const a = d0 + Math.floor(rnd() * 1100);
      const b = a + Math.floor(rnd() * 120) - 30;
      expect(idx.between(a, b), `${fromDayNumber(a)}→${fromDayNumber(b)}`).toBe(workingDaysBetween(fromDayNumber(a), fromDayNumber(b)).days);
    }
  });

  it('replyDeadline with restarts, extensions and pauses on a generated register', () => {
    const idx = new WorkdayIndex(defaultCalendar);
    const apps = generateRegister({ count: 300, seed: 99, from: '2023-01-01', to: '2025-12-31' });
    let paused = 0;
    for (const a of apps) {
      const pause = a.consultFrom && a.consultTo ? [{ from: a.consultFrom, to: a.consultTo }] : [];
      paused += pause.length;
      const want = replyDeadline({ receivedOn: a.receivedOn, supplementReceivedOn: a.supplementReceivedOn, extensionDays: a.extensionDays, pauses: pause });
      const got = dueDays(idx, {
        received: toDayNumber(a.receivedOn),
        supplementReceived: a.supplementReceivedOn ? toDayNumber(a.supplementReceivedOn) : undefined,
        extensionDays: a.extensionDays,
        pauseFrom: pause[0] ? toDayNumber(pause[0].from) : undefined,
        pauseTo: pause[0] ? toDayNumber(pause[0].to) : undefined,
      });
      expect([fromDayNumber(got.due), fromDayNumber(got.dueWithoutExtension)], a.id).toEqual([want.due, want.dueWithoutExtension]);
    }
    expect(paused).toBeGreaterThan(10);
  });

  it('a pause starting after the due date changes nothing; one before it moves it by its working days', () => {
    const idx = new WorkdayIndex();
    const r = toDayNumber('2025-03-03');
    expect(fromDayNumber(dueDays(idx, { received: r, extensionDays: 0, pauseFrom: toDayNumber('2025-04-01'), pauseTo: toDayNumber('2025-04-10') }).due)).toBe('2025-03-31');
    expect(fromDayNumber(dueDays(idx, { received: r, extensionDays: 0, pauseFrom: toDayNumber('2025-03-31'), pauseTo: toDayNumber('2025-04-01') }).due)).toBe(
      replyDeadline({ receivedOn: '2025-03-03', pauses: [{ from: '2025-03-31', to: '2025-04-01' }] }).due,
    );
  });
});

describe('monthly roll-up as of today', () => {
  it('stops at the running month and takes its 月末 figures on today: nothing is overdue before its due date', () => {
    // B is due 2025-04-08 and still open
    const onDue = monthlyRollup({ applications: SMALL, from: '2025-01', to: '2025-12', asOf: '2025-04-08' }).months;
    expect(onDue.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(onDue[3]).toMatchObject({ asOf: '2025-04-08', overdueAtMonthEnd: 0 });
    expect(onDue[2].asOf).toBeUndefined();
    const dayAfter = monthlyRollup({ applications: SMALL, from: '2025-01', to: '2025-12', asOf: '2025-04-09' }).months;
    expect(dayAfter[3].overdueAtMonthEnd).toBe(1);
    // without today the whole of April is taken as ended: B and D (due 2025-04-29, replied in May)
    expect(monthlyRollup({ applications: SMALL, from: '2025-04', to: '2025-04' }).months[0].overdueAtMonthEnd).toBe(2);
    expect(monthlyRollup({ applications: SMALL, from: '2025-05', to: '2025-06', asOf: '2025-04-30' }).months).toEqual([]);
    expect(monthlySheetRows(onDue).rows[5][0]).toBe('2025-04（截至4月8日）');
    expect(() => monthlyRollup({ applications: SMALL, from: '2025-01', to: '2025-12', asOf: '2025/04/08' })).toThrowError(/asOf/);
  });
});

describe('monthly roll-up: a 补正 notice without its supplement stops the reply clock', () => {
  it('is neither overdue while it waits nor late when closed as 逾期不补正 (as deriveStatus: no due date)', () => {
    const waiting: Application = { ...base, row: 2, id: 'W', receivedOn: '2025-03-03', channel: '网络', applicantType: '自然人', extensionDays: 0, correctionNoticeOn: '2025-03-05' };
    const dropped: Application = { ...waiting, id: 'X', outcome: 'other-no-correction', repliedOn: '2025-05-20' };
    const months = monthlyRollup({ applications: [waiting, dropped], from: '2025-03', to: '2025-06' }).months;
    expect(months.map((m) => m.overdueAtMonthEnd)).toEqual([0, 0, 0, 0]);
    expect(months.map((m) => m.openAtMonthEnd)).toEqual([2, 2, 1, 1]);
    expect(months[2]).toMatchObject({ closed: 1, closedLate: 0 });
    // once the supplement arrives the clock restarts from it: 2025-04-01 + 20 working days (清明 4–6
    // April off, Sunday 27 April worked) = due 2025-04-29, so overdue at the end of April and May
    const resumed = monthlyRollup({ applications: [{ ...waiting, supplementReceivedOn: '2025-04-01' }], from: '2025-03', to: '2025-05' }).months;
    expect(resumed.map((m) => m.overdueAtMonthEnd)).toEqual([0, 1, 1]);
  });
});
