import { describe, expect, it } from 'vitest';
import { parseDay, toEpochDay, weekdayOfEpochDay } from './calendarDay';
import { BUILT_IN_CALENDAR, expandDayRange, HELD_CALENDAR_YEARS, OFFICIAL_CALENDAR } from './officialCalendar';

const heldYear = (year: number) => BUILT_IN_CALENDAR.heldYear(year);

const weekday = (day: string): number => weekdayOfEpochDay(toEpochDay(parseDay(day)));
const isWeekend = (day: string): boolean => weekday(day) === 0 || weekday(day) === 6;

describe('OFFICIAL_CALENDAR', () => {
  it('holds exactly 2020 to 2026: the 2027 notice is not in the data yet', () => {
    expect(HELD_CALENDAR_YEARS).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(heldYear(2019)).toBeUndefined();
    expect(heldYear(2027)).toBeUndefined();
  });

  it.each(HELD_CALENDAR_YEARS)('%i: every entry is a real day of that year, and only weekends are made working days', (year) => {
    const entry = OFFICIAL_CALENDAR[year];
    expect(entry?.source).toMatch(new RegExp(`${year}年部分节假日安排`));
    const held = heldYear(year);
    expect(held).toBeDefined();
    for (const day of [...(held?.daysOff ?? []), ...(held?.workingWeekendDays ?? [])]) {
      expect(parseDay(day).year, day).toBe(year);
    }
    for (const day of held?.workingWeekendDays ?? []) {
      expect(isWeekend(day), day).toBe(true);
      expect(held?.daysOff.has(day), day).toBe(false);
    }
  });

  // Weekdays off minus weekend days worked is the number of extra days off the year's notices grant:
  // 11 statutory days until 2024, 13 from 2025, and in 2020 two more (Spring Festival extended to 2 Feb).
  it.each([
    [2020, 13],
    [2021, 11],
    [2022, 11],
    [2023, 11],
    [2024, 11],
    [2025, 13],
    [2026, 13],
  ])('%i grants %i extra days off in net', (year, net) => {
    const held = heldYear(year);
    const weekdaysOff = [...(held?.daysOff ?? [])].filter((day) => !isWeekend(day)).length;
    expect(weekdaysOff - (held?.workingWeekendDays.size ?? 0)).toBe(net);
  });

  it('expands day ranges inclusively and rejects malformed ones', () => {
    expect(expandDayRange('2021-09-19..2021-09-21')).toEqual(['2021-09-19', '2021-09-20', '2021-09-21']);
    expect(expandDayRange('2020-01-30..2020-02-02')).toEqual(['2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02']);
    expect(expandDayRange('2021-01-01')).toEqual(['2021-01-01']);
    expect(() => expandDayRange('2021-01-03..2021-01-01')).toThrow(RangeError);
    expect(() => expandDayRange('2021-01-01..2021-01-02..2021-01-03')).toThrow(RangeError);
    expect(() => expandDayRange('2021-02-30')).toThrow(RangeError);
  });
});
