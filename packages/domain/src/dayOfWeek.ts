import { parseDay, toEpochDay, weekdayOfEpochDay } from './calendarDay';

/** ISO day of the week of `day` (YYYY-MM-DD): 1 = Monday ... 7 = Sunday; throws RangeError for a malformed day. */
export function dayOfWeek(day: string): number {
  return weekdayOfEpochDay(toEpochDay(parseDay(day))) || 7;
}
