/**
 * Excel date serial -> ISO date, in UTC arithmetic only (never JS local time, which shifts a day
 * east or west of Greenwich and around DST changes).
 *
 * 1900 system: serial 1 = 1900-01-01, and Excel keeps Lotus's phantom 1900-02-29 as serial 60, so
 * serials from 61 on are one day "ahead". 1904 system (old Mac files): serial 0 = 1904-01-01.
 */
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 31); // serial 0 ("1900-01-00")
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The ISO date (yyyy-mm-dd) of a serial; undefined for 1900-02-29, negatives and past 9999-12-31. */
export function serialToIsoDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  // Round to the millisecond first, as Excel does before it displays a date-time.
  const days = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  let ms: number;
  if (date1904) {
    ms = EPOCH_1904 + days * DAY_MS;
  } else {
    if (days === 60) return undefined; // 1900-02-29 does not exist
    if (days === 0) return undefined; // "1900-01-00"
    ms = EPOCH_1900 + (days > 60 ? days - 1 : days) * DAY_MS;
  }
  if (ms > Date.UTC(9999, 11, 31)) return undefined;
  return new Date(ms).toISOString().slice(0, 10);
}
