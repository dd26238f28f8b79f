import { describe, expect, it } from 'vitest';
import { hoursToMinutes } from './hoursToMinutes';
import { minutesToHours } from './minutesToHours';

describe('hoursToMinutes', () => {
  it('converts to whole minutes, rounding to the nearest', () => {
    expect(hoursToMinutes(6)).toBe(360);
    expect(hoursToMinutes(12)).toBe(720);
    expect(hoursToMinutes(0.1)).toBe(6);
    expect(hoursToMinutes(0.3)).toBe(18);
    expect(hoursToMinutes(1.5)).toBe(90);
    expect(hoursToMinutes(0)).toBe(0);
    expect(hoursToMinutes(0.008)).toBe(0);
    expect(hoursToMinutes(0.009)).toBe(1);
    expect(hoursToMinutes(1 / 3)).toBe(20);
  });

  it('throws RangeError for negative, non-finite or huge hours', () => {
    for (const hours of [-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
      expect(() => hoursToMinutes(hours), String(hours)).toThrow(RangeError);
    }
  });
});

describe('minutesToHours', () => {
  it('converts whole minutes to hours', () => {
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(18)).toBe(0.3);
    expect(minutesToHours(6)).toBe(0.1);
    expect(minutesToHours(-360)).toBe(-6);
  });

  it('round-trips with hoursToMinutes (property)', () => {
    for (let minutes = 0; minutes <= 10_000; minutes++) {
      expect(hoursToMinutes(minutesToHours(minutes))).toBe(minutes);
    }
  });

  it('throws RangeError for anything but a safe integer', () => {
    for (const minutes of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => minutesToHours(minutes), String(minutes)).toThrow(RangeError);
    }
  });
});
