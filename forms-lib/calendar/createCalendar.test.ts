import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendar } from './createCalendar.ts';
import { CalendarConfigError, InvalidDateError, ScheduleUnavailableError } from './errors.ts';

const pick = (iso: string, cal = defaultCalendar) => {
  const d = cal.dayInfo(iso);
  return [d.working, d.kind, d.source, d.provisional, d.name ?? ''];
};

describe('defaultCalendar.dayInfo', () => {
  it.each([
    ['2026-10-01', false, 'holiday', 'official', false, '国庆节'],
    ['2026-10-07', false, 'holiday', 'official', false, '国庆节'], // Wednesday inside the block
    ['2026-10-10', true, 'makeup-workday', 'official', false, '国庆节'], // Saturday 调休上班
    ['2026-10-12', true, 'workday', 'official', false, ''],
    ['2026-10-11', false, 'weekend', 'official', false, ''],
    ['2026-12-31', true, 'workday', 'official', false, ''], // last published day
    ['2027-01-01', false, 'holiday', 'provisional', true, '元旦'], // first unpublished day
    ['2027-01-04', true, 'workday', 'provisional', true, ''],
    ['2027-01-02', false, 'weekend', 'provisional', true, ''],
    ['2027-02-10', false, 'holiday', 'provisional', true, '春节（补假）'],
    ['2004-01-01', false, 'holiday', 'official', false, '元旦'], // first published year
  ])('%s → working %s, %s, %s, provisional %s %s', (iso, ...expected) => {
    expect(pick(iso)).toEqual(expected);
  });

  it('gives date and weekday', () => {
    expect(defaultCalendar.dayInfo('2026-09-28')).toMatchObject({ date: '2026-09-28', weekday: 1 });
  });

  it('throws for a year before the published data (2003) and past 2099', () => {
    expect(() => defaultCalendar.dayInfo('2003-12-31')).toThrow(ScheduleUnavailableError);
    expect(() => defaultCalendar.dayInfo('2100-01-04')).toThrow(ScheduleUnavailableError);
  });

  it('throws InvalidDateError for a malformed date', () => {
    expect(() => defaultCalendar.dayInfo('2026/10/01')).toThrow(InvalidDateError);
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const cal = createCalendar();
        expect([pick('2026-10-10', cal), pick('2027-02-09', cal)]).toEqual([
          [true, 'makeup-workday', 'official', false, '国庆节'],
          [false, 'holiday', 'provisional', true, '春节（补假）'],
        ]);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('createCalendar options', () => {
  const office = createCalendar({
    name: '巩留县',
    overrides: {
      holidays: [{ date: '2026-05-27', name: '古尔邦节' }, '2027-04-06'],
      workdays: ['2026-10-11'],
    },
    schedules: {
      // hypothetical typed-in schedule for 2027
      2027: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [{ date: '2027-01-09', name: '元旦' }] },
    },
  });

  it.each([
    ['2026-05-27', false, 'holiday', 'override', false, '古尔邦节'],
    ['2026-10-11', true, 'makeup-workday', 'override', false, ''],
    ['2027-04-06', false, 'holiday', 'override', false, ''], // fixed even in an unpublished year
    ['2027-01-09', true, 'makeup-workday', 'schedule', false, '元旦'],
    ['2027-01-04', true, 'workday', 'schedule', false, ''],
    ['2027-02-09', true, 'workday', 'schedule', false, ''], // the typed year replaces the computation
    ['2026-10-01', false, 'holiday', 'official', false, '国庆节'],
    ['2028-01-03', false, 'holiday', 'provisional', true, '元旦（补假）'], // 1/1 is a Saturday
    ['2028-01-04', true, 'workday', 'provisional', true, ''],
  ])('%s → working %s, %s, %s, provisional %s %s', (iso, ...expected) => {
    expect(pick(iso, office)).toEqual(expected);
  });

  it('yearSource tells which data decides a year', () => {
    expect([2026, 2027, 2028].map((y) => office.yearSource(y))).toEqual(['official', 'schedule', 'provisional']);
    expect(office.name).toBe('巩留县');
  });

  it('days typed in for a published year lay over its official data, never replace it', () => {
    const cal = createCalendar({ schedules: { '2026': { holidays: ['2026-10-12'] } } });
    // 国庆 2026 stays as published (10-07 off, 10-10 a 调休 working Saturday)
    expect(pick('2026-10-07', cal)).toEqual(pick('2026-10-07', defaultCalendar));
    expect(pick('2026-10-10', cal)).toEqual(pick('2026-10-10', defaultCalendar));
    expect(cal.dayInfo('2026-10-07').working).toBe(false);
    expect(cal.dayInfo('2026-10-12')).toMatchObject({ working: false, kind: 'holiday', source: 'schedule' });
    expect(cal.yearSource(2026)).toBe('official');
  });

  it("unpublishedYears: 'error' refuses years without data", () => {
    const strict = createCalendar({ unpublishedYears: 'error' });
    expect(strict.dayInfo('2026-12-31').working).toBe(true);
    expect(() => strict.dayInfo('2027-01-04')).toThrow(/No holiday schedule for 2027/);
  });

  it.each([
    [{ overrides: { holidays: ['2026-05-27'], workdays: ['2026-05-27'] } }, CalendarConfigError, /overrides\.workdays\[0\]: 2026-05-27 is listed both/],
    [{ overrides: { holidays: ['2026-5-27'] } }, InvalidDateError, /^overrides\.holidays\[0\]: "2026-5-27"/],
    [{ schedules: { 2027: { holidays: [{ date: '2027-02-30' }] } } }, InvalidDateError, /schedules\[2027\]\.holidays\[0\]\.date/],
    [{ schedules: { 27: { holidays: [] } } }, CalendarConfigError, /four-digit year/],
    [{ schedules: { 2027: { workdays: [] } } }, CalendarConfigError, /expected \{ holidays/],
    [{ unpublishedYears: 'guess' }, CalendarConfigError, /unpublishedYears/],
  ])('rejects %j', (options, type, message) => {
    expect(() => createCalendar(options as never)).toThrow(type);
    expect(() => createCalendar(options as never)).toThrow(message);
  });
});
