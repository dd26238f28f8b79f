// The official PRC working-day calendar (全国年节及纪念日放假办法 as arranged each year by the General
// Office of the State Council, 国务院办公厅关于 YYYY 年部分节假日安排的通知). A year is held only when
// its notice has been published and entered here; see ../CALENDAR.md for how the next year gets in.
import { parseDay, toEpochDay, fromEpochDay, formatDay } from './calendarDay';

/** One calendar year's departures from the Monday-to-Friday rule. */
export interface OfficialYear {
  /** The notice(s) the year's entries come from. */
  readonly source: string;
  /** Days off (放假): single days or inclusive ranges `YYYY-MM-DD..YYYY-MM-DD`, weekend days included. */
  readonly daysOff: readonly string[];
  /** Saturdays and Sundays that are working days (调休上班). */
  readonly workingWeekendDays: readonly string[];
}

/**
 * Keyed by the calendar year the dates fall in, which is what "held" means: a notice for year Y can
 * move days in late December of Y-1 (2023's New Year holiday began on 2022-12-31), and those dates
 * belong in Y-1's entry.
 */
export const OFFICIAL_CALENDAR: Readonly<Record<number, OfficialYear>> = {
  2020: {
    source:
      '国务院办公厅关于2020年部分节假日安排的通知 (https://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm); ' +
      '国务院办公厅关于延长2020年春节假期的通知 (https://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm): ' +
      'Spring Festival extended to 2020-02-02, so Saturday 2020-02-01 is no longer a working day',
    daysOff: [
      '2020-01-01',
      '2020-01-24..2020-02-02',
      '2020-04-04..2020-04-06',
      '2020-05-01..2020-05-05',
      '2020-06-25..2020-06-27',
      '2020-10-01..2020-10-08',
    ],
    workingWeekendDays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  2021: {
    source: '国务院办公厅关于2021年部分节假日安排的通知 (https://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm)',
    daysOff: [
      '2021-01-01..2021-01-03',
      '2021-02-11..2021-02-17',
      '2021-04-03..2021-04-05',
      '2021-05-01..2021-05-05',
      '2021-06-12..2021-06-14',
      '2021-09-19..2021-09-21',
      '2021-10-01..2021-10-07',
    ],
    workingWeekendDays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  2022: {
    source:
      '国务院办公厅关于2022年部分节假日安排的通知 (https://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm); ' +
      '2022-12-31 from the 2023 notice (New Year holiday 2022-12-31..2023-01-02)',
    daysOff: [
      '2022-01-01..2022-01-03',
      '2022-01-31..2022-02-06',
      '2022-04-03..2022-04-05',
      '2022-04-30..2022-05-04',
      '2022-06-03..2022-06-05',
      '2022-09-10..2022-09-12',
      '2022-10-01..2022-10-07',
      '2022-12-31',
    ],
    workingWeekendDays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  2023: {
    source: '国务院办公厅关于2023年部分节假日安排的通知 (https://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm)',
    daysOff: [
      '2023-01-01..2023-01-02',
      '2023-01-21..2023-01-27',
      '2023-04-05',
      '2023-04-29..2023-05-03',
      '2023-06-22..2023-06-24',
      '2023-09-29..2023-10-06',
    ],
    workingWeekendDays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  2024: {
    source: '国务院办公厅关于2024年部分节假日安排的通知 (https://www.gov.cn/zhengce/content/202310/content_6911527.htm)',
    daysOff: [
      '2024-01-01',
      '2024-02-10..2024-02-17',
      '2024-04-04..2024-04-06',
      '2024-05-01..2024-05-05',
      '2024-06-10',
      '2024-09-15..2024-09-17',
      '2024-10-01..2024-10-07',
    ],
    workingWeekendDays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    source:
      '国务院办公厅关于2025年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm); ' +
      'from 2025 the statutory holidays are 13 days (Spring Festival and Labour Day +1 each)',
    daysOff: [
      '2025-01-01',
      '2025-01-28..2025-02-04',
      '2025-04-04..2025-04-06',
      '2025-05-01..2025-05-05',
      '2025-05-31..2025-06-02',
      '2025-10-01..2025-10-08',
    ],
    workingWeekendDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知 (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm)',
    daysOff: [
      '2026-01-01..2026-01-03',
      '2026-02-15..2026-02-23',
      '2026-04-04..2026-04-06',
      '2026-05-01..2026-05-05',
      '2026-06-19..2026-06-21',
      '2026-09-25..2026-09-27',
      '2026-10-01..2026-10-07',
    ],
    workingWeekendDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** The years whose official calendar is held, ascending. */
export const HELD_CALENDAR_YEARS: readonly number[] = Object.freeze(
  Object.keys(OFFICIAL_CALENDAR)
    .map(Number)
    .sort((a, b) => a - b),
);

/** A held year's days off and working weekend days as sets of YYYY-MM-DD. */
export interface HeldYear {
  readonly daysOff: ReadonlySet<string>;
  readonly workingWeekendDays: ReadonlySet<string>;
}

/** Expands `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD` to its days; throws RangeError on a malformed entry. */
export function expandDayRange(entry: string): string[] {
  const [from, to = from, ...rest] = entry.split('..');
  if (from === undefined || to === undefined || rest.length > 0) {
    throw new RangeError(`Malformed day range: ${entry}`);
  }
  const first = toEpochDay(parseDay(from));
  const last = toEpochDay(parseDay(to));
  if (last < first) throw new RangeError(`Day range ends before it starts: ${entry}`);
  const days: string[] = [];
  for (let d = first; d <= last; d++) days.push(formatDay(fromEpochDay(d)));
  return days;
}

/** A year's entry as sets of days, for lookups. */
function expandYear(entry: OfficialYear): HeldYear {
  return { daysOff: new Set(entry.daysOff.flatMap(expandDayRange)), workingWeekendDays: new Set(entry.workingWeekendDays) };
}

/** The years a working-day calendar holds and how each departs from the Monday-to-Friday rule. */
export interface WorkingDayCalendar {
  /** Ascending. */
  readonly heldYears: readonly number[];
  /** The held data for `year`, or undefined when that year's calendar is not held. */
  heldYear(year: number): HeldYear | undefined;
}

function calendarOf(entries: ReadonlyMap<number, OfficialYear>): WorkingDayCalendar {
  const held = new Map([...entries].map(([year, entry]) => [year, expandYear(entry)]));
  return { heldYears: Object.freeze([...held.keys()].sort((a, b) => a - b)), heldYear: (year) => held.get(year) };
}

/** The calendar of the notices entered in `OFFICIAL_CALENDAR`. */
export const BUILT_IN_CALENDAR: WorkingDayCalendar = calendarOf(
  new Map(HELD_CALENDAR_YEARS.flatMap((year) => (OFFICIAL_CALENDAR[year] ? [[year, OFFICIAL_CALENDAR[year]] as const] : []))),
);

/**
 * The built-in notices plus years loaded later (by the registrar, from a notice published since). A
 * year already built in keeps its entry: its source is the plan's, and a loaded copy never replaces it.
 */
export function calendarWithLoadedYears(loaded: ReadonlyMap<number, OfficialYear>): WorkingDayCalendar {
  const entries = new Map(loaded);
  for (const year of HELD_CALENDAR_YEARS) {
    const entry = OFFICIAL_CALENDAR[year];
    if (entry) entries.set(year, entry);
  }
  return calendarOf(entries);
}
