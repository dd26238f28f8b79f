import { parseDay, toEpochDay, weekdayOfEpochDay } from './calendarDay';
import { CalendarYearNotHeldError } from './CalendarYearNotHeldError';
import { heldYear } from './officialCalendar';

/**
 * Whether `day` (YYYY-MM-DD) is a working day in the official PRC calendar, 调休 included; throws
 * RangeError for a malformed day and CalendarYearNotHeldError for a year whose calendar is not held.
 */
export function isWorkingDay(day: string): boolean {
  const civil = parseDay(day);
  const held = heldYear(civil.year);
  if (!held) throw new CalendarYearNotHeldError(civil.year);
  if (held.workingWeekendDays.has(day)) return true;
  if (held.daysOff.has(day)) return false;
  const weekday = weekdayOfEpochDay(toEpochDay(civil));
  return weekday !== 0 && weekday !== 6;
}
