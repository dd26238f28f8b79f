import { isCategory, type Category } from './Category';
import { HoursSum } from './exactHours';

/** Years in a continuing-education cycle (一般以三年为一个周期). */
export const CYCLE_YEARS = 3;
/** Required hours a cycle needs. */
export const REQUIRED_HOURS_PER_CYCLE = 45;
/** Total hours a cycle needs; required hours beyond 45 count toward it. */
export const TOTAL_HOURS_PER_CYCLE = 90;
/** The per-year target, shown as progress only. */
export const TARGET_HOURS_PER_YEAR = 30;

/** Recorded hours of one category in one year. */
export interface CycleEntry {
  readonly year: number;
  readonly category: Category;
  readonly hours: number;
}

/** The compliance verdict for one cycle. */
export interface CycleVerdict {
  startYear: number;
  endYear: number;
  requiredHours: number;
  electiveHours: number;
  totalHours: number;
  compliant: boolean;
  requiredShortfall: number;
  totalShortfall: number;
  years: { year: number; hours: number }[];
}

function checkHours(hours: number): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`Hours must be a finite non-negative number, got ${hours}`);
  }
  if (!Number.isSafeInteger(Math.round(hours * 3600))) throw new RangeError(`Hours too large: ${hours}`);
  return hours;
}

/**
 * The verdict for the cycle startYear..startYear+2: compliant iff required >= 45 and required +
 * elective >= 90, counting only entries inside those years. Exact for any hours (see exactHours: 0.1 +
 * 0.2 is 0.3, and 44.9999 is short of 45); throws RangeError for a non-integer startYear or an entry
 * with a non-integer year, an unknown category, or hours that are negative or not finite (net
 * reversing ledger entries before calling).
 */
export function cycleVerdict(entries: readonly CycleEntry[], startYear: number): CycleVerdict {
  if (!Number.isSafeInteger(startYear)) throw new RangeError(`The start year must be an integer, got ${startYear}`);
  const endYear = startYear + CYCLE_YEARS - 1;
  const perYear = new Map<number, HoursSum>();
  for (let year = startYear; year <= endYear; year++) perYear.set(year, new HoursSum());
  const required = new HoursSum();
  const elective = new HoursSum();
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.year)) throw new RangeError(`An entry's year must be an integer, got ${entry.year}`);
    if (!isCategory(entry.category)) throw new RangeError(`Unknown category: ${String(entry.category)}`);
    const hours = checkHours(entry.hours);
    const year = perYear.get(entry.year);
    if (year === undefined) continue;
    year.add(hours);
    (entry.category === 'REQUIRED' ? required : elective).add(hours);
  }
  const total = required.plus(elective);
  return {
    startYear,
    endYear,
    requiredHours: required.toNumber(),
    electiveHours: elective.toNumber(),
    totalHours: total.toNumber(),
    compliant: required.reaches(REQUIRED_HOURS_PER_CYCLE) && total.reaches(TOTAL_HOURS_PER_CYCLE),
    requiredShortfall: required.shortOf(REQUIRED_HOURS_PER_CYCLE),
    totalShortfall: total.shortOf(TOTAL_HOURS_PER_CYCLE),
    years: [...perYear].map(([year, hours]) => ({ year, hours: hours.toNumber() })),
  };
}
