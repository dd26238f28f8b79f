import { toEpochDay } from './calendarDay';
import { MS_PER_DAY, SHANGHAI_OFFSET_MS } from './shanghaiDay';

/**
 * The last instant of `year` in Asia/Shanghai, 31 Dec 23:59:59.999 (+08:00), after which an unfinished
 * elective expires; throws RangeError unless `year` is an integer from 1 to 9999.
 */
export function endOfShanghaiYear(year: number): Date {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Not a supported year: ${year}`);
  }
  return new Date(toEpochDay({ year: year + 1, month: 1, day: 1 }) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1);
}
