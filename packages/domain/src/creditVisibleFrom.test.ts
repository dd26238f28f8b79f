import { describe, expect, it } from 'vitest';
import { CalendarYearNotHeldError } from './CalendarYearNotHeldError';
import { creditVisibility, creditVisibleFrom } from './creditVisibleFrom';
import { BUILT_IN_CALENDAR, calendarWithLoadedYears, HELD_CALENDAR_YEARS } from './officialCalendar';

// Each expectation was counted by hand on the official calendar; the comments show the count.
describe('creditVisibleFrom', () => {
  it('crosses Mid-Autumn 2021 and counts Saturday 09-18 and Sunday 09-26', () => {
    // 17(1) 18 Sat(2) [19-21 off] 22(3) 23(4) 24(5) 26 Sun(6) 27(7) 28(8) 29(9) 30(10)
    expect(creditVisibleFrom('2021-09-16')).toBe('2021-09-30');
  });

  it('crosses National Day 2021 and counts Saturday 10-09', () => {
    // 29(1) 30(2) [10-01..07 off] 08(3) 09 Sat(4) 11(5) 12(6) 13(7) 14(8) 15(9) 18(10)
    expect(creditVisibleFrom('2021-09-28')).toBe('2021-10-18');
  });

  it('crosses Spring Festival 2021 and counts Sunday 02-07 and Saturday 02-20', () => {
    // 07 Sun(1) 08(2) 09(3) 10(4) [11-17 off] 18(5) 19(6) 20 Sat(7) 22(8) 23(9) 24(10)
    expect(creditVisibleFrom('2021-02-05')).toBe('2021-02-24');
  });

  it('crosses the extended 2020 Spring Festival, where Saturday 02-01 was no longer worked', () => {
    // 23(1) [01-24..02-02 off] 03(2) 04(3) 05(4) 06(5) 07(6) 10(7) 11(8) 12(9) 13(10)
    expect(creditVisibleFrom('2020-01-22')).toBe('2020-02-13');
  });

  it('crosses the 2023 Mid-Autumn and National Day holiday with both weekend days worked', () => {
    // 28(1) [09-29..10-06 off] 07 Sat(2) 08 Sun(3) 09(4) 10(5) 11(6) 12(7) 13(8) 16(9) 17(10)
    expect(creditVisibleFrom('2023-09-27')).toBe('2023-10-17');
  });

  it('is ten plain weekdays away in a quiet stretch', () => {
    expect(creditVisibleFrom('2021-03-01')).toBe('2021-03-15');
    expect(creditVisibleFrom('2026-12-10')).toBe('2026-12-24');
  });

  it('throws CalendarYearNotHeldError when day 10 would fall in 2027', () => {
    // 21..25(1-5) 28..31(6-9), then 2027 is needed.
    expect(() => creditVisibleFrom('2026-12-20')).toThrow(CalendarYearNotHeldError);
  });
});

/** A year entered as the registrar would enter a new notice; test data, not 2027's real notice. */
const LOADED_2027 = {
  source: 'test notice for 2027',
  daysOff: ['2027-01-01..2027-01-03', '2027-02-06..2027-02-12'],
  workingWeekendDays: ['2027-02-14'],
};

describe('creditVisibility under a calendar with loaded years', () => {
  it('is pending on the year a count runs into when that year is not held, rather than guessing', () => {
    expect(creditVisibility(BUILT_IN_CALENDAR, '2026-12-28')).toEqual({ visibleFrom: null, pendingCalendarYear: 2027 });
  });

  it('is dated once the year is loaded', () => {
    const calendar = calendarWithLoadedYears(new Map([[2027, LOADED_2027]]));
    // 29(1) 30(2) 31(3) [01-01..03 off] 04(4) 05(5) 06(6) 07(7) 08(8) 11(9) 12(10)
    expect(creditVisibility(calendar, '2026-12-28')).toEqual({ visibleFrom: '2027-01-12', pendingCalendarYear: null });
    // 05(1) [06..12 off] 14 Sun(2) 15(3) 16(4) 17(5) 18(6) 19(7) 22(8) 23(9) 24(10)
    expect(creditVisibility(calendar, '2027-02-04').visibleFrom).toBe('2027-02-24');
    expect(calendar.heldYears).toEqual([...HELD_CALENDAR_YEARS, 2027]);
  });

  it('agrees with creditVisibleFrom wherever the built-in years suffice', () => {
    const calendar = calendarWithLoadedYears(new Map([[2027, LOADED_2027]]));
    for (const day of ['2021-09-16', '2023-09-27', '2026-06-30']) {
      expect(creditVisibility(calendar, day).visibleFrom).toBe(creditVisibleFrom(day));
      expect(creditVisibility(BUILT_IN_CALENDAR, day).visibleFrom).toBe(creditVisibleFrom(day));
    }
  });

  it('never lets a loaded year replace a year built in from the plan', () => {
    const calendar = calendarWithLoadedYears(
      new Map([[2021, { source: 'wrong', daysOff: ['2021-09-16..2021-09-30'], workingWeekendDays: [] }]]),
    );
    expect(creditVisibility(calendar, '2021-09-16').visibleFrom).toBe('2021-09-30');
  });
});
