import { fromEpochDay } from './calendarDay';
import { assertValidInstant, MS_PER_DAY, SHANGHAI_OFFSET_MS } from './shanghaiDay';

/** The Asia/Shanghai calendar year of an instant; throws RangeError for an invalid Date. */
export function shanghaiYear(instant: Date): number {
  assertValidInstant(instant);
  return fromEpochDay(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / MS_PER_DAY)).year;
}
