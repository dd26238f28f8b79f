import { isValidDay } from '@xueshi/domain';

/** `value` if it is a string with something besides whitespace; throws RangeError naming `field` otherwise. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RangeError(`${field} must be a non-empty string`);
  }
  return value;
}

/** `value` if it is a real YYYY-MM-DD day; throws RangeError naming `field` otherwise. */
export function requireDay(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isValidDay(value)) {
    throw new RangeError(`${field} must be a YYYY-MM-DD day, got ${String(value)}`);
  }
  return value;
}
