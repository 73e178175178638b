import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './addWorkingDays.ts';
import { createCalendar } from './createCalendar.ts';
import { consultationPause, correctionNoticeDue, defineRules, replyDeadline, STATUTORY_RULES } from './deadlines.ts';
import { CalendarConfigError, DeadlineInputError } from './errors.ts';

const due = (...args: Parameters<typeof replyDeadline>) => {
  const r = replyDeadline(...args);
  return [r.due, r.provisional];
};

describe('replyDeadline: receipt + 20 working days (第三十三条)', () => {
  it.each([
    ['2026-09-28', '2026-10-30', false], // required example (2026 国庆, 9/20 and 10/10 上班)
    ['2025-01-24', '2025-02-27', false], // 2025 春节
    ['2025-04-25', '2025-05-27', false], // 2025 劳动节
    ['2025-09-26', '2025-10-30', false], // 2025 国庆+中秋
    ['2026-02-13', '2026-03-19', false], // 2026 春节
    ['2026-04-30', '2026-06-01', false], // 2026 劳动节
    ['2026-03-07', '2026-04-03', false], // received on a Saturday: day 1 is Monday
    ['2026-09-20', '2026-10-23', false], // received on a 调休 working Sunday: day 1 is Monday
    ['2026-12-03', '2026-12-31', false],
    ['2026-12-15', '2027-01-13', true], // crosses into 2027, which has no published schedule
  ])('received %s → due %s (provisional %s)', (receivedOn, expected, provisional) => {
    expect(due({ receivedOn })).toEqual([expected, provisional]);
  });

  it('reports how it counted', () => {
    expect(replyDeadline({ receivedOn: '2026-09-28' })).toEqual({
      due: '2026-10-30',
      dueWithoutExtension: '2026-10-30',
      clockStart: '2026-09-28',
      restarted: false,
      workingDays: 20,
      pausedDays: 0,
      provisional: false,
    });
  });

  it('an office holiday override shifts the due date', () => {
    const cal = createCalendar({ overrides: { holidays: [{ date: '2026-10-28', name: '地方节日' }] } });
    expect(due({ receivedOn: '2026-09-28' }, { calendar: cal })).toEqual(['2026-11-02', false]);
  });
});

describe('extension (第三十三条: ≤ 20 working days after the original due date)', () => {
  it('statutory 20 + 20', () => {
    const r = replyDeadline({ receivedOn: '2026-09-28', extensionDays: 20 });
    expect([r.dueWithoutExtension, r.due, r.workingDays]).toEqual(['2026-10-30', '2026-11-27', 40]);
  });

  it('seed office 15 + 15', () => {
    const rules = defineRules({ replyDays: 15, maxExtensionDays: 15 });
    const r = replyDeadline({ receivedOn: '2026-09-28', extensionDays: 15 }, { rules });
    expect([r.dueWithoutExtension, r.due]).toEqual(['2026-10-23', '2026-11-13']);
    expect(() => replyDeadline({ receivedOn: '2026-09-28', extensionDays: 16 }, { rules })).toThrow(/0 to 15 working days/);
  });

  it.each([[21], [-1], [2.5]])('refuses an extension of %s days', (extensionDays) => {
    expect(() => replyDeadline({ receivedOn: '2026-09-28', extensionDays })).toThrow(extensionDays === 2.5 ? RangeError : DeadlineInputError);
  });
});

describe('补正 (第三十条)', () => {
  it('the notice is due 7 working days after receipt', () => {
    expect(correctionNoticeDue('2026-03-02')).toEqual({ due: '2026-03-11', provisional: false });
    expect(correctionNoticeDue('2026-09-28')).toEqual({ due: '2026-10-13', provisional: false }); // 10/10 上班 counts
    expect(correctionNoticeDue('2026-12-24')).toEqual({ due: '2027-01-05', provisional: true });
  });

  it('the clock restarts in full from the receipt of the supplement', () => {
    expect(replyDeadline({ receivedOn: '2026-03-02' }).due).toBe('2026-03-30');
    const r = replyDeadline({ receivedOn: '2026-03-02', supplementReceivedOn: '2026-03-20' });
    expect([r.clockStart, r.restarted, r.due]).toEqual(['2026-03-20', true, '2026-04-20']); // 4/6 清明 skipped
  });

  it('a supplement before the application is refused', () => {
    expect(() => replyDeadline({ receivedOn: '2026-03-02', supplementReceivedOn: '2026-03-01' })).toThrow(DeadlineInputError);
  });
});

describe('consultation pause (第三十二–三十四条)', () => {
  it('a pause of k working days before the due date moves it k working days later', () => {
    // unpaused due 2026-03-30; paused 3/10–3/17 = 6 working days (10, 11, 12, 13, 16, 17)
    const r = replyDeadline({ receivedOn: '2026-03-02', pauses: [{ from: '2026-03-10', to: '2026-03-17' }] });
    expect([r.due, r.pausedDays]).toEqual(['2026-04-08', 6]);
    expect(r.due).toBe(addWorkingDays('2026-03-30', 6).date);
  });

  it('consultationPause ends with the reply, or at the 15-working-day limit', () => {
    expect(consultationPause({ sentOn: '2026-03-10', repliedOn: '2026-03-17' })).toEqual({
      from: '2026-03-10',
      to: '2026-03-17',
      limit: '2026-03-31',
      endedBy: 'reply',
      provisional: false,
      reason: 'consultation',
    });
    expect(consultationPause({ sentOn: '2026-03-10' })).toMatchObject({ to: '2026-03-31', endedBy: 'limit' });
    expect(consultationPause({ sentOn: '2026-03-10', repliedOn: '2026-04-10' })).toMatchObject({ to: '2026-03-31', endedBy: 'limit' });
    expect(consultationPause({ sentOn: '2026-03-10', deliveredOn: '2026-03-12' })).toMatchObject({ to: '2026-04-02' });
  });

  it('a pause straddling the due date still moves it by its k working days', () => {
    const pause = consultationPause({ sentOn: '2026-03-10' }); // 3/10–3/31: 16 working days
    const r = replyDeadline({ receivedOn: '2026-03-02', pauses: [pause] });
    expect([r.due, r.pausedDays]).toEqual(['2026-04-22', 16]);
    expect(r.due).toBe(addWorkingDays('2026-03-30', 16).date);
  });

  it('a pause starting after the due date, or before a 补正 restart, changes nothing', () => {
    expect(replyDeadline({ receivedOn: '2026-03-02', pauses: [{ from: '2026-03-31', to: '2026-04-10' }] }).due).toBe('2026-03-30');
    const r = replyDeadline({
      receivedOn: '2026-03-02',
      supplementReceivedOn: '2026-03-20',
      pauses: [{ from: '2026-03-10', to: '2026-03-17' }],
    });
    expect([r.due, r.pausedDays]).toEqual(['2026-04-20', 0]);
  });

  it('overlapping pauses skip each day once, and the extension counts after them', () => {
    const r = replyDeadline({
      receivedOn: '2026-03-02',
      extensionDays: 5,
      pauses: [
        { from: '2026-03-10', to: '2026-03-13' },
        { from: '2026-03-12', to: '2026-03-17' },
      ],
    });
    expect([r.dueWithoutExtension, r.due, r.pausedDays]).toEqual(['2026-04-08', '2026-04-15', 6]);
  });

  it('a pause with a provisional end makes the deadline provisional if it skipped a day', () => {
    const pause = consultationPause({ sentOn: '2026-12-14' });
    expect(pause).toMatchObject({ to: '2027-01-05', limit: '2027-01-05', provisional: true });
    // unpaused due 2026-12-18; every walked day below is published, the flag comes from the pause
    const flagged = { from: '2026-12-07', to: '2026-12-08', provisional: true };
    expect(due({ receivedOn: '2026-11-20', pauses: [flagged] })).toEqual(['2026-12-22', true]);
    expect(due({ receivedOn: '2026-11-20', pauses: [{ ...flagged, provisional: false }] })).toEqual(['2026-12-22', false]);
    expect(due({ receivedOn: '2026-11-20', pauses: [{ ...flagged, from: '2026-12-21', to: '2026-12-21' }] })).toEqual(['2026-12-18', false]);
  });

  it.each([
    [{ sentOn: '2026-03-10', repliedOn: '2026-03-09' }, /repliedOn/],
    [{ sentOn: '2026-03-10', deliveredOn: '2026-03-09' }, /deliveredOn/],
  ])('refuses %j', (input, message) => {
    expect(() => consultationPause(input)).toThrow(message);
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() => replyDeadline({ receivedOn: '2026-03-02', pauses: [{ from: '2026-03-10', to: '2026-03-09' }] })).toThrow(/pauses\[0\]/);
  });
});

describe('defineRules', () => {
  it('defaults to the statute', () => {
    expect(defineRules()).toEqual(STATUTORY_RULES);
    expect(STATUTORY_RULES).toEqual({ replyDays: 20, correctionNoticeDays: 7, maxExtensionDays: 20, consultationDays: 15 });
  });

  it.each([
    [{ replyDays: 25 }, /rules\.replyDays: .*statutory 20/],
    [{ replyDays: 0 }, /rules\.replyDays/],
    [{ maxExtensionDays: 21 }, /rules\.maxExtensionDays/],
    [{ correctionNoticeDays: 7.5 }, /rules\.correctionNoticeDays/],
  ])('refuses %j', (local, message) => {
    expect(() => defineRules(local)).toThrow(CalendarConfigError);
    expect(() => defineRules(local)).toThrow(message);
  });

  it('a 15-day office reply limit', () => {
    expect(replyDeadline({ receivedOn: '2026-09-28' }, { rules: defineRules({ replyDays: 15 }) }).due).toBe('2026-10-23');
  });
});
