import { describe, expect, it } from 'vitest';
import { formatHours } from './formatHours';

describe('formatHours', () => {
  it.each([
    [12, '12'],
    [4.5, '4.5'],
    [0, '0'],
    [0.1 + 0.2, '0.3'],
    [4.499999999, '4.5'],
    [1 / 3, '0.33'],
    [90 / 60, '1.5'],
    [0.05, '0.05'],
    [100.25, '100.25'],
    [40.5, '40.5'],
  ])('%d h prints as %s', (hours, expected) => {
    expect(formatHours(hours)).toBe(expected);
  });

  it('throws RangeError for negative, non-finite or huge hours', () => {
    for (const hours of [-0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
      expect(() => formatHours(hours), String(hours)).toThrow(RangeError);
    }
  });
});
