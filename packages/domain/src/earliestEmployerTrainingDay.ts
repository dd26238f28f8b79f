import { daysInMonth, formatDay, parseDay } from './calendarDay';

/**
 * The earliest first day of employer-run training filed on `filedOn` ("at least one month before"):
 * the same day of the next calendar month, clamped to that month's last day (2021-01-31 → 2021-02-28,
 * 2024-01-31 → 2024-02-29). Throws RangeError for a malformed day or a result past 9999-12-31.
 */
export function earliestEmployerTrainingDay(filedOn: string): string {
  const { year, month, day } = parseDay(filedOn);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return formatDay({ year: nextYear, month: nextMonth, day: Math.min(day, daysInMonth(nextYear, nextMonth)) });
}
