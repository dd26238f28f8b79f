import { addWorkingDaysIn } from './addWorkingDays';
import { CalendarYearNotHeldError } from './CalendarYearNotHeldError';
import { BUILT_IN_CALENDAR } from './officialCalendar';
import type { WorkingDayCalendar } from './officialCalendar';

/** Working days after the last training day until the recorded hours are shown to the learner. */
export const CREDIT_VISIBILITY_WORKING_DAYS = 10;

/**
 * The day from whose start a credit record is visible: the 10th working day after the last training
 * day; throws RangeError for a malformed day and CalendarYearNotHeldError past the held years.
 */
export function creditVisibleFrom(lastTrainingDay: string): string {
  return addWorkingDaysIn(BUILT_IN_CALENDAR, lastTrainingDay, CREDIT_VISIBILITY_WORKING_DAYS);
}

/**
 * When a credit record becomes visible under `calendar`: its day, or, when counting needs a year the
 * calendar does not hold yet, that year (the record waits for the year's notice; nothing is guessed).
 */
export type CreditVisibility =
  | { readonly visibleFrom: string; readonly pendingCalendarYear: null }
  | { readonly visibleFrom: null; readonly pendingCalendarYear: number };

/** `creditVisibleFrom` under `calendar`, pending rather than throwing when a year is not held. */
export function creditVisibility(calendar: WorkingDayCalendar, lastTrainingDay: string): CreditVisibility {
  try {
    return {
      visibleFrom: addWorkingDaysIn(calendar, lastTrainingDay, CREDIT_VISIBILITY_WORKING_DAYS),
      pendingCalendarYear: null,
    };
  } catch (error) {
    if (error instanceof CalendarYearNotHeldError) return { visibleFrom: null, pendingCalendarYear: error.year };
    throw error;
  }
}
