import { formatDay, fromEpochDay, parseDay, toEpochDay } from './calendarDay';

/**
 * The day `n` calendar days after `day` (before it for negative n); throws RangeError for a malformed
 * day, a non-integer n, or a result outside 0000-9999.
 */
export function addCalendarDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`The number of days must be an integer, got ${n}`);
  return formatDay(fromEpochDay(toEpochDay(parseDay(day)) + n));
}
