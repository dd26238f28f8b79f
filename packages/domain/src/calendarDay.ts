// Day arithmetic on plain integers (days since 1970-01-01), so nothing depends on the host time zone
// or on Date's two-digit-year quirks.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day split into its parts. */
export interface CivilDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Whether `year` is a Gregorian leap year; never fails. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Number of days in `month` (1-12) of `year`; never fails (0 for a month outside 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  if (month === 4 || month === 6 || month === 9 || month === 11) return 30;
  return month >= 1 && month <= 12 ? 31 : 0;
}

/** Parses a YYYY-MM-DD string that names a real calendar day, or returns undefined. */
export function tryParseDay(day: unknown): CivilDay | undefined {
  if (typeof day !== 'string') return undefined;
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const dayOfMonth = Number(match[3]);
  if (dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  return { year, month, day: dayOfMonth };
}

/** Parses a YYYY-MM-DD string that names a real calendar day; throws RangeError otherwise. */
export function parseDay(day: string): CivilDay {
  const parsed = tryParseDay(day);
  if (!parsed) throw new RangeError(`Not a calendar day in YYYY-MM-DD form: ${JSON.stringify(day)}`);
  return parsed;
}

/** Formats parts as YYYY-MM-DD; throws RangeError for a year outside 0000-9999. */
export function formatDay({ year, month, day }: CivilDay): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new RangeError(`Year ${year} cannot be written as YYYY`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a civil day (proleptic Gregorian); never fails for integer input. */
export function toEpochDay({ year, month, day }: CivilDay): number {
  // Howard Hinnant's days_from_civil: years start on 1 March so the leap day is the last of the year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil day of a count of days since 1970-01-01; never fails for integer input. */
export function fromEpochDay(epochDay: number): CivilDay {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week, 0 = Sunday ... 6 = Saturday; never fails for integer input. */
export function weekdayOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday.
  return (((epochDay + 4) % 7) + 7) % 7;
}
