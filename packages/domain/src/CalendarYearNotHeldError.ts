import { HELD_CALENDAR_YEARS } from './officialCalendar';

/**
 * Thrown when a working-day question needs a year whose official calendar the system does not hold.
 * Guessing Monday-to-Friday instead would silently misdate credit records around holidays.
 */
export class CalendarYearNotHeldError extends Error {
  override readonly name = 'CalendarYearNotHeldError';
  readonly code = 'CALENDAR_YEAR_NOT_HELD';

  constructor(
    readonly year: number,
    heldYears: readonly number[] = HELD_CALENDAR_YEARS,
  ) {
    super(
      `The official PRC holiday calendar for ${year} is not held (held years: ${heldYears.join(', ')}); ` +
        'working days in that year cannot be determined',
    );
  }
}
