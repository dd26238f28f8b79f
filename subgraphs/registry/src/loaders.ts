import DataLoader from 'dataloader';
import { UNPAID_HOLD_LIMITS, summariseUnpaidHolds } from '@xueshi/domain';
import type { UnpaidHoldSummary } from '@xueshi/domain';
import { and, asc, count, desc, gt, gte, inArray, isNull } from 'drizzle-orm';
import type { Clock } from '@xueshi/subgraph-kit';
import { byKey, groupBy, tracedBatch } from '@xueshi/subgraph-kit';
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
import type {
  CreditEntryRow,
  EmployerRow,
  InvoiceReversalRow,
  InvoiceRow,
  LearnerRow,
  OutcomeRow,
  PaymentRow,
  ProgrammeYearRow,
  RegistrationRow,
  StaffRow,
  TranscriptRow,
  CycleStartYearChangeRow,
} from './db/schema';
import { holdsSeatAt } from './store/registrations';

/** Per-request loaders: each costs one SQL statement per request, whatever the number of keys. */
export function createRegistryLoaders(db: Db, clock: Clock) {
  return {
    learner: new DataLoader<string, LearnerRow | null>(
      tracedBatch('learner', async (ids) =>
        byKey(
          ids,
          await db
            .select()
            .from(learners)
            .where(inArray(learners.id, [...ids])),
          (row) => row.id,
        ),
      ),
    ),
    registrationsByLearner: new DataLoader<string, RegistrationRow[]>(
      tracedBatch('registrationsByLearner', async (learnerIds) =>
        groupBy(
          learnerIds,
          await db
            .select()
            .from(registrations)
            .where(inArray(registrations.learnerId, [...learnerIds]))
            .orderBy(desc(registrations.registeredAt), desc(registrations.id)),
          (row) => row.learnerId,
        ),
      ),
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
    registration: new DataLoader<string, RegistrationRow | null>(
      tracedBatch('registration', async (ids) =>
        byKey(
          ids,
          await db
            .select()
            .from(registrations)
            .where(inArray(registrations.id, [...ids])),
          (row) => row.id,
        ),
      ),
    ),
    paymentsByRegistration: new DataLoader<string, PaymentRow[]>(
      tracedBatch('paymentsByRegistration', async (registrationIds) =>
        groupBy(
          registrationIds,
          await db
            .select()
            .from(payments)
            .where(inArray(payments.registrationId, [...registrationIds]))
            .orderBy(desc(payments.createdAt), desc(payments.id)),
          (row) => row.registrationId,
        ),
      ),
    ),
    invoiceByPayment: new DataLoader<string, InvoiceRow | null>(
      tracedBatch('invoiceByPayment', async (paymentIds) =>
        byKey(
          paymentIds,
          await db
            .select()
            .from(invoices)
            .where(inArray(invoices.paymentId, [...paymentIds])),
          (row) => row.paymentId,
        ),
      ),
    ),
    employer: new DataLoader<string, EmployerRow | null>(
      tracedBatch('employer', async (creditCodes) =>
        byKey(
          creditCodes,
          await db
            .select()
            .from(employers)
            .where(inArray(employers.creditCode, [...creditCodes])),
          (row) => row.creditCode,
        ),
      ),
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
    reversalByInvoice: new DataLoader<string, InvoiceReversalRow | null>(
      tracedBatch('reversalByInvoice', async (invoiceIds) =>
        byKey(
          invoiceIds,
          await db
            .select()
            .from(invoiceReversals)
            .where(inArray(invoiceReversals.invoiceId, [...invoiceIds])),
          (row) => row.invoiceId,
        ),
      ),
    ),
    staffMember: new DataLoader<string, StaffRow | null>(
      tracedBatch('staffMember', async (usernames) =>
        byKey(
          usernames,
          await db
            .select()
            .from(staff)
            .where(inArray(staff.username, [...usernames])),
          (row) => row.username,
        ),
      ),
    ),
    /** A session's roster: paid registrations and those with an outcome, in registration order. */
    rosterBySession: new DataLoader<string, RegistrationRow[]>(
      tracedBatch('rosterBySession', async (sessionIds) =>
        groupBy(
          sessionIds,
          await db
            .select()
            .from(registrations)
            .where(
              and(
                inArray(registrations.sessionId, [...sessionIds]),
                inArray(registrations.status, ['PAID', 'COMPLETED', 'FAILED']),
              ),
            )
            .orderBy(asc(registrations.registeredAt), asc(registrations.id)),
          (row) => row.sessionId,
        ),
      ),
    ),
    creditEntriesByLearner: new DataLoader<string, CreditEntryRow[]>(
      tracedBatch('creditEntriesByLearner', async (learnerIds) =>
        groupBy(
          learnerIds,
          await db
            .select()
            .from(creditEntries)
            .where(inArray(creditEntries.learnerId, [...learnerIds]))
            .orderBy(asc(creditEntries.completedOn), asc(creditEntries.recordedAt)),
          (row) => row.learnerId,
        ),
      ),
    ),
    creditEntry: new DataLoader<string, CreditEntryRow | null>(
      tracedBatch('creditEntry', async (ids) =>
        byKey(
          ids,
          await db
            .select()
            .from(creditEntries)
            .where(inArray(creditEntries.id, [...ids])),
          (row) => row.id,
        ),
      ),
    ),
    creditEntryByRegistration: new DataLoader<string, CreditEntryRow | null>(
      tracedBatch('creditEntryByRegistration', async (registrationIds) =>
        byKey(
          registrationIds,
          await db
            .select()
            .from(creditEntries)
            .where(and(inArray(creditEntries.registrationId, [...registrationIds]), isNull(creditEntries.reverses))),
          (row) => row.registrationId ?? '',
        ),
      ),
    ),
    outcome: new DataLoader<string, OutcomeRow | null>(
      tracedBatch('outcome', async (registrationIds) =>
        byKey(
          registrationIds,
          await db
            .select()
            .from(outcomes)
            .where(inArray(outcomes.registrationId, [...registrationIds])),
          (row) => row.registrationId,
        ),
      ),
    ),
    cycleStartYearChangesByLearner: new DataLoader<string, CycleStartYearChangeRow[]>(
      tracedBatch('cycleStartYearChangesByLearner', async (learnerIds) =>
        groupBy(
          learnerIds,
          await db
            .select()
            .from(cycleStartYearChanges)
            .where(inArray(cycleStartYearChanges.learnerId, [...learnerIds]))
            .orderBy(desc(cycleStartYearChanges.changedAt)),
          (row) => row.learnerId,
        ),
      ),
    ),
    transcriptsByLearner: new DataLoader<string, TranscriptRow[]>(
      tracedBatch('transcriptsByLearner', async (learnerIds) =>
        groupBy(
          learnerIds,
          await db
            .select()
            .from(transcripts)
            .where(inArray(transcripts.learnerId, [...learnerIds]))
            .orderBy(desc(transcripts.issuedAt)),
          (row) => row.learnerId,
        ),
      ),
    ),
    programmeYear: new DataLoader<number, ProgrammeYearRow | null>(
      tracedBatch('programmeYear', async (years) =>
        byKey(
          years,
          await db
            .select()
            .from(programmeYears)
            .where(inArray(programmeYears.year, [...years])),
          (row) => row.year,
        ),
      ),
    ),
  };
}

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
