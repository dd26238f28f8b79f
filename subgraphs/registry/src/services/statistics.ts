import { MIN_LEARNERS_PER_CELL, cycleVerdict, minutesToHours, splitIsSmall, suppressSmallCells } from '@xueshi/domain';
import { INSTITUTIONS, institution } from '@xueshi/institutions';
import { executedRows } from '@xueshi/subgraph-kit';
import type { Caller, Db } from '@xueshi/subgraph-kit';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { creditEntries, payments, refunds, registrations } from '../db/schema';
import { requireAllowed } from '../policy';
import { csvDocument } from './csv';
import { checkYear } from './validation';

/** The counts of a row that can be withheld on their own (ADR 0028). */
const COUNTS = ['paid', 'completed', 'failed', 'withdrawn', 'expired'] as const;
type CountName = (typeof COUNTS)[number];

/** A row's figures: null where withheld, `suppressed` when any is. */
export interface RowFigures {
  registrations: number | null;
  paid: number | null;
  completed: number | null;
  failed: number | null;
  withdrawn: number | null;
  expired: number | null;
  creditHours: number | null;
  revenueFen: number | null;
  suppressed: boolean;
}

export interface InstitutionFigures extends RowFigures {
  institution: string;
}

export interface ProgrammeFigures extends RowFigures {
  year: number;
  learners: number | null;
  byInstitution: InstitutionFigures[];
}

export interface ComplianceFigures {
  startYear: number;
  endYear: number;
  learnersWithCredit: number | null;
  compliant: number | null;
  requiredShort: number | null;
  totalShort: number | null;
  suppressed: boolean;
}

/** The sets of a row's learners whose sizes decide what is withheld. */
const SETS = ['learners', 'registrants', 'creditors', ...COUNTS] as const;
type SetName = (typeof SETS)[number];

/**
 * What one row is computed from, counted in the database: its learners, their registrations' counts,
 * credit and money. `few` names the learners of each of the row's sets of 1–4 learners (and only those):
 * what withheld rows describe together is a union, and below the minimum it needs their ids.
 */
interface Row {
  learners: number;
  registrants: number;
  creditors: number;
  registrations: number;
  counts: Record<CountName, number>;
  /** Learners with at least one registration the count covers, and with at least one it does not. */
  counted: Record<CountName, number>;
  rest: Record<CountName, number>;
  minutes: number;
  revenueFen: number;
  few: Record<SetName, string[]>;
}

const byCount = <T>(make: () => T) => Object.fromEntries(COUNTS.map((name) => [name, make()])) as Record<CountName, T>;

const emptyRow = (): Row => ({
  learners: 0,
  registrants: 0,
  creditors: 0,
  registrations: 0,
  counts: byCount(() => 0),
  counted: byCount(() => 0),
  rest: byCount(() => 0),
  minutes: 0,
  revenueFen: 0,
  few: Object.fromEntries(SETS.map((name) => [name, []])) as unknown as Record<SetName, string[]>,
});

/** The size of one of a row's sets. */
const sizeOf = (row: Row, set: SetName) =>
  set === 'learners' || set === 'registrants' || set === 'creditors' ? row[set] : row.counted[set];

/**
 * How many distinct learners the rows' sets describe together, exactly when fewer than the minimum (all
 * the rule asks): a row's set of the minimum or more alone reaches it, and smaller ones are named.
 */
function togetherSize(rows: readonly Row[], set: SetName): number {
  const largest = Math.max(0, ...rows.map((row) => sizeOf(row, set)));
  return largest >= MIN_LEARNERS_PER_CELL ? largest : new Set(rows.flatMap((row) => row.few[set])).size;
}

const WITHHELD: RowFigures = {
  registrations: null,
  paid: null,
  completed: null,
  failed: null,
  withdrawn: null,
  expired: null,
  creditHours: null,
  revenueFen: null,
  suppressed: true,
};

/** Every figure of a row, each a split of the row's learners that can be withheld on its own. */
const FIGURES = ['registrations', ...COUNTS, 'creditHours', 'revenueFen'] as const;
type FigureName = (typeof FIGURES)[number];

/**
 * The learners a figure describes, and those subtracting it from what else is published leaves:
 * registrations its registrants, credit hours those with credit, revenue those who paid (against the
 * row's other learners); a count those it counts, against those with a registration it does not.
 */
function split(row: Row, figure: FigureName): [number, number] {
  switch (figure) {
    case 'registrations':
      return [row.registrants, row.learners - row.registrants];
    case 'creditHours':
      return [row.creditors, row.learners - row.creditors];
    case 'revenueFen':
      return [row.counted.paid, row.learners - row.counted.paid];
    default:
      return [row.counted[figure], row.rest[figure]];
  }
}

/** The set of learners a figure describes (the first of its split). */
const describedBy = (figure: FigureName): SetName =>
  figure === 'registrations' ? 'registrants' : figure === 'creditHours' ? 'creditors' : figure === 'revenueFen' ? 'paid' : figure;

const splitWithheld = (row: Row, figure: FigureName) => splitIsSmall(...split(row, figure));

/** A row's figures with each withheld that `withhold` names. */
function figuresOf(row: Row, withhold: (figure: FigureName) => boolean): RowFigures {
  const value: Record<FigureName, number> = {
    registrations: row.registrations,
    ...row.counts,
    creditHours: minutesToHours(row.minutes),
    revenueFen: row.revenueFen,
  };
  const shown = Object.fromEntries(FIGURES.map((figure) => [figure, withhold(figure) ? null : value[figure]])) as Record<
    FigureName,
    number | null
  >;
  return { ...shown, suppressed: FIGURES.some((figure) => shown[figure] === null) };
}

/** The counts by registration status, as the database counts a learner's rows. */
const STATUS_OF: Record<Exclude<CountName, 'paid'>, string> = {
  completed: 'COMPLETED',
  failed: 'FAILED',
  withdrawn: 'WITHDRAWN',
  expired: 'EXPIRED',
};

/**
 * A year's registrations and credit entries, one row each (a credit entry's `minutes` not null, a
 * registration's `status` not null), each side in the order of its index (learner, then institution;
 * migration 0012), so the database merges them instead of sorting the year.
 */
const yearFacts = (year: number) => sql`(
    select ${registrations.institution} as institution, ${registrations.learnerId} as learner_id,
      ${registrations.status} as status, ${registrations.paidAt} as paid_at, null::integer as minutes
    from ${registrations} where ${registrations.year} = ${year} order by learner_id, institution
  ) union all (
    select ${creditEntries.institution}, ${creditEntries.learnerId}, null, null, ${creditEntries.minutes}
    from ${creditEntries} where ${creditEntries.year} = ${year} order by learner_id, institution
  )`;

/** Of one learner's facts at an institution (grouped): whether the learner is in a row's set. */
const memberOf = (set: SetName) => {
  switch (set) {
    case 'learners':
      return sql`true`;
    case 'registrants':
      return sql`count(status) > 0`;
    case 'creditors':
      return sql`count(minutes) > 0`;
    case 'paid':
      return sql`count(paid_at) > 0`;
    default:
      return sql`count(*) filter (where status = ${STATUS_OF[set]}) > 0`;
  }
};

interface CountedRow {
  everywhere: boolean;
  institution: string | null;
  learners: number | string;
  registrants: number | string;
  creditors: number | string;
  registrations: number | string;
  minutes: number | string;
  [figure: string]: unknown;
}

/**
 * Aggregate figures for analysts and the registrar: counts and sums only, never a learner's name, ID
 * number or mobile, with small groups withheld (ADR 0028). Statuses are as recorded (the sweeper records
 * lapses within a minute).
 */
export function createStatistics(options: { db: Db }) {
  const { db } = options;

  /**
   * Each institution's row and the year's, counted in distinct learners by the database (ADR 0043): one
   * row per learner at each institution and per learner anywhere (the rollup), then those counted.
   */
  const countRows = async (year: number) => {
    const perLearner = COUNTS.map((name) =>
      name === 'paid'
        ? sql`count(paid_at) as paid`
        : sql`count(*) filter (where status = ${STATUS_OF[name]}) as ${sql.identifier(name)}`,
    );
    const figures = COUNTS.map((name) => {
      const column = sql.identifier(name);
      return sql`sum(${column})::bigint as ${column}, count(*) filter (where ${column} > 0)::int as ${sql.identifier(`${name}_counted`)},
        count(*) filter (where ${column} < registrations)::int as ${sql.identifier(`${name}_rest`)}`;
    });
    const result = await db.execute(sql`
      with learners as (
        select grouping(institution) = 1 as everywhere, institution, count(status) as registrations,
          ${sql.join(perLearner, sql`, `)}, count(minutes) as credit_entries, sum(minutes) as minutes
        from (${yearFacts(year)}) as facts
        group by learner_id, rollup (institution)
      )
      select everywhere, institution, count(*)::int as learners,
        count(*) filter (where registrations > 0)::int as registrants,
        count(*) filter (where credit_entries > 0)::int as creditors,
        sum(registrations)::bigint as registrations, ${sql.join(figures, sql`, `)},
        coalesce(sum(minutes), 0)::bigint as minutes
      from learners group by everywhere, institution`);
    return executedRows<CountedRow>(result);
  };

  /** The learners of each named institution's named sets (each of 1–4 learners). */
  const fewLearners = async (year: number, sets: { institution: string; sets: SetName[] }[]) => {
    const wanted = sets.map(
      ({ institution: code, sets: named }) =>
        sql`(institution = ${code} and (${sql.join(
          named.map((set) => memberOf(set)),
          sql` or `,
        )}))`,
    );
    const result = await db.execute(sql`
      select institution, learner_id, ${sql.join(
        SETS.map((set) => sql`${memberOf(set)} as ${sql.identifier(set)}`),
        sql`, `,
      )}
      from (${yearFacts(year)}) as facts
      group by institution, learner_id
      having ${sql.join(wanted, sql` or `)}`);
    return executedRows<{ institution: string; learner_id: string } & Record<SetName, boolean>>(result);
  };

  return {
    programme: async (caller: Caller | null, year: number): Promise<ProgrammeFigures> => {
      requireAllowed('aggregateFigures', caller);
      checkYear(year);
      // Revenue less refunds in one pass over the payments: a refund belongs to one payment (unique), so
      // the join repeats no payment, and a payment of any status brings its succeeded refund as before.
      const [counted, money] = await Promise.all([
        countRows(year),
        db
          .select({
            institution: registrations.institution,
            fen: sql<number>`coalesce(sum(${payments.amountFen}) filter (where ${payments.status} = 'SUCCEEDED'), 0)`.mapWith(
              Number,
            ),
            refundedFen: sql<number>`coalesce(sum(${refunds.amountFen}), 0)`.mapWith(Number),
          })
          .from(payments)
          .innerJoin(registrations, eq(registrations.id, payments.registrationId))
          .leftJoin(refunds, and(eq(refunds.paymentId, payments.id), eq(refunds.status, 'SUCCEEDED')))
          .where(eq(registrations.year, year))
          .groupBy(registrations.institution),
      ]);
      const rows = new Map<string, Row>(INSTITUTIONS.map(({ code }) => [code, emptyRow()]));
      const total = emptyRow();
      const rowOf = (code: string) => rows.get(code) ?? rows.set(code, emptyRow()).get(code) ?? emptyRow();
      for (const figures of counted) {
        const row = figures.everywhere ? total : rowOf(figures.institution ?? '');
        row.learners = Number(figures.learners);
        row.registrants = Number(figures.registrants);
        row.creditors = Number(figures.creditors);
        row.registrations = Number(figures.registrations);
        row.minutes = Number(figures.minutes);
        for (const name of COUNTS) {
          row.counts[name] = Number(figures[name]);
          row.counted[name] = Number(figures[`${name}_counted`]);
          row.rest[name] = Number(figures[`${name}_rest`]);
        }
      }
      for (const { institution: code, fen, refundedFen } of money) {
        for (const row of [rowOf(code), total]) row.revenueFen += fen - refundedFen;
      }
      // Only a set of 1–4 learners needs its learners named (togetherSize); at scale there are none.
      const small = [...rows].flatMap(([code, row]) => {
        const sets = SETS.filter((set) => splitIsSmall(sizeOf(row, set), 0));
        return sets.length > 0 ? [{ institution: code, sets }] : [];
      });
      if (small.length > 0) {
        for (const learner of await fewLearners(year, small)) {
          const row = rowOf(learner.institution);
          for (const set of SETS) {
            if (learner[set] && splitIsSmall(sizeOf(row, set), 0)) row.few[set].push(learner.learner_id);
          }
        }
      }

      // Rows: institutions with anyone in them, suppressed as ADR 0015's cells against the year's total.
      const codes: string[] = INSTITUTIONS.map(({ code }) => code);
      const cells = codes
        .map((code) => {
          const row = rows.get(code) ?? emptyRow();
          return { code, coordinates: [code], learners: row.learners, learnerIds: row.few.learners };
        })
        .filter((cell) => cell.learners > 0);
      const withheldCells = suppressSmallCells(cells);
      const withheldRow = new Set(cells.filter((_, index) => withheldCells[index]).map((cell) => cell.code));
      const byInstitution = codes.map((code): InstitutionFigures => {
        const row = rows.get(code) ?? emptyRow();
        return {
          institution: code,
          ...(withheldRow.has(code) ? WITHHELD : figuresOf(row, (figure) => splitWithheld(row, figure))),
        };
      });
      if (total.learners > 0 && total.learners < MIN_LEARNERS_PER_CELL) {
        return { year, learners: null, ...WITHHELD, byInstitution };
      }
      // A year's figure is withheld when it is a small split of the year, when a published row withholds
      // the same figure (the year's less the other rows would give it), or when the withheld rows' share
      // of it describes 1–4 learners.
      const withheldRows = [...withheldRow].map((code) => rows.get(code) ?? emptyRow());
      const yearWithheld = (figure: FigureName) =>
        splitWithheld(total, figure) ||
        codes.some((code) => !withheldRow.has(code) && splitWithheld(rows.get(code) ?? emptyRow(), figure)) ||
        splitIsSmall(togetherSize(withheldRows, describedBy(figure)), 0);
      const learners = splitIsSmall(total.registrants, total.learners - total.registrants) ? null : total.registrants;
      const figures = figuresOf(total, yearWithheld);
      return { year, learners, ...figures, suppressed: figures.suppressed || learners === null, byInstitution };
    },

    /** How many learners with credit in a cycle are compliant, by the same rule as each learner's verdict. */
    compliance: async (caller: Caller | null, startYear: number): Promise<ComplianceFigures> => {
      requireAllowed('aggregateFigures', caller);
      checkYear(startYear);
      const endYear = startYear + 2;
      // One row per learner: a reversal has its entry's year and category, so each year's sum is never
      // negative and the cycle's sums per category are what the verdict counts. Learners with the same
      // sums share a verdict, so only each pair of sums and its learners come back (about 2,700 pairs for
      // 91,000 learners on the scale data; ADR 0043).
      const perLearner = db
        .select({
          required:
            sql<number>`coalesce(sum(${creditEntries.minutes}) filter (where ${creditEntries.category} = 'REQUIRED'), 0)`.as(
              'required',
            ),
          elective:
            sql<number>`coalesce(sum(${creditEntries.minutes}) filter (where ${creditEntries.category} = 'ELECTIVE'), 0)`.as(
              'elective',
            ),
        })
        .from(creditEntries)
        .where(and(gte(creditEntries.year, startYear), lte(creditEntries.year, endYear)))
        .groupBy(creditEntries.learnerId)
        .as('per_learner');
      const sums = await db
        .select({
          required: perLearner.required,
          elective: perLearner.elective,
          learners: sql<number>`count(*)`.mapWith(Number),
        })
        .from(perLearner)
        .groupBy(perLearner.required, perLearner.elective);
      let learnersWithCredit = 0;
      let compliant = 0;
      let requiredShort = 0;
      let totalShort = 0;
      for (const { required, elective, learners } of sums) {
        const standing = [
          { year: startYear, category: 'REQUIRED' as const, hours: minutesToHours(Number(required)) },
          { year: startYear, category: 'ELECTIVE' as const, hours: minutesToHours(Number(elective)) },
        ].filter((entry) => entry.hours > 0);
        if (standing.length === 0) continue;
        const verdict = cycleVerdict(standing, startYear);
        learnersWithCredit += learners;
        if (verdict.compliant) compliant += learners;
        if (verdict.requiredShortfall > 0) requiredShort += learners;
        if (verdict.totalShortfall > 0) totalShort += learners;
      }
      // Each learner in one pair of sums: each count is of distinct learners, and the rest of the cycle's are the others.
      if (splitIsSmall(learnersWithCredit, 0)) {
        return {
          startYear,
          endYear,
          learnersWithCredit: null,
          compliant: null,
          requiredShort: null,
          totalShort: null,
          suppressed: true,
        };
      }
      const shown = (counted: number) => (splitIsSmall(counted, learnersWithCredit - counted) ? null : counted);
      const figures = {
        startYear,
        endYear,
        learnersWithCredit,
        compliant: shown(compliant),
        requiredShort: shown(requiredShort),
        totalShort: shown(totalShort),
      };
      return {
        ...figures,
        suppressed: figures.compliant === null || figures.requiredShort === null || figures.totalShort === null,
      };
    },
  };
}

export type Statistics = ReturnType<typeof createStatistics>;

const figure = (value: number | null) => (value === null ? '' : String(value));

/** A year's figures as CSV (UTF-8 with BOM): one line per institution, then the year's total; withheld figures empty. */
export function programmeCsv(figures: ProgrammeFigures): string {
  const line = (name: string, row: RowFigures) => [
    name,
    ...[row.registrations, row.paid, row.completed, row.failed, row.withdrawn, row.expired, row.creditHours, row.revenueFen].map(
      figure,
    ),
    row.suppressed ? '是' : '否',
  ];
  return csvDocument([
    ['实施机构', '报名数', '已付款', '已完成', '未通过', '已退出', '已过期', '学时', '收入（分）', '已抑制（少于5人）'],
    ...figures.byInstitution.map((row) => line(institution(row.institution).name, row)),
    line(`${figures.year}年合计`, figures),
  ]);
}

/** A cycle's compliance as CSV (UTF-8 with BOM); withheld figures empty. */
export function complianceCsv(figures: ComplianceFigures): string {
  return csvDocument([
    ['周期', '有学时的学员', '达标', '必修不足', '总学时不足', '已抑制（少于5人）'],
    [
      `${figures.startYear}–${figures.endYear}`,
      ...[figures.learnersWithCredit, figures.compliant, figures.requiredShort, figures.totalShort].map(figure),
      figures.suppressed ? '是' : '否',
    ],
  ]);
}
