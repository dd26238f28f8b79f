import { parseDay, toEpochDay, tryParseDay, weekdayOfEpochDay } from './calendarDay';
import { expandDayRange } from './officialCalendar';
import type { OfficialYear } from './officialCalendar';

/** What can be wrong with a year's calendar as entered from its notice. */
export type OfficialYearProblem =
  | { readonly kind: 'MALFORMED'; readonly field: 'daysOff' | 'workingWeekendDays'; readonly index: number }
  | { readonly kind: 'OUTSIDE_YEAR'; readonly field: 'daysOff' | 'workingWeekendDays'; readonly index: number }
  | { readonly kind: 'NOT_A_WEEKEND_DAY'; readonly index: number }
  | { readonly kind: 'OFF_AND_WORKING'; readonly day: string }
  | { readonly kind: 'NO_DAYS_OFF' };

/**
 * Every problem with `entry` as the calendar of `year`, in order; none when it can be held. Each day
 * must fall in that year (a notice's days in late December of the year before belong to that year's
 * entry), working weekend days must be Saturdays or Sundays, no day may be both off and working, and a
 * notice always names days off.
 */
export function officialYearProblems(
  year: number,
  entry: Pick<OfficialYear, 'daysOff' | 'workingWeekendDays'>,
): OfficialYearProblem[] {
  const problems: OfficialYearProblem[] = [];
  const daysOff = new Set<string>();
  if (entry.daysOff.length === 0) problems.push({ kind: 'NO_DAYS_OFF' });
  entry.daysOff.forEach((range, index) => {
    let days: string[];
    try {
      days = expandDayRange(range);
    } catch {
      problems.push({ kind: 'MALFORMED', field: 'daysOff', index });
      return;
    }
    if (days.some((day) => parseDay(day).year !== year)) problems.push({ kind: 'OUTSIDE_YEAR', field: 'daysOff', index });
    for (const day of days) daysOff.add(day);
  });
  entry.workingWeekendDays.forEach((day, index) => {
    const civil = tryParseDay(day);
    if (!civil) problems.push({ kind: 'MALFORMED', field: 'workingWeekendDays', index });
    else if (civil.year !== year) problems.push({ kind: 'OUTSIDE_YEAR', field: 'workingWeekendDays', index });
    else if (![0, 6].includes(weekdayOfEpochDay(toEpochDay(civil)))) problems.push({ kind: 'NOT_A_WEEKEND_DAY', index });
    else if (daysOff.has(day)) problems.push({ kind: 'OFF_AND_WORKING', day });
  });
  return problems;
}
