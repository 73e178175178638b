import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendar, defineRules, replyDeadline } from '../../calendar/index.ts';
import { SettingsError, generateForm, officeCalendar, parseSettings } from '../index.ts';
import { APP, SETTINGS, allText, input, writePdf } from './helpers.ts';

/**
 * 2027 as an office might type it in from the State Council notice (an example, not the real
 * notice): the weekday statutory days of the 放假办法 and the 国庆 block.
 */
const SCHEDULE_2027 = {
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  workdays: ['2027-09-26', '2027-10-09'],
};

describe('settings.calendar → officeCalendar', () => {
  it('without a calendar key: the national calendar', () => {
    expect(officeCalendar(parseSettings(SETTINGS))).toBe(defaultCalendar);
  });

  it('builds one Calendar per settings object, with local days winning over the official schedule', () => {
    const s = parseSettings({ ...SETTINGS, calendar: { name: '巩留县人民政府办公室', localHolidays: [{ date: '2026-03-20', name: '肉孜节' }, '2026-05-27'], localWorkdays: ['2026-10-08'] } });
    const cal = officeCalendar(s);
    expect(officeCalendar(s)).toBe(cal);
    expect(cal.name).toBe('巩留县人民政府办公室');
    expect(cal.dayInfo('2026-03-20')).toMatchObject({ working: false, kind: 'holiday', source: 'override', name: '肉孜节' });
    expect(cal.dayInfo('2026-05-27')).toMatchObject({ working: false, source: 'override' });
    expect(cal.dayInfo('2026-10-08')).toMatchObject({ working: true, source: 'override' });
    expect(cal.dayInfo('2026-03-19').working).toBe(true);
  });

  it('refuses a typed-in year that leaves out a statutory holiday, naming the days and the path', () => {
    expect(() => parseSettings({ ...SETTINGS, calendar: { schedules: { 2027: { holidays: ['2027-10-01', '2027-10-02', '2027-10-03'] } } } })).toThrowError(
      /\$\.calendar\.schedules\["2027"\]\.holidays: 2027 年的放假安排缺少法定节假日 2027-01-01（元旦）、2027-02-05（春节）/,
    );
    expect(() => parseSettings({ ...SETTINGS, calendar: { schedules: { 2027: { holidays: [] } } } })).toThrowError(/2027-09-15（中秋节）/);
  });

  it('a typed-in 2027 schedule makes 2027 official (not provisional)', () => {
    const cal = officeCalendar(parseSettings({ ...SETTINGS, calendar: { schedules: { 2027: SCHEDULE_2027 } } }));
    expect(cal.yearSource(2027)).toBe('schedule');
    expect(cal.dayInfo('2027-10-09')).toMatchObject({ working: true, kind: 'makeup-workday', provisional: false });
    expect(cal.dayInfo('2027-10-08')).toMatchObject({ working: true, kind: 'workday', provisional: false });
    expect(defaultCalendar.yearSource(2027)).toBe('provisional');
  });

  it('unpublishedYears: "error" refuses a year without data', () => {
    const cal = officeCalendar(parseSettings({ ...SETTINGS, calendar: { unpublishedYears: 'error' } }));
    expect(() => cal.yearSource(2028)).toThrow('2028');
  });

  const issuesOf = (calendar: unknown) => {
    try {
      parseSettings({ ...SETTINGS, calendar });
    } catch (e) {
      if (e instanceof SettingsError) return Object.fromEntries(e.issues.map((i) => [i.path, i]));
      throw e;
    }
    throw new Error('no error');
  };

  it('names the JSON path of each bad entry in Chinese and English', () => {
    const byPath = issuesOf({
      localHolidays: ['2026-02-30', { date: '2026-05-27', name: '古尔邦节' }],
      localWorkdays: ['2026-05-27'],
      schedules: { 2027: { holidays: ['2027-10-01', '2028-01-01'], workdays: ['2027-10-01'] }, next: { holidays: [] } },
      colour: 'red',
    });
    expect(byPath['$.calendar.localHolidays[0]']).toMatchObject({ zh: '日期「2026-02-30」无效，应写作 YYYY-MM-DD（如 2027-10-01）', en: 'invalid date "2026-02-30": write YYYY-MM-DD (e.g. 2027-10-01)' });
    expect(byPath['$.calendar']).toMatchObject({ zh: '未知的设置项 colour' });
  });

  it('reports dates outside their year, days listed both ways and keys that are not years', () => {
    const byPath = issuesOf({
      localHolidays: [{ date: '2026-05-27', name: '古尔邦节' }],
      localWorkdays: ['2026-05-27'],
      schedules: { 2027: { holidays: ['2027-10-01', '2028-01-01'], workdays: ['2027-10-01'] }, next: { holidays: [] } },
    });
    expect(byPath['$.calendar.localWorkdays[0]']).toMatchObject({ zh: '2026-05-27 同时列为放假日（localHolidays）和上班日', en: '2026-05-27 is listed both as a day off (localHolidays) and as a working day' });
    expect(byPath['$.calendar.schedules["2027"].holidays[1]']).toMatchObject({ zh: '2028-01-01 不在 2027 年内', en: '2028-01-01 is not in 2027' });
    expect(byPath['$.calendar.schedules["2027"].workdays[0]'].zh).toBe('2027-10-01 同时列为放假日（holidays）和上班日');
    expect(byPath['$.calendar.schedules.next']).toMatchObject({ zh: '键「next」应为四位年份（2000–2099），如 "2027"' });
  });

  it('wants holidays in a schedule and a known unpublishedYears', () => {
    const byPath = issuesOf({ schedules: { 2027: { workdays: [] } }, unpublishedYears: 'guess' });
    expect(byPath['$.calendar.schedules["2027"].holidays'].zh).toBe('必填项缺失');
    expect(byPath['$.calendar.unpublishedYears'].zh).toBe('取值应为 "provisional" / "error" 之一');
  });
});

describe('forms use the office calendar from the settings', () => {
  it('a local holiday moves the reply due date printed on the 受理回执', async () => {
    // received 2026-09-28, 15 working days: 2026-10-23 (Friday); a local holiday on Tuesday 10-13 moves it to Monday 10-26
    const plain = await generateForm('receipt', input({ docNumber: '楚商公开受〔2026〕20号' }));
    expect(allText(writePdf(plain.pdf, 'cal-plain'))).toContain('答复期限：2026年10月23日');
    const settings = { ...SETTINGS, calendar: { localHolidays: [{ date: '2026-10-13', name: '古尔邦节' }] } };
    const local = await generateForm('receipt', input({ settings, docNumber: '楚商公开受〔2026〕21号' }));
    const text = allText(writePdf(local.pdf, 'cal-local'));
    expect(text).toContain('答复期限：2026年10月26日');
    expect(text).not.toContain('2026年10月23日');
    expect(local.provisional).toBe(false);
  });

  it('the same local holiday moves the 承办期限 of the 转办通知单 (days after today)', async () => {
    // today 2026-10-09 (Friday) + 5 working days, Saturday 10-10 worked (调休): 2026-10-15; a local holiday on 10-12 → 10-16
    const plain = await generateForm('transfer-notice', input({ docNumber: '楚商公开转〔2026〕30号' }));
    expect(allText(writePdf(plain.pdf, 'cal-transfer-plain'))).toContain('办理期限：2026年10月15日前');
    const settings = { ...SETTINGS, calendar: { localHolidays: ['2026-10-12'] } };
    const r = await generateForm('transfer-notice', input({ settings, docNumber: '楚商公开转〔2026〕31号' }));
    expect(allText(writePdf(r.pdf, 'cal-transfer'))).toContain('办理期限：2026年10月16日前');
  });

  it('a typed-in 2027 schedule turns a provisional reply date official: no 「暂定」 on the PDF', async () => {
    const app = { ...APP, receivedOn: '2027-09-28' };
    const provisional = await generateForm('receipt', input({ application: app, today: '2027-09-28', docNumber: '楚商公开受〔2027〕1号' }));
    expect(provisional.provisional).toBe(true);
    expect(allText(writePdf(provisional.pdf, 'cal-2027-provisional'))).toContain('答复期限：2027年10月22日（暂定）');

    const settings = { ...SETTINGS, calendar: { schedules: { 2027: SCHEDULE_2027 } } };
    const official = await generateForm('receipt', input({ settings, application: app, today: '2027-09-28', docNumber: '楚商公开受〔2027〕2号' }));
    expect(official.provisional).toBe(false);
    const text = allText(writePdf(official.pdf, 'cal-2027-official'));
    // 15 working days from 2027-09-28 over 国庆 10-01…10-07 with 10-09 worked: 2027-10-25
    expect(text).toContain('答复期限：2027年10月25日');
    expect(text).not.toContain('暂定');
    expect(replyDeadline({ receivedOn: '2027-09-28' }, { rules: defineRules({ replyDays: 15, maxExtensionDays: 15 }), calendar: createCalendar({ schedules: { 2027: SCHEDULE_2027 } }) }).due).toBe('2027-10-25');
  });

  it('an explicit calendar input still wins over the settings', async () => {
    const settings = { ...SETTINGS, calendar: { localHolidays: ['2026-10-13'] } };
    const r = await generateForm('receipt', input({ settings, calendar: defaultCalendar, docNumber: '楚商公开受〔2026〕22号' }));
    expect(allText(writePdf(r.pdf, 'cal-explicit'))).toContain('答复期限：2026年10月23日');
  });
});
