import { minutesToHours, normaliseEmployer, suppressSmallCells } from '@xueshi/domain';
import type { Caller, Db } from '@xueshi/subgraph-kit';
import { eq, isNotNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { creditEntries, learners, registrations } from '../db/schema';
import { requireAnalyst } from './access';
import { checkYear } from './validation';

export const FACT_DIMENSIONS = ['MONTH', 'INSTITUTION', 'COURSE', 'CATEGORY', 'DELIVERY_MODE', 'STATUS', 'EMPLOYER'] as const;
export type FactDimension = (typeof FACT_DIMENSIONS)[number];

/** The key of a row: the group's value in each dimension asked for, null in the others. */
export interface FactKey {
  month: string | null;
  institution: string | null;
  course: string | null;
  category: string | null;
  deliveryMode: string | null;
  status: string | null;
  employer: string | null;
}

export interface FactRow {
  key: FactKey;
  learners: number | null;
  registrations: number | null;
  hours: number | null;
  suppressed: boolean;
}

const KEY_FIELD: Record<FactDimension, keyof FactKey> = {
  MONTH: 'month',
  INSTITUTION: 'institution',
  COURSE: 'course',
  CATEGORY: 'category',
  DELIVERY_MODE: 'deliveryMode',
  STATUS: 'status',
  EMPLOYER: 'employer',
};

/** Each dimension as SQL over a registration joined to its learner. Months are Asia/Shanghai (UTC+8 all year). */
const DIMENSION_SQL: Record<FactDimension, SQL<string>> = {
  MONTH: sql<string>`to_char((${registrations.registeredAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`,
  INSTITUTION: sql<string>`${registrations.institution}`,
  COURSE: sql<string>`${registrations.courseId}`,
  CATEGORY: sql<string>`${registrations.category}`,
  DELIVERY_MODE: sql<string>`${registrations.deliveryMode}`,
  STATUS: sql<string>`${registrations.status}`,
  EMPLOYER: sql<string>`${learners.employer}`,
};

interface Cell {
  coordinates: string[];
  learnerIds: string[];
  registrations: number;
  minutes: number;
  /** How many learners spelled the employer each way, to show the most common spelling. */
  spellings: Map<string, number>;
}

/** The spelling most learners used (the first in code-point order on a tie). */
const commonest = (spellings: Map<string, number>): string =>
  [...spellings].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0] ?? '';

/**
 * Registration facts for analysts: counts and sums by the dimensions asked for, never a learner-level
 * row. The database groups by the dimensions and the learner, so the suppression rule can count
 * distinct learners across groups; employers are grouped as the registry compares them (NFKC, no
 * spaces, any case). Statuses are as recorded (the sweeper records lapses within a minute).
 */
export function createFacts(options: { db: Db }) {
  const { db } = options;
  const origin = alias(creditEntries, 'origin');

  return {
    /** UNAUTHENTICATED/FORBIDDEN unless an analyst or the registrar; BAD_USER_INPUT for a bad year. */
    registrationFacts: async (
      caller: Caller | null,
      args: { year: number; groupBy: readonly FactDimension[] },
    ): Promise<FactRow[]> => {
      requireAnalyst(caller);
      checkYear(args.year);
      const dimensions = FACT_DIMENSIONS.filter((dimension) => args.groupBy.includes(dimension));
      // Credit earned per registration: its entries and the entries reversing them.
      const credit = db
        .select({
          registrationId: sql<string>`${origin.registrationId}`.as('credited_registration_id'),
          minutes: sql<number>`sum(${creditEntries.minutes})`.as('credited_minutes'),
        })
        .from(origin)
        .innerJoin(creditEntries, or(eq(creditEntries.id, origin.id), eq(creditEntries.reverses, origin.id)))
        .where(isNotNull(origin.registrationId))
        .groupBy(origin.registrationId)
        .as('credit');
      const coordinates = dimensions.map((dimension) => DIMENSION_SQL[dimension]);
      const rows = await db
        .select({
          coordinates: sql<string[]>`array[${sql.join(coordinates, sql`, `)}]::text[]`,
          learnerId: registrations.learnerId,
          registrations: sql<number>`count(*)`.mapWith(Number),
          minutes: sql<number>`coalesce(sum(${credit.minutes}), 0)`.mapWith(Number),
        })
        .from(registrations)
        .innerJoin(learners, eq(learners.id, registrations.learnerId))
        .leftJoin(credit, eq(credit.registrationId, registrations.id))
        .where(eq(registrations.year, args.year))
        .groupBy(...coordinates, registrations.learnerId);

      const employerAt = dimensions.indexOf('EMPLOYER');
      const cells = new Map<string, Cell>();
      for (const row of rows) {
        const grouped = row.coordinates.map((value, index) => (index === employerAt ? normaliseEmployer(value) : value));
        const id = JSON.stringify(grouped);
        const cell: Cell = cells.get(id) ?? {
          coordinates: grouped,
          learnerIds: [],
          registrations: 0,
          minutes: 0,
          spellings: new Map(),
        };
        cell.learnerIds.push(row.learnerId);
        cell.registrations += row.registrations;
        cell.minutes += row.minutes;
        if (employerAt >= 0) {
          const spelling = row.coordinates[employerAt] ?? '';
          cell.spellings.set(spelling, (cell.spellings.get(spelling) ?? 0) + 1);
        }
        cells.set(id, cell);
      }

      const ordered = [...cells.values()].sort((a, b) =>
        JSON.stringify(a.coordinates) < JSON.stringify(b.coordinates) ? -1 : 1,
      );
      const withheld = suppressSmallCells(ordered);
      return ordered.map((cell, index) => {
        const key: FactKey = {
          month: null,
          institution: null,
          course: null,
          category: null,
          deliveryMode: null,
          status: null,
          employer: null,
        };
        dimensions.forEach((dimension, at) => {
          key[KEY_FIELD[dimension]] = at === employerAt ? commonest(cell.spellings) : (cell.coordinates[at] ?? null);
        });
        return withheld[index]
          ? { key, learners: null, registrations: null, hours: null, suppressed: true }
          : {
              key,
              learners: new Set(cell.learnerIds).size,
              registrations: cell.registrations,
              hours: minutesToHours(cell.minutes),
              suppressed: false,
            };
      });
    },
  };
}

export type Facts = ReturnType<typeof createFacts>;
