import { formatDay, fromEpochDay } from './calendarDay';

/** Asia/Shanghai is UTC+8 all year: China has observed no daylight saving time since 1991. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Throws RangeError unless `instant` is a Date holding a real time. */
export function assertValidInstant(instant: Date, what = 'instant'): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`The ${what} is not a valid Date`);
  }
}

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant; throws RangeError for an invalid Date or a year outside 0000-9999. */
export function shanghaiDay(instant: Date): string {
  assertValidInstant(instant);
  return formatDay(fromEpochDay(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / MS_PER_DAY)));
}
