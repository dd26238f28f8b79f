import DataLoader from 'dataloader';
import { UNPAID_HOLD_LIMITS, summariseUnpaidHolds } from '@xueshi/domain';
import type { UnpaidHoldSummary } from '@xueshi/domain';
import { and, asc, count, desc, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Clock } from '@xueshi/subgraph-kit';
import { byKey, groupBy, groupLoader, rowLoader, tracedBatch } from '@xueshi/subgraph-kit';
import type { Db } from '@xueshi/subgraph-kit';
import {
  creditEntries,
  employerStaff,
  employers,
  invoiceReversals,
  invoices,
  learners,
  outcomes,
  payments,
  programmeYears,
  registrations,
  staff,
  transcripts,
  cycleStartYearChanges,
} from './db/schema';
import { holdsSeatAt } from './store/registrations';

/** Per-request loaders: each costs one SQL statement per request, whatever the number of keys. */
export function createRegistryLoaders(db: Db, clock: Clock) {
  return {
    learner: rowLoader(
      'learner',
      (ids: string[]) => db.select().from(learners).where(inArray(learners.id, ids)),
      (row) => row.id,
    ),
    /** Accounts by normalised ID number: the open one first (a locked account keeps the number it claimed). */
    learnersByIdNumber: groupLoader(
      'learnersByIdNumber',
      (idNumbers: string[]) =>
        db
          .select()
          .from(learners)
          .where(inArray(learners.idNumber, idNumbers))
          .orderBy(sql`${learners.lockedAt} is not null`, asc(learners.createdAt)),
      (row) => row.idNumber,
    ),
    registrationsByLearner: groupLoader(
      'registrationsByLearner',
      (learnerIds: string[]) =>
        db
          .select()
          .from(registrations)
          .where(inArray(registrations.learnerId, learnerIds))
          .orderBy(desc(registrations.registeredAt), desc(registrations.id)),
      (row) => row.learnerId,
    ),
    unpaidHolds: new DataLoader<string, UnpaidHoldSummary>(
      tracedBatch('unpaidHolds', async (sessionIds) => {
        const now = clock.now();
        // A hold lasts at most a day (HOLD_MINUTES ≤ 1440), so one that ended within the window began within two.
        const since = new Date(now.getTime() - 2 * UNPAID_HOLD_LIMITS.windowMinutes * 60_000);
        const rows = await db
          .select()
          .from(registrations)
          .where(
            and(
              inArray(registrations.sessionId, [...sessionIds]),
              gte(registrations.registeredAt, since),
              isNull(registrations.paidAt),
              gt(registrations.feeFen, 0),
            ),
          );
        return groupBy(sessionIds, rows, (row) => row.sessionId).map((unpaid) => summariseUnpaidHolds(unpaid, now));
      }),
    ),
    seatsTaken: new DataLoader<string, number>(
      tracedBatch('seatsTaken', async (sessionIds) => {
        const rows = await db
          .select({ sessionId: registrations.sessionId, taken: count() })
          .from(registrations)
          .where(and(inArray(registrations.sessionId, [...sessionIds]), holdsSeatAt(clock.now())))
          .groupBy(registrations.sessionId);
        return byKey(sessionIds, rows, (row) => row.sessionId).map((row) => Number(row?.taken ?? 0));
      }),
    ),
    registration: rowLoader(
      'registration',
      (ids: string[]) => db.select().from(registrations).where(inArray(registrations.id, ids)),
      (row) => row.id,
    ),
    paymentsByRegistration: groupLoader(
      'paymentsByRegistration',
      (registrationIds: string[]) =>
        db
          .select()
          .from(payments)
          .where(inArray(payments.registrationId, registrationIds))
          .orderBy(desc(payments.createdAt), desc(payments.id)),
      (row) => row.registrationId,
    ),
    invoiceByPayment: rowLoader(
      'invoiceByPayment',
      (paymentIds: string[]) => db.select().from(invoices).where(inArray(invoices.paymentId, paymentIds)),
      (row) => row.paymentId,
    ),
    employer: rowLoader(
      'employer',
      (creditCodes: string[]) => db.select().from(employers).where(inArray(employers.creditCode, creditCodes)),
      (row) => row.creditCode,
    ),
    employerStaffCount: new DataLoader<string, number>(
      tracedBatch('employerStaffCount', async (creditCodes) => {
        const rows = await db
          .select({ creditCode: employerStaff.creditCode, count: count() })
          .from(employerStaff)
          .where(inArray(employerStaff.creditCode, [...creditCodes]))
          .groupBy(employerStaff.creditCode);
        return creditCodes.map((code) => rows.find((row) => row.creditCode === code)?.count ?? 0);
      }),
    ),
    reversalByInvoice: rowLoader(
      'reversalByInvoice',
      (invoiceIds: string[]) => db.select().from(invoiceReversals).where(inArray(invoiceReversals.invoiceId, invoiceIds)),
      (row) => row.invoiceId,
    ),
    staffMember: rowLoader(
      'staffMember',
      (usernames: string[]) => db.select().from(staff).where(inArray(staff.username, usernames)),
      (row) => row.username,
    ),
    /** A session's roster: paid registrations and those with an outcome, in registration order. */
    rosterBySession: groupLoader(
      'rosterBySession',
      (sessionIds: string[]) =>
        db
          .select()
          .from(registrations)
          .where(
            and(inArray(registrations.sessionId, sessionIds), inArray(registrations.status, ['PAID', 'COMPLETED', 'FAILED'])),
          )
          .orderBy(asc(registrations.registeredAt), asc(registrations.id)),
      (row) => row.sessionId,
    ),
    creditEntriesByLearner: groupLoader(
      'creditEntriesByLearner',
      (learnerIds: string[]) =>
        db
          .select()
          .from(creditEntries)
          .where(inArray(creditEntries.learnerId, learnerIds))
          .orderBy(asc(creditEntries.completedOn), asc(creditEntries.recordedAt)),
      (row) => row.learnerId,
    ),
    creditEntry: rowLoader(
      'creditEntry',
      (ids: string[]) => db.select().from(creditEntries).where(inArray(creditEntries.id, ids)),
      (row) => row.id,
    ),
    creditEntryByRegistration: rowLoader(
      'creditEntryByRegistration',
      (registrationIds: string[]) =>
        db
          .select()
          .from(creditEntries)
          .where(and(inArray(creditEntries.registrationId, registrationIds), isNull(creditEntries.reverses))),
      (row) => row.registrationId ?? '',
    ),
    outcome: rowLoader(
      'outcome',
      (registrationIds: string[]) => db.select().from(outcomes).where(inArray(outcomes.registrationId, registrationIds)),
      (row) => row.registrationId,
    ),
    cycleStartYearChangesByLearner: groupLoader(
      'cycleStartYearChangesByLearner',
      (learnerIds: string[]) =>
        db
          .select()
          .from(cycleStartYearChanges)
          .where(inArray(cycleStartYearChanges.learnerId, learnerIds))
          .orderBy(desc(cycleStartYearChanges.changedAt)),
      (row) => row.learnerId,
    ),
    transcriptsByLearner: groupLoader(
      'transcriptsByLearner',
      (learnerIds: string[]) =>
        db.select().from(transcripts).where(inArray(transcripts.learnerId, learnerIds)).orderBy(desc(transcripts.issuedAt)),
      (row) => row.learnerId,
    ),
    programmeYear: rowLoader(
      'programmeYear',
      (years: number[]) => db.select().from(programmeYears).where(inArray(programmeYears.year, years)),
      (row) => row.year,
    ),
  };
}

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
