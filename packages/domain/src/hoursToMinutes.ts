/**
 * Hours as whole minutes, rounded to the nearest minute (so 0.1 h is exactly 6); throws RangeError
 * for negative, non-finite or unsafely large hours.
 */
export function hoursToMinutes(hours: number): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`Hours must be a finite non-negative number, got ${hours}`);
  }
  const minutes = Math.round(hours * 60);
  if (!Number.isSafeInteger(minutes)) throw new RangeError(`Hours too large: ${hours}`);
  return minutes;
}
