import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './addWorkingDays';
import { CalendarYearNotHeldError } from './CalendarYearNotHeldError';
import { isWorkingDay } from './isWorkingDay';

describe('addWorkingDays', () => {
  it('counts day 1 as the first working day after the given day', () => {
    expect(addWorkingDays('2021-03-01', 1)).toBe('2021-03-02');
    expect(addWorkingDays('2021-03-05', 1)).toBe('2021-03-08');
    expect(addWorkingDays('2021-03-06', 1)).toBe('2021-03-08');
  });

  it('skips holidays and counts adjusted working weekend days', () => {
    expect(addWorkingDays('2021-09-17', 1)).toBe('2021-09-18');
    expect(addWorkingDays('2021-09-18', 1)).toBe('2021-09-22');
    expect(addWorkingDays('2021-09-30', 1)).toBe('2021-10-08');
    expect(addWorkingDays('2021-10-08', 1)).toBe('2021-10-09');
    expect(addWorkingDays('2021-10-09', 1)).toBe('2021-10-11');
  });

  it('does not consult the start day, so it may lie in a year not held', () => {
    expect(addWorkingDays('2019-12-31', 1)).toBe('2020-01-02');
  });

  it('throws CalendarYearNotHeldError when the count runs past the held years', () => {
    expect(addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expect(() => addWorkingDays('2026-12-30', 2)).toThrow(CalendarYearNotHeldError);
    expect(() => addWorkingDays('2026-12-31', 1)).toThrow(expect.objectContaining({ year: 2027 }));
  });

  it('throws RangeError unless n is a positive integer', () => {
    for (const n of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => addWorkingDays('2021-03-01', n), String(n)).toThrow(RangeError);
    }
  });

  it('throws RangeError for a malformed day', () => {
    expect(() => addWorkingDays('2021-02-29', 1)).toThrow(RangeError);
  });

  it('lands on a working day and composes step by step (property)', () => {
    let day = '2020-01-01';
    for (let n = 1; n <= 200; n++) {
      const stepped = addWorkingDays(day, 1);
      expect(isWorkingDay(stepped), stepped).toBe(true);
      expect(addWorkingDays('2020-01-01', n)).toBe(stepped);
      day = stepped;
    }
  });
});
