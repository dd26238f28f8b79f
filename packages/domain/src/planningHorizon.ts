import { shanghaiYear } from './shanghaiYear';

/**
 * How many years after the current one sessions may be planned: the plan is set year by year and the
 * next programme years are announced ahead, never decades ahead.
 */
export const PLANNING_YEARS_AHEAD = 2;

/**
 * The Shanghai years a session's dates may fall in, seen at `now`: from last year (a session still
 * being corrected after New Year, or registration opened in December) to PLANNING_YEARS_AHEAD years
 * ahead. Throws RangeError for an invalid `now`.
 */
export function planningYears(now: Date): { first: number; last: number } {
  const year = shanghaiYear(now);
  return { first: year - 1, last: year + PLANNING_YEARS_AHEAD };
}

/** Whether `instant` falls within planningYears(now); false for an invalid Date, never throws for one. */
export function isWithinPlanningHorizon(instant: Date, now: Date): boolean {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) return false;
  const { first, last } = planningYears(now);
  const year = shanghaiYear(instant);
  return year >= first && year <= last;
}
