import { parseDay, toEpochDay, weekdayOfEpochDay } from './calendarDay';
import { CalendarYearNotHeldError } from './CalendarYearNotHeldError';
import { BUILT_IN_CALENDAR } from './officialCalendar';
import type { WorkingDayCalendar } from './officialCalendar';

/**
 * Whether `day` (YYYY-MM-DD) is a working day in `calendar`, 调休 included; throws RangeError for a
 * malformed day and CalendarYearNotHeldError for a year the calendar does not hold.
 */
export function isWorkingDayIn(calendar: WorkingDayCalendar, day: string): boolean {
  const civil = parseDay(day);
  const held = calendar.heldYear(civil.year);
  if (!held) throw new CalendarYearNotHeldError(civil.year, calendar.heldYears);
  if (held.workingWeekendDays.has(day)) return true;
  if (held.daysOff.has(day)) return false;
  const weekday = weekdayOfEpochDay(toEpochDay(civil));
  return weekday !== 0 && weekday !== 6;
}

/**
 * Whether `day` (YYYY-MM-DD) is a working day in the official PRC calendar, 调休 included; throws
 * RangeError for a malformed day and CalendarYearNotHeldError for a year whose calendar is not held.
 */
export function isWorkingDay(day: string): boolean {
  return isWorkingDayIn(BUILT_IN_CALENDAR, day);
}
