import { MIN_LEARNERS_PER_CELL, cycleVerdict, minutesToHours, splitIsSmall, suppressSmallCells } from '@xueshi/domain';
import { INSTITUTIONS, institution } from '@xueshi/institutions';
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

/** What one row is computed from: its learners, their registrations' counts, credit and money. */
interface Row {
  learners: Set<string>;
  registrants: Set<string>;
  creditors: Set<string>;
  registrations: number;
  counts: Record<CountName, number>;
  /** Learners with at least one registration the count covers, and with at least one it does not. */
  counted: Record<CountName, Set<string>>;
  rest: Record<CountName, Set<string>>;
  minutes: number;
  revenueFen: number;
}

const emptyRow = (): Row => ({
  learners: new Set(),
  registrants: new Set(),
  creditors: new Set(),
  registrations: 0,
  counts: { paid: 0, completed: 0, failed: 0, withdrawn: 0, expired: 0 },
  counted: { paid: new Set(), completed: new Set(), failed: new Set(), withdrawn: new Set(), expired: new Set() },
  rest: { paid: new Set(), completed: new Set(), failed: new Set(), withdrawn: new Set(), expired: new Set() },
  minutes: 0,
  revenueFen: 0,
});

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
  const of = (described: Set<string>, others: number) => [described.size, others] as [number, number];
  switch (figure) {
    case 'registrations':
      return of(row.registrants, row.learners.size - row.registrants.size);
    case 'creditHours':
      return of(row.creditors, row.learners.size - row.creditors.size);
    case 'revenueFen':
      return of(row.counted.paid, row.learners.size - row.counted.paid.size);
    default:
      return of(row.counted[figure], row.rest[figure].size);
  }
}

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

/**
 * Aggregate figures for analysts and the registrar: counts and sums only, never a learner's name, ID
 * number or mobile, with small groups withheld (ADR 0028). Statuses are as recorded (the sweeper records
 * lapses within a minute).
 */
export function createStatistics(options: { db: Db }) {
  const { db } = options;
  const count = (status: string) => sql<number>`count(*) filter (where ${registrations.status} = ${status})`.mapWith(Number);

  return {
    programme: async (caller: Caller | null, year: number): Promise<ProgrammeFigures> => {
      requireAllowed('aggregateFigures', caller);
      checkYear(year);
      // By institution and learner, so groups can be counted in distinct learners.
      const [registered, credit, money, refunded] = await Promise.all([
        db
          .select({
            institution: registrations.institution,
            learnerId: registrations.learnerId,
            registrations: sql<number>`count(*)`.mapWith(Number),
            paid: sql<number>`count(*) filter (where ${registrations.paidAt} is not null)`.mapWith(Number),
            completed: count('COMPLETED'),
            failed: count('FAILED'),
            withdrawn: count('WITHDRAWN'),
            expired: count('EXPIRED'),
          })
          .from(registrations)
          .where(eq(registrations.year, year))
          .groupBy(registrations.institution, registrations.learnerId),
        db
          .select({
            institution: creditEntries.institution,
            learnerId: creditEntries.learnerId,
            minutes: sql<number>`coalesce(sum(${creditEntries.minutes}), 0)`.mapWith(Number),
          })
          .from(creditEntries)
          .where(eq(creditEntries.year, year))
          .groupBy(creditEntries.institution, creditEntries.learnerId),
        db
          .select({
            institution: registrations.institution,
            fen: sql<number>`coalesce(sum(${payments.amountFen}), 0)`.mapWith(Number),
          })
          .from(payments)
          .innerJoin(registrations, eq(registrations.id, payments.registrationId))
          .where(and(eq(registrations.year, year), eq(payments.status, 'SUCCEEDED')))
          .groupBy(registrations.institution),
        db
          .select({
            institution: registrations.institution,
            fen: sql<number>`coalesce(sum(${refunds.amountFen}), 0)`.mapWith(Number),
          })
          .from(refunds)
          .innerJoin(payments, eq(payments.id, refunds.paymentId))
          .innerJoin(registrations, eq(registrations.id, payments.registrationId))
          .where(and(eq(registrations.year, year), eq(refunds.status, 'SUCCEEDED')))
          .groupBy(registrations.institution),
      ]);
      const rows = new Map<string, Row>(INSTITUTIONS.map(({ code }) => [code, emptyRow()]));
      const total = emptyRow();
      const rowOf = (code: string) => rows.get(code) ?? rows.set(code, emptyRow()).get(code) ?? emptyRow();
      for (const registration of registered) {
        for (const row of [rowOf(registration.institution), total]) {
          row.learners.add(registration.learnerId);
          row.registrants.add(registration.learnerId);
          row.registrations += registration.registrations;
          for (const name of COUNTS) {
            row.counts[name] += registration[name];
            if (registration[name] > 0) row.counted[name].add(registration.learnerId);
            if (registration[name] < registration.registrations) row.rest[name].add(registration.learnerId);
          }
        }
      }
      for (const entry of credit) {
        for (const row of [rowOf(entry.institution), total]) {
          row.learners.add(entry.learnerId);
          row.creditors.add(entry.learnerId);
          row.minutes += entry.minutes;
        }
      }
      for (const { institution: code, fen } of money) for (const row of [rowOf(code), total]) row.revenueFen += fen;
      for (const { institution: code, fen } of refunded) for (const row of [rowOf(code), total]) row.revenueFen -= fen;

      // Rows: institutions with anyone in them, suppressed as ADR 0015's cells against the year's total.
      const codes: string[] = INSTITUTIONS.map(({ code }) => code);
      const cells = codes
        .map((code) => ({ code, coordinates: [code], learnerIds: [...(rows.get(code)?.learners ?? [])] }))
        .filter((cell) => cell.learnerIds.length > 0);
      const withheldCells = suppressSmallCells(cells);
      const withheldRow = new Set(cells.filter((_, index) => withheldCells[index]).map((cell) => cell.code));
      const byInstitution = codes.map((code): InstitutionFigures => {
        const row = rows.get(code) ?? emptyRow();
        return {
          institution: code,
          ...(withheldRow.has(code) ? WITHHELD : figuresOf(row, (figure) => splitWithheld(row, figure))),
        };
      });
      if (total.learners.size > 0 && total.learners.size < MIN_LEARNERS_PER_CELL) {
        return { year, learners: null, ...WITHHELD, byInstitution };
      }
      // A year's figure is withheld when it is a small split of the year, when a published row withholds
      // the same figure (the year's less the other rows would give it), or when the withheld rows' share
      // of it describes 1–4 learners.
      const withheldRows = emptyRow();
      for (const code of withheldRow) {
        const row = rows.get(code) ?? emptyRow();
        for (const learner of row.learners) withheldRows.learners.add(learner);
        for (const learner of row.registrants) withheldRows.registrants.add(learner);
        for (const learner of row.creditors) withheldRows.creditors.add(learner);
        for (const name of COUNTS) for (const learner of row.counted[name]) withheldRows.counted[name].add(learner);
      }
      const yearWithheld = (figure: FigureName) =>
        splitWithheld(total, figure) ||
        codes.some((code) => !withheldRow.has(code) && splitWithheld(rows.get(code) ?? emptyRow(), figure)) ||
        splitIsSmall(split(withheldRows, figure)[0], 0);
      const learners = splitIsSmall(total.registrants.size, total.learners.size - total.registrants.size)
        ? null
        : total.registrants.size;
      const figures = figuresOf(total, yearWithheld);
      return { year, learners, ...figures, suppressed: figures.suppressed || learners === null, byInstitution };
    },

    /** How many learners with credit in a cycle are compliant, by the same rule as each learner's verdict. */
    compliance: async (caller: Caller | null, startYear: number): Promise<ComplianceFigures> => {
      requireAllowed('aggregateFigures', caller);
      checkYear(startYear);
      const endYear = startYear + 2;
      // One row per learner: a reversal has its entry's year and category, so each year's sum is never
      // negative and the cycle's sums per category are what the verdict counts. At 100,000 learners this
      // sends a third of the rows a sum per year would (docs/performance.md).
      const rows = await db
        .select({
          required:
            sql<number>`coalesce(sum(${creditEntries.minutes}) filter (where ${creditEntries.category} = 'REQUIRED'), 0)`.mapWith(
              Number,
            ),
          elective:
            sql<number>`coalesce(sum(${creditEntries.minutes}) filter (where ${creditEntries.category} = 'ELECTIVE'), 0)`.mapWith(
              Number,
            ),
        })
        .from(creditEntries)
        .where(and(gte(creditEntries.year, startYear), lte(creditEntries.year, endYear)))
        .groupBy(creditEntries.learnerId);
      let learnersWithCredit = 0;
      let compliant = 0;
      let requiredShort = 0;
      let totalShort = 0;
      for (const { required, elective } of rows) {
        const standing = [
          { year: startYear, category: 'REQUIRED' as const, hours: minutesToHours(required) },
          { year: startYear, category: 'ELECTIVE' as const, hours: minutesToHours(elective) },
        ].filter((entry) => entry.hours > 0);
        if (standing.length === 0) continue;
        const verdict = cycleVerdict(standing, startYear);
        learnersWithCredit += 1;
        if (verdict.compliant) compliant += 1;
        if (verdict.requiredShortfall > 0) requiredShort += 1;
        if (verdict.totalShortfall > 0) totalShort += 1;
      }
      // One learner per row: each count is of distinct learners, and the rest of the cycle's are the others.
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
