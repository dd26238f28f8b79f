import { describe, expect, it } from 'vitest';
import { formatFen } from './formatFen';

describe('formatFen', () => {
  it('shows yuan with two decimals', () => {
    expect(formatFen(24000)).toBe('¥240.00');
    expect(formatFen(12000)).toBe('¥120.00');
    expect(formatFen(150)).toBe('¥1.50');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(12345678)).toBe('¥123456.78');
    expect(formatFen(-150)).toBe('-¥1.50');
  });

  it('throws RangeError for anything but a safe integer', () => {
    for (const fen of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => formatFen(fen), String(fen)).toThrow(RangeError);
    }
  });
});
