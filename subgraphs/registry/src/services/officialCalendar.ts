import {
  BUILT_IN_CALENDAR,
  HELD_CALENDAR_YEARS,
  OFFICIAL_CALENDAR,
  calendarWithLoadedYears,
  creditVisibility,
  officialYearProblems,
  shanghaiDay,
} from '@xueshi/domain';
import type { CreditVisibility, OfficialYear, OfficialYearProblem, WorkingDayCalendar } from '@xueshi/domain';
import { badInput, conflict, retryOnConflict } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { creditEntries, officialCalendarYears } from '../db/schema';
import type { OfficialCalendarYearRow } from '../db/schema';
import type { Executor, Tx } from '../store/executor';
import { checkYear, text } from './validation';
import { requireAllowed } from '../policy';

export interface OfficialCalendarInput {
  year: number;
  title: string;
  url: string;
  daysOff: string[];
  workingWeekendDays: string[];
  reason?: string | null;
}

/** A year of the calendar as the graph shows it: built in from the plan's notices, or loaded since. */
export interface OfficialCalendarYearView {
  year: number;
  version: number;
  source: string;
  url: string | null;
  daysOff: readonly string[];
  workingWeekendDays: readonly string[];
  builtIn: boolean;
  reason: string | null;
  loadedBy: string | null;
  loadedAt: Date | null;
}

export interface OfficialCalendarLoad {
  calendar: OfficialCalendarYearView;
  /** Pending entries dated, plus entries not yet visible whose day the new version moved. */
  datedEntries: number;
  /** Entries still pending, on a later year. */
  pendingEntries: number;
}

/** The most entries in a list of days (a day or an inclusive range `a..b` each); notices name about 15. */
const MAX_DAYS_PER_LIST = 60;
/** Taken shared by every write of a credit entry and alone by a year's loading. */
const CALENDAR_LOCK = 'xueshi-official-calendar';
/** Notices are published by the State Council on gov.cn; no other address is a source. */
const NOTICE_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*gov\.cn(?:\/[^\s<>"'`]*)?$/i;

const viewOfRow = (row: OfficialCalendarYearRow): OfficialCalendarYearView => ({
  year: row.year,
  version: row.version,
  source: row.title,
  url: row.url,
  daysOff: row.daysOff,
  workingWeekendDays: row.workingWeekendDays,
  builtIn: false,
  reason: row.reason,
  loadedBy: row.loadedBy,
  loadedAt: row.loadedAt,
});

const builtInView = (year: number, entry: OfficialYear): OfficialCalendarYearView => ({
  year,
  version: 1,
  source: entry.source,
  url: null,
  daysOff: entry.daysOff,
  workingWeekendDays: entry.workingWeekendDays,
  builtIn: true,
  reason: null,
  loadedBy: null,
  loadedAt: null,
});

const BUILT_IN_VIEWS: readonly OfficialCalendarYearView[] = HELD_CALENDAR_YEARS.flatMap((year) => {
  const entry = OFFICIAL_CALENDAR[year];
  return entry ? [builtInView(year, entry)] : [];
});

const FIELD_NAMES = {
  daysOff: { zh: '放假日期', en: 'days off' },
  workingWeekendDays: { zh: '调休上班日期', en: 'working weekend days' },
};

/** A problem in the registrar's words, naming the entry at fault. */
function problemMessage(year: number, problem: OfficialYearProblem, input: OfficialCalendarInput) {
  switch (problem.kind) {
    case 'NO_DAYS_OFF':
      return badInput({ zh: '通知中的放假日期不能为空', en: 'A notice always names days off; none were given' }, 'daysOff');
    case 'OFF_AND_WORKING':
      return badInput(
        { zh: `${problem.day} 不能既放假又上班`, en: `${problem.day} cannot be both a day off and a working day` },
        'workingWeekendDays',
      );
    case 'NOT_A_WEEKEND_DAY':
      return badInput(
        {
          zh: `调休上班日期第 ${problem.index + 1} 项（${input.workingWeekendDays[problem.index] ?? ''}）不是周六或周日`,
          en: `Working weekend day ${problem.index + 1} (${input.workingWeekendDays[problem.index] ?? ''}) is not a Saturday or Sunday`,
        },
        `workingWeekendDays.${problem.index}`,
      );
    case 'OUTSIDE_YEAR':
    case 'MALFORMED': {
      const field = FIELD_NAMES[problem.field];
      const reason =
        problem.kind === 'MALFORMED'
          ? { zh: '应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD', en: 'must be YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD' }
          : { zh: `不在 ${year} 年内`, en: `is not in ${year}` };
      return badInput(
        {
          zh: `${field.zh}第 ${problem.index + 1} 项${reason.zh}`,
          en: `Entry ${problem.index + 1} of the ${field.en} ${reason.en}`,
        },
        `${problem.field}.${problem.index}`,
      );
    }
  }
}

/**
 * The official working-day calendar: the years built in from the plan's notices plus those the
 * registrar has loaded since, each loaded year's newest version counting. Loading a year dates every
 * entry that waited for it, in the same transaction.
 */
export function createOfficialCalendar(options: { db: Db; clock: Clock }) {
  const { db, clock } = options;

  /** The newest version of each loaded year. */
  const loadedYears = async (reader: Executor): Promise<OfficialCalendarYearRow[]> =>
    reader
      .selectDistinctOn([officialCalendarYears.year])
      .from(officialCalendarYears)
      .orderBy(officialCalendarYears.year, desc(officialCalendarYears.version));

  const calendarOf = (rows: readonly OfficialCalendarYearRow[]): WorkingDayCalendar =>
    rows.length === 0
      ? BUILT_IN_CALENDAR
      : calendarWithLoadedYears(
          new Map(
            rows.map((row) => [
              row.year,
              { source: row.title, daysOff: row.daysOff, workingWeekendDays: row.workingWeekendDays },
            ]),
          ),
        );

  /**
   * The calendar as `tx` sees it, with the calendar lock held shared until `tx` ends (so a year being
   * loaded either is seen here or sees what `tx` writes); read once per transaction, however many
   * entries it writes (a session's roster reported at once).
   */
  const inTransaction = new WeakMap<Tx, Promise<WorkingDayCalendar>>();
  const calendarIn = (tx: Tx): Promise<WorkingDayCalendar> => {
    let calendar = inTransaction.get(tx);
    if (!calendar) {
      calendar = (async () => {
        await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtext(${CALENDAR_LOCK}))`);
        return calendarOf(await loadedYears(tx));
      })();
      inTransaction.set(tx, calendar);
    }
    return calendar;
  };
  const shareCalendar = async (tx: Tx): Promise<void> => {
    await calendarIn(tx);
  };

  return {
    /** When an entry whose last day is `lastDay`, written by `tx`, becomes visible (see calendarIn). */
    visibilityOf: async (tx: Tx, lastDay: string): Promise<CreditVisibility> => creditVisibility(await calendarIn(tx), lastDay),

    /** Holds the calendar lock shared until `tx` ends: for writes that copy an entry's visibility. */
    shareCalendar,

    /** Every year held, ascending: built in, or the newest version loaded. */
    years: async (): Promise<OfficialCalendarYearView[]> =>
      [...BUILT_IN_VIEWS, ...(await loadedYears(db)).map(viewOfRow)].sort((a, b) => a.year - b.year),

    /** Every version loaded for `year`, newest first; the built-in entry alone for a year built in. */
    versions: async (year: number): Promise<OfficialCalendarYearView[]> => {
      const builtIn = BUILT_IN_VIEWS.find((view) => view.year === year);
      if (builtIn) return [builtIn];
      const rows = await db
        .select()
        .from(officialCalendarYears)
        .where(eq(officialCalendarYears.year, year))
        .orderBy(desc(officialCalendarYears.version));
      return rows.map(viewOfRow);
    },

    /**
     * Loads a year's notice as a new version (the registrar only), then dates, in the same transaction,
     * every entry pending on that year, and re-dates entries not yet visible whose count ran through an
     * earlier version of it. Entries already visible keep their day: a learner who has seen credit never
     * sees it disappear. CONFLICT for a year built in from the plan; BAD_USER_INPUT for a bad notice.
     */
    load: async (caller: Caller | null, input: OfficialCalendarInput): Promise<OfficialCalendarLoad> => {
      const registrar = requireAllowed('calendarLoading', caller);
      checkYear(input.year);
      if (HELD_CALENDAR_YEARS.includes(input.year)) {
        throw conflict({
          zh: `${input.year} 年的节假日安排已按通知载入系统，不能替换`,
          en: `The ${input.year} calendar is built in from its notice and cannot be replaced`,
        });
      }
      const title = text(input.title, 'title', {
        min: 10,
        max: 200,
        zh: '请填写通知标题，如“国务院办公厅关于2027年部分节假日安排的通知”',
        en: 'Give the notice title, e.g. 国务院办公厅关于2027年部分节假日安排的通知',
      });
      const url = input.url.trim();
      if (!NOTICE_URL.test(url) || url.length > 500) {
        throw badInput({ zh: '请填写通知在中国政府网（gov.cn）上的地址', en: 'Give the notice address on gov.cn' }, 'url');
      }
      const reason =
        input.reason === null || input.reason === undefined || input.reason.trim() === ''
          ? null
          : text(input.reason, 'reason', {
              min: 2,
              max: 500,
              zh: '更正原因应为 2–500 字',
              en: 'The reason must be 2–500 characters',
            });
      for (const field of ['daysOff', 'workingWeekendDays'] as const) {
        if (input[field].length > MAX_DAYS_PER_LIST) {
          throw badInput(
            {
              zh: `${FIELD_NAMES[field].zh}最多 ${MAX_DAYS_PER_LIST} 项`,
              en: `At most ${MAX_DAYS_PER_LIST} ${FIELD_NAMES[field].en}`,
            },
            field,
          );
        }
      }
      const daysOff = input.daysOff.map((day) => day.trim());
      const workingWeekendDays = input.workingWeekendDays.map((day) => day.trim());
      const [problem] = officialYearProblems(input.year, { daysOff, workingWeekendDays });
      if (problem) throw problemMessage(input.year, problem, input);
      const now = clock.now();
      const today = shanghaiDay(now);

      return retryOnConflict(() =>
        db.transaction(async (tx) => {
          // Alone: versions are numbered in order, and no entry is written pending meanwhile.
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${CALENDAR_LOCK}))`);
          const [latest] = await tx
            .select({ version: officialCalendarYears.version })
            .from(officialCalendarYears)
            .where(eq(officialCalendarYears.year, input.year))
            .orderBy(desc(officialCalendarYears.version))
            .limit(1);
          if (latest && reason === null) {
            throw badInput(
              {
                zh: `${input.year} 年已载入，更正须写明原因`,
                en: `${input.year} is already loaded; a correction needs a reason`,
              },
              'reason',
            );
          }
          const [row] = await tx
            .insert(officialCalendarYears)
            .values({
              year: input.year,
              version: (latest?.version ?? 0) + 1,
              title,
              url,
              daysOff,
              workingWeekendDays,
              reason,
              loadedBy: registrar.subject,
              loadedAt: now,
            })
            .returning();
          if (!row) throw new Error('insert returned no calendar year');
          const calendar = calendarOf(await loadedYears(tx));
          const yearStart = `${input.year}-01-01`;
          const yearEnd = `${input.year}-12-31`;
          const affected = await tx
            .select({
              id: creditEntries.id,
              completedOn: creditEntries.completedOn,
              visibleFrom: creditEntries.visibleFrom,
              pendingCalendarYear: creditEntries.pendingCalendarYear,
            })
            .from(creditEntries)
            .where(
              or(
                isNotNull(creditEntries.pendingCalendarYear),
                and(
                  sql`${creditEntries.visibleFrom} > ${today}`,
                  sql`${creditEntries.visibleFrom} >= ${yearStart}`,
                  sql`${creditEntries.completedOn} <= ${yearEnd}`,
                ),
              ),
            );
          // Entries completed on the same day share their visibility: one statement per day.
          const byDay = new Map<string, typeof affected>();
          for (const entry of affected) byDay.set(entry.completedOn, [...(byDay.get(entry.completedOn) ?? []), entry]);
          let datedEntries = 0;
          let pendingEntries = 0;
          for (const [completedOn, entries] of byDay) {
            const visibility = creditVisibility(calendar, completedOn);
            if (visibility.pendingCalendarYear !== null) pendingEntries += entries.length;
            const changed = entries.filter(
              (entry) =>
                entry.visibleFrom !== visibility.visibleFrom || entry.pendingCalendarYear !== visibility.pendingCalendarYear,
            );
            if (changed.length === 0) continue;
            await tx
              .update(creditEntries)
              .set(visibility)
              .where(
                inArray(
                  creditEntries.id,
                  changed.map((entry) => entry.id),
                ),
              );
            if (visibility.visibleFrom !== null) datedEntries += changed.length;
          }
          return { calendar: viewOfRow(row), datedEntries, pendingEntries };
        }),
      );
    },
  };
}

export type OfficialCalendar = ReturnType<typeof createOfficialCalendar>;
