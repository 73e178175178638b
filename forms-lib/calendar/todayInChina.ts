import type { IsoDate } from './isoDate.ts';

/**
 * Today in China (Asia/Shanghai) as YYYY-MM-DD, whatever the machine's or browser's time zone:
 * the day register dates, deadlines and statistics are kept in. (ECMAScript Intl only, so the
 * CLI, the task pane and the ribbon commands share it.)
 */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
