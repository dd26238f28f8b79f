import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  formatDay,
  fromEpochDay,
  isLeapYear,
  parseDay,
  toEpochDay,
  tryParseDay,
  weekdayOfEpochDay,
} from './calendarDay';

describe('calendarDay', () => {
  it('agrees with Date for every day from 1899 to 2101 (epoch day, round trip, weekday)', () => {
    const first = Date.UTC(1899, 0, 1) / 86_400_000;
    const last = Date.UTC(2101, 11, 31) / 86_400_000;
    for (let epochDay = first; epochDay <= last; epochDay++) {
      const expected = new Date(epochDay * 86_400_000);
      const civil = fromEpochDay(epochDay);
      expect(civil.year).toBe(expected.getUTCFullYear());
      expect(civil.month).toBe(expected.getUTCMonth() + 1);
      expect(civil.day).toBe(expected.getUTCDate());
      expect(toEpochDay(civil)).toBe(epochDay);
      expect(formatDay(civil)).toBe(expected.toISOString().slice(0, 10));
      expect(weekdayOfEpochDay(epochDay)).toBe(expected.getUTCDay());
    }
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2020, 2021, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, false, false, true]);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2021, 4)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
    expect(daysInMonth(2021, 13)).toBe(0);
  });

  it('parses real days only, in strict YYYY-MM-DD form', () => {
    expect(parseDay('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseDay('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    for (const bad of [
      '2021-02-29',
      '1900-02-29',
      '2021-13-01',
      '2021-00-10',
      '2021-04-31',
      '2021-01-00',
      '2021-1-01',
      ' 2021-01-01',
      '2021-01-01 ',
      '2021/01/01',
      '20210101',
      '2021-01-01T00:00',
      '',
      '２０２１-01-01',
    ]) {
      expect(tryParseDay(bad), bad).toBeUndefined();
      expect(() => parseDay(bad), bad).toThrow(RangeError);
    }
    expect(tryParseDay(20210101)).toBeUndefined();
  });

  it('refuses to format a year that does not fit in four digits', () => {
    expect(formatDay({ year: 5, month: 3, day: 7 })).toBe('0005-03-07');
    expect(() => formatDay({ year: 10000, month: 1, day: 1 })).toThrow(RangeError);
    expect(() => formatDay({ year: -1, month: 1, day: 1 })).toThrow(RangeError);
  });
});
