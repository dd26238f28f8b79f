import { describe, expect, it } from 'vitest';
import { refundFen } from './refundFen';

const at = (iso: string): Date => new Date(iso);

describe('refundFen', () => {
  // First day 2021-03-01 09:00 Asia/Shanghai; that day begins at 2021-02-28T16:00:00Z.
  const firstDay = at('2021-03-01T01:00:00Z');

  it('refunds everything before 00:00 Shanghai of the first day, nothing from then on', () => {
    expect(refundFen(24000, at('2021-02-22T02:00:00Z'), firstDay)).toBe(24000);
    expect(refundFen(24000, at('2021-02-28T15:59:59.999Z'), firstDay)).toBe(24000);
    expect(refundFen(24000, at('2021-02-28T16:00:00Z'), firstDay)).toBe(0);
    expect(refundFen(24000, at('2021-03-01T00:59:00Z'), firstDay)).toBe(0);
    expect(refundFen(24000, at('2021-03-05T00:00:00Z'), firstDay)).toBe(0);
  });

  it('uses the Shanghai calendar day of the first day, not the UTC one', () => {
    // 00:30 on 1 March in Shanghai is still 28 February in UTC.
    expect(refundFen(12000, at('2021-02-28T15:00:00Z'), at('2021-02-28T16:30:00Z'))).toBe(12000);
    expect(refundFen(12000, at('2021-02-28T16:10:00Z'), at('2021-02-28T16:30:00Z'))).toBe(0);
    // 23:30 on 28 February in Shanghai: the first day is the 28th.
    expect(refundFen(12000, at('2021-02-27T15:59:59Z'), at('2021-02-28T15:30:00Z'))).toBe(12000);
    expect(refundFen(12000, at('2021-02-27T16:00:00Z'), at('2021-02-28T15:30:00Z'))).toBe(0);
  });

  it('refunds 0 of 0', () => {
    expect(refundFen(0, at('2021-01-01T00:00:00Z'), firstDay)).toBe(0);
  });

  it('throws RangeError unless paidFen is a non-negative safe integer', () => {
    for (const paid of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => refundFen(paid, at('2021-01-01T00:00:00Z'), firstDay), String(paid)).toThrow(RangeError);
    }
  });

  it('throws RangeError for an invalid Date', () => {
    expect(() => refundFen(100, at('not a date'), firstDay)).toThrow(RangeError);
    expect(() => refundFen(100, at('2021-01-01T00:00:00Z'), at('nope'))).toThrow(RangeError);
  });
});
