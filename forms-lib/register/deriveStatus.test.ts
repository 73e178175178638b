import { describe, expect, it } from 'vitest';
import { createCalendar, defineRules } from '../calendar/index.ts';
import { deriveStatus } from './deriveStatus.ts';
import type { Application } from './types.ts';

const app = (over: Partial<Application> = {}): Application => ({
  row: 3, id: 'T-001', receivedOn: '2026-09-28', channel: '当面', applicantType: '自然人', applicant: '李华',
  request: '文件', extensionDays: 0, extra: {}, ...over,
});

describe('deriveStatus: due dates (2026 国庆: 10-01…10-07 off, 09-20 and 10-10 worked)', () => {
  it('received 2026-09-28 → reply due 2026-10-30, 补正 notice due 2026-10-13', () => {
    expect(deriveStatus(app(), { today: '2026-10-09' })).toEqual({
      id: 'T-001', state: 'open', replyDue: '2026-10-30', replyDueWithoutExtension: '2026-10-30', provisional: false,
      correctionNoticeDue: '2026-10-13', daysLeft: 16,
    });
  });

  it('补正 restarts the 20 days from the supplement', () => {
    const s = deriveStatus(app({ correctionNoticeOn: '2026-10-09', supplementReceivedOn: '2026-10-20' }), { today: '2026-10-21' });
    expect(s).toMatchObject({ state: 'open', replyDue: '2026-11-17', correctionNoticeLate: false, daysLeft: 19 });
  });

  it('a 补正 notice after 7 working days is late', () => {
    const s = deriveStatus(app({ correctionNoticeOn: '2026-10-14' }), { today: '2026-10-14' });
    expect(s).toEqual({
      id: 'T-001', state: 'awaiting-correction', replyDue: null, replyDueWithoutExtension: null, provisional: false,
      correctionNoticeDue: '2026-10-13', correctionNoticeLate: true, daysLeft: null,
    });
  });

  it('an extension counts after the original due date', () => {
    const s = deriveStatus(app({ extensionDays: 20 }), { today: '2026-11-02' });
    expect(s).toMatchObject({ state: 'extended', replyDueWithoutExtension: '2026-10-30', replyDue: '2026-11-27', daysLeft: 19 });
  });

  it('the seed office rules (15 + 15)', () => {
    const rules = defineRules({ replyDays: 15, maxExtensionDays: 15 });
    expect(deriveStatus(app(), { today: '2026-10-09', rules })).toMatchObject({ replyDue: '2026-10-23' });
    expect(deriveStatus(app({ extensionDays: 15 }), { today: '2026-10-09', rules })).toMatchObject({ replyDueWithoutExtension: '2026-10-23', replyDue: '2026-11-13' });
  });

  it('a consultation across 国庆 pauses the clock for its 7 working days', () => {
    // Received Mon 09-21; unpaused due 10-26. Paused 09-28…10-12: 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12.
    const s = deriveStatus(app({ receivedOn: '2026-09-21', consultFrom: '2026-09-28', consultTo: '2026-10-12' }), { today: '2026-10-13' });
    expect(s).toMatchObject({ state: 'open', replyDue: '2026-11-04', daysLeft: 16 });
    expect(s.consultation).toEqual({
      from: '2026-09-28', to: '2026-10-12', limit: '2026-10-23', endedBy: 'reply', provisional: false, reason: 'consultation', ongoing: false,
    });
  });

  it('an open consultation pauses up to the 15-day limit and reads as consulting', () => {
    const s = deriveStatus(app({ receivedOn: '2026-09-21', consultFrom: '2026-09-28' }), { today: '2026-10-20' });
    expect(s.state).toBe('consulting');
    expect(s.consultation).toMatchObject({ to: '2026-10-23', ongoing: true, endedBy: 'limit' });
    // Paused 09-28…10-23 = 16 working days (09-28 itself and the 15 after it): the unpaused due 10-26 moves 16 later.
    expect(s.replyDue).toBe('2026-11-17');
    // Days left exclude the rest of the pause (10-21…10-23): 10-26…11-17 = 17.
    expect(s.daysLeft).toBe(17);
  });

  it('past the consultation limit with no opinion the clock runs again', () => {
    const s = deriveStatus(app({ receivedOn: '2026-09-21', consultFrom: '2026-09-28' }), { today: '2026-10-26' });
    expect(s).toMatchObject({ state: 'open', replyDue: '2026-11-17' });
    expect(s.consultation?.ongoing).toBe(false);
  });
});

describe('deriveStatus: states and precedence', () => {
  it.each<[string, Partial<Application>, string, string, number | null]>([
    ['open', {}, '2026-10-09', 'open', 16],
    ['due-soon: 3 working days left', {}, '2026-10-27', 'due-soon', 3],
    ['due-soon: due today', {}, '2026-10-30', 'due-soon', 0],
    ['overdue by one working day (weekend skipped)', {}, '2026-11-02', 'overdue', -1],
    ['overdue on a Saturday after the due Friday', {}, '2026-10-31', 'overdue', 0],
    ['extended', { extensionDays: 10 }, '2026-10-29', 'extended', 11],
    ['due-soon beats extended', { extensionDays: 10 }, '2026-11-11', 'due-soon', 2],
    ['overdue beats extended', { extensionDays: 10 }, '2026-11-17', 'overdue', -2],
    ['awaiting-correction beats overdue', { correctionNoticeOn: '2026-10-09' }, '2026-12-01', 'awaiting-correction', null],
    // Counted 10-27 as day 17; paused 10-28…11-18 (limit); then 11-19, 11-20, 11-23.
    ['consulting beats due-soon', { consultFrom: '2026-10-28' }, '2026-10-29', 'consulting', 3],
  ])('%s', (_n, over, today, state, daysLeft) => {
    const s = deriveStatus(app(over), { today });
    expect(s.state).toBe(state);
    expect(s.daysLeft).toBe(daysLeft);
  });

  it('dueSoonDays is configurable', () => {
    expect(deriveStatus(app(), { today: '2026-10-23', dueSoonDays: 5 }).state).toBe('due-soon');
    expect(deriveStatus(app(), { today: '2026-10-23' }).state).toBe('open');
  });

  it('closed in time: days taken and the margin', () => {
    const s = deriveStatus(app({ outcome: 'disclose', repliedOn: '2026-10-16' }), { today: '2026-12-01' });
    expect(s).toEqual({
      id: 'T-001', state: 'closed', replyDue: '2026-10-30', replyDueWithoutExtension: '2026-10-30', provisional: false,
      correctionNoticeDue: '2026-10-13', daysLeft: 10, closedOn: '2026-10-16', workingDaysTaken: 10, late: false,
    });
  });

  it('closed late', () => {
    const s = deriveStatus(app({ outcome: 'partial', repliedOn: '2026-11-03' }), { today: '2026-12-01' });
    expect(s).toMatchObject({ state: 'closed', late: true, daysLeft: -2, workingDaysTaken: 22 });
  });

  it('closed after a supplement counts from the supplement, and not the paused days', () => {
    const s = deriveStatus(
      app({ correctionNoticeOn: '2026-10-09', supplementReceivedOn: '2026-10-20', consultFrom: '2026-10-26', consultTo: '2026-10-30', outcome: 'refuse-third-party', repliedOn: '2026-11-20' }),
      { today: '2026-12-01' },
    );
    // Clock from 10-20; 10-26…10-30 paused (5 days): due 11-17 + 5 = 11-24; 10-21…11-20 = 23 working days − 5 paused = 18.
    expect(s).toMatchObject({ state: 'closed', replyDue: '2026-11-24', workingDaysTaken: 18, late: false, daysLeft: 2 });
  });

  it('closed for no supplement: no reply clock, no lateness', () => {
    const s = deriveStatus(app({ correctionNoticeOn: '2026-10-09', outcome: 'other-no-correction', repliedOn: '2026-11-20' }), { today: '2026-12-01' });
    expect(s).toEqual({
      id: 'T-001', state: 'closed', replyDue: null, replyDueWithoutExtension: null, provisional: false,
      correctionNoticeDue: '2026-10-13', correctionNoticeLate: false, daysLeft: null, closedOn: '2026-11-20',
    });
  });

  it('a fee left unpaid closes without lateness', () => {
    const s = deriveStatus(app({ outcome: 'other-unpaid', repliedOn: '2026-12-01' }), { today: '2026-12-01' });
    expect(s.state).toBe('closed');
    expect(s.late).toBeUndefined();
  });
});

describe('deriveStatus: calendars', () => {
  it('a local holiday of the office moves the due date', () => {
    const calendar = createCalendar({ overrides: { holidays: [{ date: '2026-10-20', name: '地方节日' }], workdays: [] } });
    expect(deriveStatus(app(), { today: '2026-10-09', calendar }).replyDue).toBe('2026-11-02');
  });

  it('a due date in a year without a published schedule is provisional', () => {
    const s = deriveStatus(app({ receivedOn: '2026-12-15' }), { today: '2026-12-15' });
    // 12-16…12-31 = 12 working days; 2027-01-01 (元旦, provisional) off; 01-04…01-13 = 8 more.
    expect(s).toMatchObject({ replyDue: '2027-01-13', provisional: true });
  });
});
