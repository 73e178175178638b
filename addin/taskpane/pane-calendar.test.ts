import { describe, expect, it } from 'vitest';
import { addWorkingDays, defaultCalendar, replyDeadline } from '../../forms-lib/calendar/index.ts';
import { EMPTY_CALENDAR, FIELD_LOCAL_HOLIDAYS, type PaneCalendar, isEmptyCalendar, normalizeCalendar, parseDayLines } from './pane-calendar.ts';
import { paneCalendar, paneCalendarSettings } from './pane-calendar-build.ts';

const cal = (c: Partial<PaneCalendar>): PaneCalendar => ({ ...EMPTY_CALENDAR, ...c });
const errorOf = (f: () => unknown): { zh: string; en: string } => {
  try {
    f();
  } catch (e) {
    const x = e as { zh: string; en: string };
    return { zh: x.zh, en: x.en };
  }
  throw new Error('no error');
};

/** Every day off of a 2027 notice (the statutory days and the usual bridges), one block per line. */
const HOLIDAYS_2027 = ['2027-01-01 元旦', '2027-02-05~2027-02-11 春节', '2027-04-05 清明节', '2027-05-01 至 2027-05-05 劳动节', '2027-06-09 端午节', '2027-09-15 中秋节', '2027年10月1日至7日 国庆节'].join('\n');

describe('pane calendar text', () => {
  it('reads days, ranges in several spellings, names, comments and lists on one line', () => {
    const days = parseDayLines('2026-03-20 肉孜节\n\n# 古尔邦节两天\n2026/5/27–5/28 古尔邦节\n2026年9月30日、2026.10.9', FIELD_LOCAL_HOLIDAYS);
    expect(days).toEqual([
      { date: '2026-03-20', name: '肉孜节', line: 1 },
      { date: '2026-05-27', name: '古尔邦节', line: 4 },
      { date: '2026-05-28', name: '古尔邦节', line: 4 },
      { date: '2026-09-30', line: 5 },
      { date: '2026-10-09', line: 5 },
    ]);
    expect(parseDayLines('2027-02-05~2027-02-07\n2027-02-06 春节', FIELD_LOCAL_HOLIDAYS).map((d) => d.date)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07']);
    expect(parseDayLines('2027年10月1日至7日 国庆节', FIELD_LOCAL_HOLIDAYS)).toHaveLength(7);
  });

  it('names the field and the line of what it cannot read, in Chinese and English', () => {
    expect(errorOf(() => parseDayLines('2026-03-20\n三月二十日', FIELD_LOCAL_HOLIDAYS))).toEqual({
      zh: '「本地节假日」第 2 行：「三月二十日」不是日期，应写作 2027-10-01，或 2027-10-01~2027-10-07 国庆节',
      en: 'Local holidays, line 2: "三月二十日" is not a date; write 2027-10-01, or 2027-10-01~2027-10-07 National Day',
    });
    expect(errorOf(() => parseDayLines('2026-02-30 春节', FIELD_LOCAL_HOLIDAYS)).zh).toBe('「本地节假日」第 1 行：日期「2026-02-30」不存在');
    expect(errorOf(() => parseDayLines('2026-10-07~2026-10-01', FIELD_LOCAL_HOLIDAYS)).zh).toBe('「本地节假日」第 1 行：日期范围 2026-10-07~2026-10-01 的结束日早于开始日');
    expect(errorOf(() => parseDayLines('2026-01-01~2026-03-01', FIELD_LOCAL_HOLIDAYS)).zh).toBe('「本地节假日」第 1 行：日期范围 2026-01-01~2026-03-01 超过 31 天，请核对年份和月份');
    expect(errorOf(() => parseDayLines('2026-12-31~2027-01-02', { zh: '2027 年放假日期', en: '2027 days off' }, '2027'))).toEqual({
      zh: '「2027 年放假日期」第 1 行：2026-12-31 不在 2027 年内',
      en: '2027 days off, line 1: 2026-12-31 is not in 2027',
    });
  });

  it('is empty until something is typed, and stored text is read back whatever its shape', () => {
    expect(isEmptyCalendar(EMPTY_CALENDAR)).toBe(true);
    expect(isEmptyCalendar(cal({ schedules: [{ year: ' ', holidays: '', workdays: '' }] }))).toBe(true);
    expect(isEmptyCalendar(cal({ localWorkdays: '2026-10-10' }))).toBe(false);
    expect(paneCalendarSettings(EMPTY_CALENDAR)).toBeUndefined();
    expect(paneCalendar(EMPTY_CALENDAR)).toBe(defaultCalendar);
    expect(normalizeCalendar(undefined)).toEqual(EMPTY_CALENDAR);
    expect(normalizeCalendar({ localHolidays: '2026-03-20', localWorkdays: 7, schedules: [{ year: 2027, holidays: '2027-01-01' }, null, 'x'] })).toEqual({
      localHolidays: '2026-03-20',
      localWorkdays: '',
      schedules: [{ year: '2027', holidays: '2027-01-01', workdays: '' }],
    });
  });
});

describe('pane calendar → office calendar', () => {
  it('a local holiday moves the reply deadline by one working day', () => {
    // received Mon 2026-11-02: 20 working days end on Mon 11-30; the local day off on 11-16 moves it to 12-01
    expect(replyDeadline({ receivedOn: '2026-11-02' }).due).toBe('2026-11-30');
    const c = paneCalendar(cal({ localHolidays: '2026-11-16 地方节日' }), '巩留县人民政府办公室');
    expect(c.name).toBe('巩留县人民政府办公室');
    expect(c.dayInfo('2026-11-16')).toMatchObject({ working: false, name: '地方节日' });
    expect(replyDeadline({ receivedOn: '2026-11-02' }, { calendar: c }).due).toBe('2026-12-01');
    // a local working Saturday counts
    const w = paneCalendar(cal({ localWorkdays: '2026-11-07' }));
    expect(replyDeadline({ receivedOn: '2026-11-02' }, { calendar: w }).due).toBe('2026-11-27');
  });

  it('a typed-in year replaces the provisional computation (no more 暂定)', () => {
    // provisional 2027: 春节 bridges end on 02-10, so 02-11 is worked and the walk is 暂定
    expect(addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-11', provisional: true });
    const c = paneCalendar(cal({ schedules: [{ year: '2027', holidays: HOLIDAYS_2027, workdays: '2027-02-20 调休上班' }] }));
    expect(addWorkingDays('2027-02-04', 1, c)).toEqual({ date: '2027-02-12', provisional: false });
    expect(c.dayInfo('2027-02-20')).toMatchObject({ working: true, provisional: false });
    expect(c.dayInfo('2027-10-07')).toMatchObject({ working: false, name: '国庆节' });
  });

  it('refuses a calendar it cannot use, naming the field and line', () => {
    expect(errorOf(() => paneCalendarSettings(cal({ localHolidays: '2026-11-16', localWorkdays: '2026-11-01\n2026-11-16' })))).toEqual({
      zh: '2026-11-16 同时列在「本地节假日」第 1 行和「本地上班日」第 2 行：一天不能既放假又上班',
      en: '2026-11-16 is listed both in Local holidays (line 1) and in Local working days (line 2): a day cannot be both off and worked',
    });
    expect(errorOf(() => paneCalendarSettings(cal({ schedules: [{ year: '27', holidays: '2027-01-01', workdays: '' }] }))).zh).toBe(
      '第 1 个年度放假安排的「年份」应为四位年份（2000–2099），如 2027，现为「27」',
    );
    expect(errorOf(() => paneCalendarSettings(cal({ schedules: [{ year: '2027', holidays: '', workdays: '2027-02-20' }] }))).zh).toBe(
      '「2027 年放假日期」为空：请按国务院办公厅通知列出全部放假日期',
    );
    expect(
      errorOf(() =>
        paneCalendarSettings(
          cal({
            schedules: [
              { year: '2027', holidays: HOLIDAYS_2027, workdays: '' },
              { year: '2027', holidays: '2027-01-01', workdays: '' },
            ],
          }),
        ),
      ).zh,
    ).toBe('2027 年的放假安排填写了两次，请合并为一个');
    // a notice typed in half (only 国庆) would make the rest of the year weekends only
    expect(errorOf(() => paneCalendarSettings(cal({ schedules: [{ year: '2027', holidays: '2027-10-01~2027-10-07 国庆节', workdays: '' }] })))).toEqual({
      zh: '「2027 年放假日期」：2027 年的放假安排缺少法定节假日 2027-01-01（元旦）、2027-02-05（春节）、2027-02-08（春节）、2027-04-05（清明节）、2027-06-09（端午节）、2027-09-15（中秋节）：请按国务院办公厅通知列出全部放假日期',
      en: '2027 days off: the 2027 schedule lacks the statutory holiday(s) 2027-01-01, 2027-02-05, 2027-02-08, 2027-04-05, 2027-06-09, 2027-09-15: list every day off of the State Council notice',
    });
  });
});
