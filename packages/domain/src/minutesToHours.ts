/**
 * Whole minutes as hours (90 → 1.5; 18 → 0.3 exactly as the literal 0.3); negative minutes give
 * negative hours, for reversing ledger entries. Throws RangeError unless `minutes` is a safe integer.
 */
export function minutesToHours(minutes: number): number {
  if (!Number.isSafeInteger(minutes)) {
    throw new RangeError(`Minutes must be a whole number, got ${minutes}`);
  }
  return minutes / 60;
}
