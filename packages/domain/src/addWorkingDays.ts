import { formatDay, fromEpochDay, parseDay, toEpochDay } from './calendarDay';
import { isWorkingDay } from './isWorkingDay';

/**
 * The n-th working day after `day`, where day 1 is the first working day after `day` (which itself is
 * never consulted); throws RangeError for a malformed day or an n that is not a positive integer, and
 * CalendarYearNotHeldError when the count runs into a year whose calendar is not held.
 */
export function addWorkingDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`The number of working days must be a positive integer, got ${n}`);
  }
  let epochDay = toEpochDay(parseDay(day));
  let remaining = n;
  let candidate = day;
  while (remaining > 0) {
    epochDay += 1;
    candidate = formatDay(fromEpochDay(epochDay));
    if (isWorkingDay(candidate)) remaining -= 1;
  }
  return candidate;
}
