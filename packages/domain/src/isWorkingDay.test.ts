import { describe, expect, it } from 'vitest';
import { CalendarYearNotHeldError } from './CalendarYearNotHeldError';
import { isWorkingDay } from './isWorkingDay';

function expectDays(days: string[], working: boolean): void {
  for (const day of days) expect(isWorkingDay(day), day).toBe(working);
}

describe('isWorkingDay', () => {
  it('2021 Spring Festival: 02-11..17 off, Sunday 02-07 and Saturday 02-20 worked', () => {
    expectDays(['2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17'], false);
    expectDays(['2021-02-07', '2021-02-20', '2021-02-10', '2021-02-18', '2021-02-19'], true);
    expectDays(['2021-02-06', '2021-02-21'], false);
  });

  it('2021 Mid-Autumn: 09-19..21 off, Saturday 09-18 worked', () => {
    expectDays(['2021-09-19', '2021-09-20', '2021-09-21'], false);
    expectDays(['2021-09-18', '2021-09-17', '2021-09-22'], true);
  });

  it('2021 National Day: 10-01..07 off, Sunday 09-26 and Saturday 10-09 worked', () => {
    expectDays(['2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'], false);
    expectDays(['2021-09-26', '2021-10-09', '2021-09-30', '2021-10-08'], true);
    expectDays(['2021-09-25', '2021-10-10'], false);
  });

  it('follows other years’ notices, including the 2020 Spring Festival extension', () => {
    expectDays(
      [
        '2020-01-31',
        '2020-02-01',
        '2020-02-02',
        '2022-12-31',
        '2023-01-02',
        '2024-06-10',
        '2025-02-04',
        '2025-10-08',
        '2026-02-23',
        '2026-10-07',
      ],
      false,
    );
    expectDays(
      [
        '2020-01-19',
        '2020-02-03',
        '2023-10-07',
        '2023-10-08',
        '2024-02-18',
        '2025-01-26',
        '2026-01-04',
        '2026-02-28',
        '2026-10-10',
      ],
      true,
    );
  });

  it('treats ordinary weekdays as working and ordinary weekends as not', () => {
    expectDays(['2021-03-01', '2021-03-02', '2021-03-03', '2021-03-04', '2021-03-05', '2026-12-31'], true);
    expectDays(['2021-03-06', '2021-03-07', '2026-12-26', '2026-12-27'], false);
  });

  it('throws CalendarYearNotHeldError, carrying the year, outside the held years', () => {
    for (const [day, year] of [
      ['2019-12-31', 2019],
      ['2027-01-04', 2027],
      ['2027-01-01', 2027],
    ] as const) {
      let caught: unknown;
      try {
        isWorkingDay(day);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CalendarYearNotHeldError);
      expect(caught).toMatchObject({ year, code: 'CALENDAR_YEAR_NOT_HELD', name: 'CalendarYearNotHeldError' });
      expect((caught as Error).message).toContain(String(year));
    }
  });

  it('throws RangeError for a malformed day', () => {
    for (const bad of ['2021-02-30', '2021-2-1', '', 'today']) {
      expect(() => isWorkingDay(bad), bad).toThrow(RangeError);
    }
  });
});
