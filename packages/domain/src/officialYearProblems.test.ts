import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR } from './officialCalendar';
import { officialYearProblems } from './officialYearProblems';

describe('officialYearProblems', () => {
  it('finds none in any year built in from the notices', () => {
    for (const [year, entry] of Object.entries(OFFICIAL_CALENDAR)) expect(officialYearProblems(Number(year), entry)).toEqual([]);
  });

  it('refuses days that are not days, ranges that end before they start, and an empty list of days off', () => {
    expect(officialYearProblems(2027, { daysOff: [], workingWeekendDays: [] })).toEqual([{ kind: 'NO_DAYS_OFF' }]);
    expect(
      officialYearProblems(2027, { daysOff: ['2027-02-30', '2027-02-12..2027-02-06', '2027-1-1'], workingWeekendDays: ['soon'] }),
    ).toEqual([
      { kind: 'MALFORMED', field: 'daysOff', index: 0 },
      { kind: 'MALFORMED', field: 'daysOff', index: 1 },
      { kind: 'MALFORMED', field: 'daysOff', index: 2 },
      { kind: 'MALFORMED', field: 'workingWeekendDays', index: 0 },
    ]);
  });

  it('keeps every day inside its year, a range included', () => {
    expect(
      officialYearProblems(2027, { daysOff: ['2026-12-31..2027-01-02', '2027-05-01'], workingWeekendDays: ['2028-01-08'] }),
    ).toEqual([
      { kind: 'OUTSIDE_YEAR', field: 'daysOff', index: 0 },
      { kind: 'OUTSIDE_YEAR', field: 'workingWeekendDays', index: 0 },
    ]);
  });

  it('takes only Saturdays and Sundays as working weekend days, and no day both off and working', () => {
    // 2027-02-13 is a Saturday, 2027-02-15 a Monday.
    expect(
      officialYearProblems(2027, {
        daysOff: ['2027-02-06..2027-02-13'],
        workingWeekendDays: ['2027-02-15', '2027-02-13', '2027-02-14'],
      }),
    ).toEqual([
      { kind: 'NOT_A_WEEKEND_DAY', index: 0 },
      { kind: 'OFF_AND_WORKING', day: '2027-02-13' },
    ]);
  });
});
