import { addWorkingDays } from './addWorkingDays';

/** Working days after the last training day until the recorded hours are shown to the learner. */
export const CREDIT_VISIBILITY_WORKING_DAYS = 10;

/**
 * The day from whose start a credit record is visible: the 10th working day after the last training
 * day; throws RangeError for a malformed day and CalendarYearNotHeldError past the held years.
 */
export function creditVisibleFrom(lastTrainingDay: string): string {
  return addWorkingDays(lastTrainingDay, CREDIT_VISIBILITY_WORKING_DAYS);
}
