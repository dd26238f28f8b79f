import { isCategory, type Category } from './Category';

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

const SECONDS_PER_HOUR = 3600;

// Sums run in whole seconds so that fractional courseware hours add up exactly (0.1 + 0.2 is 0.3).
function toSeconds(hours: number): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`Hours must be a finite non-negative number, got ${hours}`);
  }
  const seconds = Math.round(hours * SECONDS_PER_HOUR);
  if (!Number.isSafeInteger(seconds)) throw new RangeError(`Hours too large: ${hours}`);
  return seconds;
}

function toHours(seconds: number): number {
  if (!Number.isSafeInteger(seconds)) throw new RangeError('Hours in the cycle add up beyond exact range');
  return seconds / SECONDS_PER_HOUR;
}

/**
 * The verdict for the cycle startYear..startYear+2: compliant iff required >= 45 and required +
 * elective >= 90, counting only entries inside those years (hours exact to the second); throws
 * RangeError for a non-integer startYear or an entry with a non-integer year, an unknown category, or
 * hours that are negative or not finite (net reversing ledger entries before calling).
 */
export function cycleVerdict(entries: readonly CycleEntry[], startYear: number): CycleVerdict {
  if (!Number.isSafeInteger(startYear)) throw new RangeError(`The start year must be an integer, got ${startYear}`);
  const endYear = startYear + CYCLE_YEARS - 1;
  const perYear = new Map<number, number>();
  for (let year = startYear; year <= endYear; year++) perYear.set(year, 0);
  let required = 0;
  let elective = 0;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.year)) throw new RangeError(`An entry's year must be an integer, got ${entry.year}`);
    if (!isCategory(entry.category)) throw new RangeError(`Unknown category: ${String(entry.category)}`);
    const seconds = toSeconds(entry.hours);
    const yearSoFar = perYear.get(entry.year);
    if (yearSoFar === undefined) continue;
    perYear.set(entry.year, yearSoFar + seconds);
    if (entry.category === 'REQUIRED') required += seconds;
    else elective += seconds;
  }
  const total = required + elective;
  const requiredTarget = REQUIRED_HOURS_PER_CYCLE * SECONDS_PER_HOUR;
  const totalTarget = TOTAL_HOURS_PER_CYCLE * SECONDS_PER_HOUR;
  return {
    startYear,
    endYear,
    requiredHours: toHours(required),
    electiveHours: toHours(elective),
    totalHours: toHours(total),
    compliant: required >= requiredTarget && total >= totalTarget,
    requiredShortfall: toHours(Math.max(0, requiredTarget - required)),
    totalShortfall: toHours(Math.max(0, totalTarget - total)),
    years: [...perYear].map(([year, seconds]) => ({ year, hours: toHours(seconds) })),
  };
}
