import { parseDay, toEpochDay } from './calendarDay';
import { MS_PER_DAY, SHANGHAI_OFFSET_MS } from './shanghaiDay';

/** The instant 00:00 Asia/Shanghai starts the given day (YYYY-MM-DD); throws RangeError for a malformed day. */
export function startOfShanghaiDay(day: string): Date {
  return new Date(toEpochDay(parseDay(day)) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}
