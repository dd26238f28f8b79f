import { assertValidInstant, shanghaiDay } from './shanghaiDay';
import { startOfShanghaiDay } from './startOfShanghaiDay';

/**
 * The refund for a withdrawal: everything paid if withdrawn before 00:00 Asia/Shanghai of the day the
 * session's first day starts, nothing from then on; throws RangeError unless `paidFen` is a
 * non-negative safe integer and both instants are valid Dates.
 */
export function refundFen(paidFen: number, withdrawnAt: Date, firstDayStartsAt: Date): number {
  if (!Number.isSafeInteger(paidFen) || paidFen < 0) {
    throw new RangeError(`The amount paid must be a non-negative whole number of fen, got ${paidFen}`);
  }
  assertValidInstant(withdrawnAt, 'withdrawal time');
  assertValidInstant(firstDayStartsAt, 'first day start time');
  const firstDayBegins = startOfShanghaiDay(shanghaiDay(firstDayStartsAt));
  return withdrawnAt.getTime() < firstDayBegins.getTime() ? paidFen : 0;
}
