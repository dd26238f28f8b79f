import { cycleVerdict, minutesToHours } from '@xueshi/domain';
import { INSTITUTIONS, institution } from '@xueshi/institutions';
import type { Caller, Db } from '@xueshi/subgraph-kit';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { creditEntries, payments, refunds, registrations } from '../db/schema';
import { requireAnalyst } from './access';
import { csvDocument } from './csv';
import { checkYear } from './validation';

export interface InstitutionFigures {
  institution: string;
  registrations: number;
  paid: number;
  completed: number;
  failed: number;
  withdrawn: number;
  expired: number;
  creditHours: number;
  revenueFen: number;
}

export interface ProgrammeFigures extends Omit<InstitutionFigures, 'institution'> {
  year: number;
  learners: number;
  byInstitution: InstitutionFigures[];
}

export interface ComplianceFigures {
  startYear: number;
  endYear: number;
  learnersWithCredit: number;
  compliant: number;
  requiredShort: number;
  totalShort: number;
}

const sum = (rows: InstitutionFigures[], key: Exclude<keyof InstitutionFigures, 'institution'>) =>
  rows.reduce((total, row) => total + row[key], 0);

/**
 * Aggregate figures for analysts and the registrar: counts and sums only, never a learner's name, ID
 * number or mobile. Statuses are as recorded (the sweeper records lapses within a minute).
 */
export function createStatistics(options: { db: Db }) {
  const { db } = options;
  const count = (status: string) => sql<number>`count(*) filter (where ${registrations.status} = ${status})`.mapWith(Number);

  return {
    programme: async (caller: Caller | null, year: number): Promise<ProgrammeFigures> => {
      requireAnalyst(caller);
      checkYear(year);
      const [registered, credit, money, refunded, learners] = await Promise.all([
        db
          .select({
            institution: registrations.institution,
            registrations: sql<number>`count(*)`.mapWith(Number),
            paid: sql<number>`count(*) filter (where ${registrations.paidAt} is not null)`.mapWith(Number),
            completed: count('COMPLETED'),
            failed: count('FAILED'),
            withdrawn: count('WITHDRAWN'),
            expired: count('EXPIRED'),
          })
          .from(registrations)
          .where(eq(registrations.year, year))
          .groupBy(registrations.institution),
        db
          .select({
            institution: creditEntries.institution,
            minutes: sql<number>`coalesce(sum(${creditEntries.minutes}), 0)`.mapWith(Number),
          })
          .from(creditEntries)
          .where(eq(creditEntries.year, year))
          .groupBy(creditEntries.institution),
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
        db
          .select({ learners: sql<number>`count(distinct ${registrations.learnerId})`.mapWith(Number) })
          .from(registrations)
          .where(eq(registrations.year, year)),
      ]);
      const of = <Row extends { institution: string }>(rows: Row[], code: string) => rows.find((row) => row.institution === code);
      const byInstitution = INSTITUTIONS.map(({ code }) => {
        const counts = of(registered, code);
        return {
          institution: code,
          registrations: counts?.registrations ?? 0,
          paid: counts?.paid ?? 0,
          completed: counts?.completed ?? 0,
          failed: counts?.failed ?? 0,
          withdrawn: counts?.withdrawn ?? 0,
          expired: counts?.expired ?? 0,
          creditHours: minutesToHours(of(credit, code)?.minutes ?? 0),
          revenueFen: (of(money, code)?.fen ?? 0) - (of(refunded, code)?.fen ?? 0),
        };
      });
      return {
        year,
        learners: learners[0]?.learners ?? 0,
        registrations: sum(byInstitution, 'registrations'),
        paid: sum(byInstitution, 'paid'),
        completed: sum(byInstitution, 'completed'),
        failed: sum(byInstitution, 'failed'),
        withdrawn: sum(byInstitution, 'withdrawn'),
        expired: sum(byInstitution, 'expired'),
        creditHours: minutesToHours(credit.reduce((total, row) => total + row.minutes, 0)),
        revenueFen: sum(byInstitution, 'revenueFen'),
        byInstitution,
      };
    },

    /** How many learners with credit in a cycle are compliant, by the same rule as each learner's verdict. */
    compliance: async (caller: Caller | null, startYear: number): Promise<ComplianceFigures> => {
      requireAnalyst(caller);
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
      const figures: ComplianceFigures = {
        startYear,
        endYear,
        learnersWithCredit: 0,
        compliant: 0,
        requiredShort: 0,
        totalShort: 0,
      };
      for (const { required, elective } of rows) {
        const standing = [
          { year: startYear, category: 'REQUIRED' as const, hours: minutesToHours(required) },
          { year: startYear, category: 'ELECTIVE' as const, hours: minutesToHours(elective) },
        ].filter((entry) => entry.hours > 0);
        if (standing.length === 0) continue;
        const verdict = cycleVerdict(standing, startYear);
        figures.learnersWithCredit += 1;
        if (verdict.compliant) figures.compliant += 1;
        if (verdict.requiredShortfall > 0) figures.requiredShort += 1;
        if (verdict.totalShortfall > 0) figures.totalShort += 1;
      }
      return figures;
    },
  };
}

export type Statistics = ReturnType<typeof createStatistics>;

/** A year's figures as CSV (UTF-8 with BOM): one line per institution, then the year's total. */
export function programmeCsv(figures: ProgrammeFigures): string {
  const line = (name: string, row: Omit<InstitutionFigures, 'institution'>) =>
    [
      name,
      row.registrations,
      row.paid,
      row.completed,
      row.failed,
      row.withdrawn,
      row.expired,
      row.creditHours,
      row.revenueFen,
    ].map(String);
  return csvDocument([
    ['实施机构', '报名数', '已付款', '已完成', '未通过', '已退出', '已过期', '学时', '收入（分）'],
    ...figures.byInstitution.map((row) => line(institution(row.institution).name, row)),
    line(`${figures.year}年合计`, figures),
  ]);
}

/** A cycle's compliance as CSV (UTF-8 with BOM). */
export function complianceCsv(figures: ComplianceFigures): string {
  return csvDocument([
    ['周期', '有学时的学员', '达标', '必修不足', '总学时不足'],
    [
      `${figures.startYear}–${figures.endYear}`,
      ...[figures.learnersWithCredit, figures.compliant, figures.requiredShort, figures.totalShort].map(String),
    ],
  ]);
}
