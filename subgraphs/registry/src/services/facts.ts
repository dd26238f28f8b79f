import {
  creditCodeOfIdentity,
  cycleVerdict,
  employerIdentity,
  minutesToHours,
  normaliseEmployer,
  suppressSmallCells,
} from '@xueshi/domain';
import type { CycleEntry } from '@xueshi/domain';
import { badInput } from '@xueshi/subgraph-kit';
import type { Caller, Db } from '@xueshi/subgraph-kit';
import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { creditEntries, employerStaff, employers, learners, outcomes, registrations } from '../db/schema';
import { requireAllowed } from '../policy';
import { csvDocument } from './csv';
import { checkYear, cycleStartYear, hasControlCharacters } from './validation';

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

/** One value per dimension to keep; a dimension left out is not filtered. */
export type FactFilter = Partial<Record<keyof FactKey, string | null>>;

interface Figures {
  learners: number;
  registrations: number;
  hours: number;
  feesFen: number;
  /** Shares of the registrations with an outcome reported; null when none has one. */
  completionRate: number | null;
  passRate: number | null;
}

export type FactRow = { key: FactKey } & (
  ({ suppressed: false } & Figures) | ({ suppressed: true } & { [K in keyof Figures]: null })
);

/** An answer: its rows, and the dimensions it is grouped by (the CSV's key columns). */
export interface FactAnswer {
  dimensions: FactDimension[];
  rows: FactRow[];
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

/**
 * Each dimension as SQL over a registration joined to its learner (and the employer listing the
 * learner, for EMPLOYER). Months are Asia/Shanghai (UTC+8 all year).
 */
const DIMENSION_SQL: Record<Exclude<FactDimension, 'EMPLOYER'>, SQL<string>> = {
  MONTH: sql<string>`to_char((${registrations.registeredAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`,
  INSTITUTION: sql<string>`${registrations.institution}`,
  COURSE: sql<string>`${registrations.courseId}`,
  CATEGORY: sql<string>`${registrations.category}`,
  DELIVERY_MODE: sql<string>`${registrations.deliveryMode}`,
  STATUS: sql<string>`${registrations.status}`,
};

interface Cell {
  coordinates: string[];
  learnerIds: string[];
  registrations: number;
  minutes: number;
  feesFen: number;
  reported: number;
  attended: number;
  passed: number;
  /** How many learners spelled the employer each way, to show the most common spelling. */
  spellings: Map<string, number>;
}

/** The spelling most learners used (the first in code-point order on a tie). */
const commonest = (spellings: Map<string, number>): string =>
  [...spellings].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0] ?? '';

/**
 * The identity an EMPLOYER coordinate from SQL (`code:<credit code>` or `name:<typed name>`) stands
 * for, with a typed name compared loosely.
 */
const identityOf = (coordinate: string): string =>
  coordinate.startsWith('name:') ? employerIdentity(coordinate.slice('name:'.length), null) : coordinate;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DELIVERY_MODES = ['LIVE_ONLINE', 'FACE_TO_FACE', 'ONLINE_COURSEWARE'];

/** The filter as one value per dimension, compared as the cells are; BAD_USER_INPUT for a value no row can have. */
function filterValues(filter: FactFilter | null | undefined): Map<FactDimension, string> {
  const values = new Map<FactDimension, string>();
  for (const dimension of FACT_DIMENSIONS) {
    const field = KEY_FIELD[dimension];
    const value = filter?.[field];
    if (value === null || value === undefined) continue;
    const malformed =
      value.length === 0 ||
      value.length > 200 ||
      hasControlCharacters(value) ||
      (dimension === 'MONTH' && !MONTH.test(value)) ||
      (dimension === 'DELIVERY_MODE' && !DELIVERY_MODES.includes(value));
    if (malformed)
      throw badInput({ zh: `筛选条件 ${field} 无效`, en: `Not a valid filter value for ${field}` }, `filter.${field}`);
    values.set(dimension, value);
  }
  return values;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/**
 * Registration facts for analysts: counts and sums by the dimensions asked for, never a learner-level
 * row. The database groups by the dimensions and the learner, so the suppression rule can count
 * distinct learners across groups; a learner an employer lists as its staff counts as that registered
 * employer (by credit code, shown by its registered name), any other by the name they typed compared
 * loosely (NFKC, no spaces, any case; shown as most of them wrote it, trimmed). Statuses are as recorded (the sweeper records lapses within a minute). A filtered
 * dimension is grouped by too and the answer is a slice of that, so a filtered answer is suppressed
 * exactly as the unfiltered one and differencing the two reveals nothing more.
 */
export function createFacts(options: { db: Db }) {
  const { db } = options;
  const origin = alias(creditEntries, 'origin');
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
  // The employer that lists a learner as its staff (ADR 0016); the latest listing when several do.
  const account = db
    .selectDistinctOn([employerStaff.idNumber], {
      idNumber: sql<string>`${employerStaff.idNumber}`.as('listed_id_number'),
      creditCode: sql<string>`${employerStaff.creditCode}`.as('listed_by'),
    })
    .from(employerStaff)
    .orderBy(employerStaff.idNumber, desc(employerStaff.listedAt), employerStaff.creditCode)
    .as('account');
  const employerSql = sql<string>`case when ${account.creditCode} is null then 'name:' || ${learners.employer} else 'code:' || ${account.creditCode} end`;
  const dimensionSql = (dimension: FactDimension): SQL<string> =>
    dimension === 'EMPLOYER' ? employerSql : DIMENSION_SQL[dimension];
  /** Registered employers' names by credit code, for the identities an answer shows. */
  const employerNames = async (identities: Iterable<string>): Promise<Map<string, string>> => {
    const codes = [...new Set([...identities].map(creditCodeOfIdentity).filter((code): code is string => code !== null))];
    if (codes.length === 0) return new Map();
    const rows = await db
      .select({ creditCode: employers.creditCode, name: employers.name })
      .from(employers)
      .where(inArray(employers.creditCode, codes));
    return new Map(rows.map((row) => [row.creditCode, row.name]));
  };
  /** Whether a filter value names an identity: a typed name as compared, or a registered employer's credit code or name. */
  const employerMatches = (identity: string, value: string, names: Map<string, string>): boolean => {
    const code = creditCodeOfIdentity(identity);
    if (code === null) return identity === employerIdentity(value, null);
    return code === value.trim() || normaliseEmployer(names.get(code) ?? '') === normaliseEmployer(value);
  };
  /** An identity as an answer shows it: the registered name, or the spelling most of its learners typed. */
  const employerLabel = (identity: string, spellings: Map<string, number>, names: Map<string, string>): string => {
    const code = creditCodeOfIdentity(identity);
    return code === null ? commonest(spellings) : (names.get(code) ?? code);
  };

  return {
    /** UNAUTHENTICATED/FORBIDDEN unless an analyst or the registrar; BAD_USER_INPUT for a bad year or filter. */
    registrationFacts: async (
      caller: Caller | null,
      args: { year: number; groupBy: readonly FactDimension[]; filter?: FactFilter | null },
    ): Promise<FactAnswer> => {
      requireAllowed('aggregateFigures', caller);
      checkYear(args.year);
      const filter = filterValues(args.filter);
      const grouped = FACT_DIMENSIONS.filter((dimension) => args.groupBy.includes(dimension));
      const dimensions = FACT_DIMENSIONS.filter((dimension) => grouped.includes(dimension) || filter.has(dimension));
      const coordinates = dimensions.map(dimensionSql);
      const rows = await db
        .select({
          coordinates: sql<string[]>`array[${sql.join(coordinates, sql`, `)}]::text[]`,
          learnerId: registrations.learnerId,
          registrations: sql<number>`count(*)`.mapWith(Number),
          minutes: sql<number>`coalesce(sum(${credit.minutes}), 0)`.mapWith(Number),
          feesFen:
            sql<number>`coalesce(sum(${registrations.feeFen} - coalesce(${registrations.refundFen}, 0)) filter (where ${registrations.paidAt} is not null), 0)`.mapWith(
              Number,
            ),
          reported: sql<number>`count(${outcomes.registrationId})`.mapWith(Number),
          attended: sql<number>`count(*) filter (where ${outcomes.attendedFully})`.mapWith(Number),
          passed: sql<number>`count(*) filter (where ${outcomes.examPassed})`.mapWith(Number),
        })
        .from(registrations)
        .innerJoin(learners, eq(learners.id, registrations.learnerId))
        .leftJoin(account, eq(account.idNumber, learners.idNumber))
        .leftJoin(credit, eq(credit.registrationId, registrations.id))
        .leftJoin(outcomes, eq(outcomes.registrationId, registrations.id))
        .where(eq(registrations.year, args.year))
        .groupBy(...coordinates, registrations.learnerId);

      const employerAt = dimensions.indexOf('EMPLOYER');
      const cells = new Map<string, Cell>();
      for (const row of rows) {
        const values = row.coordinates.map((value, index) => (index === employerAt ? identityOf(value) : value));
        const id = JSON.stringify(values);
        const cell: Cell = cells.get(id) ?? {
          coordinates: values,
          learnerIds: [],
          registrations: 0,
          minutes: 0,
          feesFen: 0,
          reported: 0,
          attended: 0,
          passed: 0,
          spellings: new Map(),
        };
        cell.learnerIds.push(row.learnerId);
        cell.registrations += row.registrations;
        cell.minutes += row.minutes;
        cell.feesFen += row.feesFen;
        cell.reported += row.reported;
        cell.attended += row.attended;
        cell.passed += row.passed;
        if (employerAt >= 0) {
          const spelling = (row.coordinates[employerAt] ?? '')
            .replace(/^name:/, '')
            .trim()
            .replace(/\s+/g, ' ');
          cell.spellings.set(spelling, (cell.spellings.get(spelling) ?? 0) + 1);
        }
        cells.set(id, cell);
      }

      const ordered = [...cells.values()].sort((a, b) =>
        JSON.stringify(a.coordinates) < JSON.stringify(b.coordinates) ? -1 : 1,
      );
      const withheld = suppressSmallCells(ordered);
      const names =
        employerAt >= 0
          ? await employerNames(ordered.map((cell) => cell.coordinates[employerAt] ?? ''))
          : new Map<string, string>();
      const kept = (dimension: FactDimension, value: string | undefined) => {
        const wanted = filter.get(dimension);
        if (wanted === undefined) return true;
        return dimension === 'EMPLOYER' ? employerMatches(value ?? '', wanted, names) : wanted === value;
      };
      const answer: FactRow[] = [];
      ordered.forEach((cell, index) => {
        if (!dimensions.every((dimension, at) => kept(dimension, cell.coordinates[at]))) return;
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
          if (!grouped.includes(dimension)) return;
          key[KEY_FIELD[dimension]] =
            at === employerAt ? employerLabel(cell.coordinates[at] ?? '', cell.spellings, names) : (cell.coordinates[at] ?? null);
        });
        answer.push(
          withheld[index]
            ? {
                key,
                learners: null,
                registrations: null,
                hours: null,
                feesFen: null,
                completionRate: null,
                passRate: null,
                suppressed: true,
              }
            : {
                key,
                learners: new Set(cell.learnerIds).size,
                registrations: cell.registrations,
                hours: minutesToHours(cell.minutes),
                feesFen: cell.feesFen,
                completionRate: rate(cell.attended, cell.reported),
                passRate: rate(cell.passed, cell.reported),
                suppressed: false,
              },
        );
      });
      return { dimensions: grouped, rows: answer };
    },

    /**
     * How many of the learners whose 3-year cycle starts in `startYear` (accounts not locked) meet its
     * requirements, by employer and by employer size (how many learners the registry holds from the
     * employer), with the same suppression. A learner without credit counts, as not compliant.
     */
    complianceFacts: async (
      caller: Caller | null,
      args: { startYear: number; groupBy: readonly ComplianceDimension[] },
    ): Promise<ComplianceAnswer> => {
      requireAllowed('aggregateFigures', caller);
      const startYear = cycleStartYear(args.startYear);
      const endYear = startYear + 2;
      const dimensions = COMPLIANCE_DIMENSIONS.filter((dimension) => args.groupBy.includes(dimension));
      const [people, employerCounts, credit] = await Promise.all([
        db
          .select({ id: learners.id, employer: employerSql })
          .from(learners)
          .leftJoin(account, eq(account.idNumber, learners.idNumber))
          .where(and(eq(learners.cycleStartYear, startYear), isNull(learners.lockedAt))),
        db
          .select({ employer: employerSql, count: sql<number>`count(*)`.mapWith(Number) })
          .from(learners)
          .leftJoin(account, eq(account.idNumber, learners.idNumber))
          .where(isNull(learners.lockedAt))
          .groupBy(employerSql),
        db
          .select({
            learnerId: creditEntries.learnerId,
            year: creditEntries.year,
            category: creditEntries.category,
            minutes: sql<number>`sum(${creditEntries.minutes})`.mapWith(Number),
          })
          .from(creditEntries)
          .innerJoin(learners, eq(learners.id, creditEntries.learnerId))
          .where(
            and(eq(learners.cycleStartYear, startYear), gte(creditEntries.year, startYear), lte(creditEntries.year, endYear)),
          )
          .groupBy(creditEntries.learnerId, creditEntries.year, creditEntries.category),
      ]);
      const employerSizes = new Map<string, number>();
      for (const { employer, count } of employerCounts) {
        const key = identityOf(employer);
        employerSizes.set(key, (employerSizes.get(key) ?? 0) + count);
      }
      const entriesOf = new Map<string, CycleEntry[]>();
      for (const entry of credit) {
        if (entry.minutes <= 0) continue;
        const list = entriesOf.get(entry.learnerId) ?? [];
        list.push({ year: entry.year, category: entry.category, hours: minutesToHours(entry.minutes) });
        entriesOf.set(entry.learnerId, list);
      }

      const cells = new Map<
        string,
        { coordinates: string[]; learnerIds: string[]; compliant: number; spellings: Map<string, number> }
      >();
      for (const person of people) {
        const employer = identityOf(person.employer);
        const values = dimensions.map((dimension) =>
          dimension === 'EMPLOYER' ? employer : sizeBand(employerSizes.get(employer) ?? 1),
        );
        const id = JSON.stringify(values);
        const cell = cells.get(id) ?? { coordinates: values, learnerIds: [], compliant: 0, spellings: new Map<string, number>() };
        cell.learnerIds.push(person.id);
        if (cycleVerdict(entriesOf.get(person.id) ?? [], startYear).compliant) cell.compliant += 1;
        const spelling = person.employer
          .replace(/^name:/, '')
          .trim()
          .replace(/\s+/g, ' ');
        cell.spellings.set(spelling, (cell.spellings.get(spelling) ?? 0) + 1);
        cells.set(id, cell);
      }
      const ordered = [...cells.values()].sort((a, b) =>
        JSON.stringify(a.coordinates) < JSON.stringify(b.coordinates) ? -1 : 1,
      );
      const withheld = suppressSmallCells(ordered);
      const employerAt = dimensions.indexOf('EMPLOYER');
      const names =
        employerAt >= 0
          ? await employerNames(ordered.map((cell) => cell.coordinates[employerAt] ?? ''))
          : new Map<string, string>();
      const rows = ordered.map((cell, index): ComplianceRow => {
        const key = {
          employer: employerAt >= 0 ? employerLabel(cell.coordinates[employerAt] ?? '', cell.spellings, names) : null,
          employerSize: cell.coordinates[dimensions.indexOf('EMPLOYER_SIZE')] ?? null,
        };
        return withheld[index]
          ? { key, learners: null, compliant: null, compliantShare: null, suppressed: true }
          : {
              key,
              learners: cell.learnerIds.length,
              compliant: cell.compliant,
              compliantShare: rate(cell.compliant, cell.learnerIds.length),
              suppressed: false,
            };
      });
      return { startYear, endYear, dimensions, rows };
    },
  };
}

export const COMPLIANCE_DIMENSIONS = ['EMPLOYER', 'EMPLOYER_SIZE'] as const;
export type ComplianceDimension = (typeof COMPLIANCE_DIMENSIONS)[number];

/** Employer size bands, by how many learners the registry holds from the employer. */
const SIZE_BANDS = [
  { from: 250, band: '250+' },
  { from: 50, band: '50–249' },
  { from: 10, band: '10–49' },
  { from: 1, band: '1–9' },
];
const sizeBand = (learnerCount: number) => SIZE_BANDS.find(({ from }) => learnerCount >= from)?.band ?? '1–9';

export interface ComplianceRow {
  key: { employer: string | null; employerSize: string | null };
  learners: number | null;
  compliant: number | null;
  compliantShare: number | null;
  suppressed: boolean;
}

export interface ComplianceAnswer {
  startYear: number;
  endYear: number;
  dimensions: ComplianceDimension[];
  rows: ComplianceRow[];
}

const CSV_HEADING: Record<FactDimension, string> = {
  MONTH: '月份',
  INSTITUTION: '实施机构',
  COURSE: '课程',
  CATEGORY: '类别',
  DELIVERY_MODE: '培训方式',
  STATUS: '报名状态',
  EMPLOYER: '工作单位',
};

const figure = (value: number | null) => (value === null ? '' : String(value));

/** An answer as CSV (UTF-8 with BOM): its key columns, then the figures; a suppressed row has empty figures. */
export function factsCsv(answer: FactAnswer): string {
  return csvDocument([
    [
      ...answer.dimensions.map((dimension) => CSV_HEADING[dimension]),
      '学员数',
      '报名数',
      '学时',
      '实收费用（分）',
      '全程参加率',
      '考试合格率',
      '已抑制（少于5人）',
    ],
    ...answer.rows.map((row) => [
      ...answer.dimensions.map((dimension) => row.key[KEY_FIELD[dimension]] ?? ''),
      figure(row.learners),
      figure(row.registrations),
      figure(row.hours),
      figure(row.feesFen),
      figure(row.completionRate),
      figure(row.passRate),
      row.suppressed ? '是' : '否',
    ]),
  ]);
}

/** A compliance answer as CSV (UTF-8 with BOM). */
export function complianceFactsCsv(answer: ComplianceAnswer): string {
  const heading: Record<ComplianceDimension, string> = { EMPLOYER: '工作单位', EMPLOYER_SIZE: '单位规模（学员数）' };
  return csvDocument([
    [...answer.dimensions.map((dimension) => heading[dimension]), '学员数', '达标', '达标比例', '已抑制（少于5人）'],
    ...answer.rows.map((row) => [
      ...answer.dimensions.map((dimension) => (dimension === 'EMPLOYER' ? row.key.employer : row.key.employerSize) ?? ''),
      figure(row.learners),
      figure(row.compliant),
      figure(row.compliantShare),
      row.suppressed ? '是' : '否',
    ]),
  ]);
}

export type Facts = ReturnType<typeof createFacts>;
