import { addCalendarDays, HELD_CALENDAR_YEARS, isWorkingDay } from '@xueshi/domain';
import { describe, expect, it } from 'vitest';
import { demoProgrammeYears, upcomingFirstDays } from './history';

const held = (day: string) => HELD_CALENDAR_YEARS.includes(Number(day.slice(0, 4)));
const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe('upcomingFirstDays', () => {
  it('starts two working days in a held year, for every day of every held year', () => {
    const first = `${HELD_CALENDAR_YEARS[0]}-01-01`;
    const last = `${HELD_CALENDAR_YEARS.at(-1)}-12-31`;
    for (let today = first; today <= last; today = addCalendarDays(today, 1)) {
      const days = upcomingFirstDays(noonOf(today));
      for (const day of days) {
        expect(day > today, today).toBe(true);
        for (const courseDay of [day, addCalendarDays(day, 1)]) {
          expect(held(courseDay) && isWorkingDay(courseDay), `${today}: ${courseDay}`).toBe(true);
        }
      }
    }
  });

  it('moves a day that falls in a holiday to the first that starts two working days', () => {
    // 2021-09-19..21 Mid-Autumn; 10 days after 09-09 is 09-19, and 09-22/23 are the next two working days.
    expect(upcomingFirstDays(noonOf('2021-09-09'))[0]).toBe('2021-09-22');
    // 2021-10-01..07 National Day; 10-09 is a working Saturday, so 10-08/09 start a course.
    expect(upcomingFirstDays(noonOf('2021-09-24'))[0]).toBe('2021-10-08');
  });

  it('plans nothing in a year whose official calendar is not held', () => {
    const lastHeld = HELD_CALENDAR_YEARS.at(-1) ?? 0;
    const days = upcomingFirstDays(noonOf(`${lastHeld}-12-02`));
    expect(days.length).toBeLessThan(3);
    expect(days.every((day) => day.startsWith(`${lastHeld}-`))).toBe(true);
    expect(upcomingFirstDays(noonOf(`${lastHeld}-12-30`))).toEqual([]);
    expect(demoProgrammeYears(noonOf(`${lastHeld}-12-30`))).not.toContain(lastHeld + 1);
  });
});
