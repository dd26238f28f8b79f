import { describe, expect, it } from 'vitest';
import { isValidDay } from './isValidDay';

describe('isValidDay', () => {
  it('accepts real days and rejects anything else without throwing', () => {
    expect(isValidDay('2021-02-22')).toBe(true);
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2023-02-29')).toBe(false);
    expect(isValidDay('2021-2-22')).toBe(false);
    expect(isValidDay('')).toBe(false);
    expect(isValidDay(undefined as unknown as string)).toBe(false);
  });
});
