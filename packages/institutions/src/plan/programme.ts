import { PLAN_REGISTRATION_OPENS_AT, PLAN_YEAR } from './plan2021';

/**
 * When registration for a programme year's live courses opens. 2021 is the plan's date; other years
 * are sample dates, labelled so, until their own plans are loaded.
 */
export function programmeYearOpensAt(year: number): { opensAt: string; isSample: boolean } {
  if (year === PLAN_YEAR) return { opensAt: PLAN_REGISTRATION_OPENS_AT, isSample: false };
  return { opensAt: `${year}-01-04T10:00:00+08:00`, isSample: true };
}
