import { BUILT_IN_CALENDAR, HELD_CALENDAR_YEARS, calendarWithLoadedYears } from '@xueshi/domain';
import type { OfficialYear, WorkingDayCalendar } from '@xueshi/domain';
import { ErrorCode, UserError } from '@xueshi/subgraph-kit';
import type { Logger } from '@xueshi/subgraph-kit';
import { askRegistry } from './askRegistry';

/** The official calendar holding at least `years` where it can: built in, or as the registrar loaded them. */
export type CalendarFor = (years: readonly number[]) => Promise<WorkingDayCalendar>;

const QUERY = 'query OfficialCalendar { officialCalendarYears { year builtIn source daysOff workingWeekendDays } }';

interface HeldYear extends OfficialYear {
  year: number;
  builtIn: boolean;
}

/**
 * The built-in calendar while every year asked for is built in (no call); otherwise the registry's
 * (at `registryUrl()`, read on each call), where the registrar loads new years. UNAVAILABLE when the
 * registry does not answer: a session's days are refused rather than checked against a guess.
 */
export function registryCalendar(registryUrl: () => string, logger: Logger): CalendarFor {
  return async (years) => {
    if (years.every((year) => HELD_CALENDAR_YEARS.includes(year))) return BUILT_IN_CALENDAR;
    try {
      const held = await askRegistry(registryUrl(), QUERY, {}, (data) => {
        const years = (data as { officialCalendarYears?: HeldYear[] } | undefined)?.officialCalendarYears;
        return Array.isArray(years) ? years : undefined;
      });
      return calendarWithLoadedYears(new Map(held.filter((year) => !year.builtIn).map((year) => [year.year, year])));
    } catch (error) {
      logger.warn({ err: error }, 'registry unreachable for the official calendar');
      throw new UserError(
        ErrorCode.UNAVAILABLE,
        {
          zh: '报名系统暂时不可用，无法核对该年度的节假日安排，请稍后再试',
          en: "The registry is unavailable to confirm that year's official calendar; please try again later",
        },
        { serviceName: 'registry' },
      );
    }
  };
}
