import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR, calendarWithLoadedYears } from './officialCalendar';
import { firstWorkingRun, sessionDaysRefusal } from './sessionDaysRefusal';

describe('sessionDaysRefusal', () => {
  it('takes a session of as many working days as its course, a working Saturday included', () => {
    expect(sessionDaysRefusal(BUILT_IN_CALENDAR, '2021-03-18', '2021-03-19', 2)).toBeNull();
    expect(sessionDaysRefusal(BUILT_IN_CALENDAR, '2021-05-20', '2021-05-20', 1)).toBeNull();
    // Friday 8 October and Saturday 9 October 2021 were working days (National Day 调休).
    expect(sessionDaysRefusal(BUILT_IN_CALENDAR, '2021-10-08', '2021-10-09', 2)).toBeNull();
  });

  it('refuses a 1-day session of a 2-day course, and a 3-day one', () => {
    expect(sessionDaysRefusal(BUILT_IN_CALENDAR, '2021-03-18', '2021-03-18', 2)).toEqual({
      reason: 'DAYS_DO_NOT_MATCH',
      courseDays: 2,
      sessionDays: 1,
    });
    expect(sessionDaysRefusal(BUILT_IN_CALENDAR, '2021-03-16', '2021-03-18', 2)).toMatchObject({
      reason: 'DAYS_DO_NOT_MATCH',
      sessionDays: 3,
    });
  });

  it('refuses a holiday, an ordinary weekend day, and a day in a year not held', () => {
    expect(sessionDaysRefusal(BUILT_IN_CALENDAR, '2021-09-20', '2021-09-21', 2)).toEqual({
      reason: 'NOT_A_WORKING_DAY',
      day: '2021-09-20',
    });
    expect(sessionDaysRefusal(BUILT_IN_CALENDAR, '2021-03-19', '2021-03-20', 2)).toEqual({
      reason: 'NOT_A_WORKING_DAY',
      day: '2021-03-20',
    });
    expect(sessionDaysRefusal(BUILT_IN_CALENDAR, '2027-01-11', '2027-01-12', 2)).toEqual({ reason: 'YEAR_NOT_HELD', year: 2027 });
    const loaded = calendarWithLoadedYears(
      new Map([[2027, { source: 'test', daysOff: ['2027-01-01..2027-01-03'], workingWeekendDays: [] }]]),
    );
    expect(sessionDaysRefusal(loaded, '2027-01-11', '2027-01-12', 2)).toBeNull();
  });
});

describe('firstWorkingRun', () => {
  it('finds the first day that starts a course of working days, or null past the held years', () => {
    // 2021-09-19..21 Mid-Autumn; 09-18 a working Saturday, so 09-17/18 already start two working days.
    expect(firstWorkingRun(BUILT_IN_CALENDAR, '2021-09-17', 2)).toBe('2021-09-17');
    expect(firstWorkingRun(BUILT_IN_CALENDAR, '2021-09-19', 2)).toBe('2021-09-22');
    expect(firstWorkingRun(BUILT_IN_CALENDAR, '2026-12-30', 2)).toBe('2026-12-30');
    expect(firstWorkingRun(BUILT_IN_CALENDAR, '2026-12-31', 2)).toBeNull();
  });
});
