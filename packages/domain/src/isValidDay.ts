import { tryParseDay } from './calendarDay';

/** Whether `day` is a YYYY-MM-DD string naming a real calendar day; never throws. */
export function isValidDay(day: string): boolean {
  return tryParseDay(day) !== undefined;
}
