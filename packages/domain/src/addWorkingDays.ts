import { formatDay, fromEpochDay, parseDay, toEpochDay } from './calendarDay';
import { isWorkingDayIn } from './isWorkingDay';
import { BUILT_IN_CALENDAR } from './officialCalendar';
import type { WorkingDayCalendar } from './officialCalendar';

/**
 * The n-th working day of `calendar` after `day`, where day 1 is the first working day after `day`
 * (which itself is never consulted); throws RangeError for a malformed day or an n that is not a
 * positive integer, and CalendarYearNotHeldError when the count runs into a year the calendar lacks.
 */
export function addWorkingDaysIn(calendar: WorkingDayCalendar, day: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`The number of working days must be a positive integer, got ${n}`);
  }
  let epochDay = toEpochDay(parseDay(day));
  let remaining = n;
  let candidate = day;
  while (remaining > 0) {
    epochDay += 1;
    candidate = formatDay(fromEpochDay(epochDay));
    if (isWorkingDayIn(calendar, candidate)) remaining -= 1;
  }
  return candidate;
}

/** `addWorkingDaysIn` over the official calendar's held years. */
export function addWorkingDays(day: string, n: number): string {
  return addWorkingDaysIn(BUILT_IN_CALENDAR, day, n);
}
