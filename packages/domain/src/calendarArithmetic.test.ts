import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './addCalendarDays';
import { dayOfWeek } from './dayOfWeek';

describe('addCalendarDays', () => {
  it('moves across month, year and leap-day boundaries, both ways', () => {
    expect(addCalendarDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addCalendarDays('2021-03-01', -28)).toBe('2021-02-01');
    expect(addCalendarDays('2021-03-01', 0)).toBe('2021-03-01');
    expect(addCalendarDays('2021-01-01', 365)).toBe('2022-01-01');
    expect(addCalendarDays('2024-01-01', 365)).toBe('2024-12-31');
  });

  it('throws RangeError for a malformed day, a non-integer n or a result past 9999', () => {
    expect(() => addCalendarDays('2021-02-29', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2021-03-01', 0.5)).toThrow(RangeError);
    expect(() => addCalendarDays('2021-03-01', Number.NaN)).toThrow(RangeError);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('dayOfWeek', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    // 2021-02-22 was a Monday.
    const week = ['2021-02-22', '2021-02-23', '2021-02-24', '2021-02-25', '2021-02-26', '2021-02-27', '2021-02-28'];
    expect(week.map(dayOfWeek)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(dayOfWeek('2021-10-01')).toBe(5);
    expect(dayOfWeek('1970-01-01')).toBe(4);
  });

  it('throws RangeError for a malformed day', () => {
    expect(() => dayOfWeek('2021-02-30')).toThrow(RangeError);
  });
});
