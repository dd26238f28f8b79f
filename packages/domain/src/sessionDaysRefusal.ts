import { addCalendarDays } from './addCalendarDays';
import { CalendarYearNotHeldError } from './CalendarYearNotHeldError';
import { isWorkingDayIn } from './isWorkingDay';
import type { WorkingDayCalendar } from './officialCalendar';

/** Why a live session's days do not fit its course and the official calendar. */
export type SessionDaysRefusal =
  | { readonly reason: 'DAYS_DO_NOT_MATCH'; readonly courseDays: number; readonly sessionDays: number }
  | { readonly reason: 'NOT_A_WORKING_DAY'; readonly day: string }
  | { readonly reason: 'YEAR_NOT_HELD'; readonly year: number };

/**
 * Whether a live session from `firstDay` to `lastDay` (Asia/Shanghai, inclusive) fits a course of
 * `courseDays` days: as many consecutive days as the course has (the plan's 1-day and 2-day courses
 * keep their length), each a working day of `calendar` (never a holiday; a working weekend day is one).
 * A day in a year the calendar does not hold is refused rather than guessed. Null when it fits.
 */
export function sessionDaysRefusal(
  calendar: WorkingDayCalendar,
  firstDay: string,
  lastDay: string,
  courseDays: number,
): SessionDaysRefusal | null {
  const days: string[] = [];
  for (let day = firstDay; day <= lastDay && days.length <= courseDays; day = addCalendarDays(day, 1)) days.push(day);
  if (days.length !== courseDays) return { reason: 'DAYS_DO_NOT_MATCH', courseDays, sessionDays: days.length };
  for (const day of days) {
    try {
      if (!isWorkingDayIn(calendar, day)) return { reason: 'NOT_A_WORKING_DAY', day };
    } catch (error) {
      if (error instanceof CalendarYearNotHeldError) return { reason: 'YEAR_NOT_HELD', year: error.year };
      throw error;
    }
  }
  return null;
}

/**
 * The first day from `fromDay` on that starts `days` consecutive working days of `calendar`, as a
 * session of a `days`-day course needs; null when the search runs into a year the calendar does not hold.
 */
export function firstWorkingRun(calendar: WorkingDayCalendar, fromDay: string, days: number): string | null {
  for (let first = fromDay; ; first = addCalendarDays(first, 1)) {
    const refusal = sessionDaysRefusal(calendar, first, addCalendarDays(first, days - 1), days);
    if (refusal === null) return first;
    if (refusal.reason === 'YEAR_NOT_HELD') return null;
  }
}
