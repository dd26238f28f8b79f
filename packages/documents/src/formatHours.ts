/**
 * Credit hours for print, exact to the hundredth and without trailing zeros (4.5, 12, 0.3, 1/3 h →
 * 0.33), so a sum like 0.1 + 0.2 prints 0.3; throws RangeError for negative or non-finite hours.
 */
export function formatHours(hours: number): string {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`Hours must be a finite non-negative number, got ${hours}`);
  }
  const hundredths = Math.round(hours * 100);
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`Hours too large: ${hours}`);
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
