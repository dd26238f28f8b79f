import DataLoader from 'dataloader';
import { UNPAID_HOLD_LIMITS, summariseUnpaidHolds } from '@xueshi/domain';
import type { UnpaidHoldSummary } from '@xueshi/domain';
import { and, asc, count, desc, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Clock } from '@xueshi/subgraph-kit';
import { amongKeys, byKey, groupBy, groupLoader, preparedStatement, rowLoader, tracedBatch } from '@xueshi/subgraph-kit';
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
import type { RegistrationRow } from './db/schema';
import { holdsSeatAt } from './store/registrations';

// Built once per database (preparedStatement): building a query costs more CPU than running these small reads.
const learnersById = preparedStatement('learnersById', (db) => db.select().from(learners).where(amongKeys(learners.id)));
const learnersOfIdNumbers = preparedStatement('learnersOfIdNumbers', (db) =>
  db
    .select()
    .from(learners)
    .where(amongKeys(learners.idNumber))
    .orderBy(sql`${learners.lockedAt} is not null`, asc(learners.createdAt)),
);
const registrationsOfLearners = preparedStatement('registrationsOfLearners', (db) =>
  db
    .select()
    .from(registrations)
    .where(amongKeys(registrations.learnerId))
    .orderBy(desc(registrations.registeredAt), desc(registrations.id)),
);
/** An instant given when the statement runs, sent as a timestamp column sends it. */
const instantPlaceholder = (name: string) => sql.param(sql.placeholder(name), registrations.registeredAt);
const unpaidRegistrationsOfSessions = preparedStatement<RegistrationRow[], { keys: readonly string[]; since: Date }>(
  'unpaidRegistrationsOfSessions',
  (db) =>
    db
      .select()
      .from(registrations)
      .where(
        and(
          amongKeys(registrations.sessionId),
          gte(registrations.registeredAt, instantPlaceholder('since')),
          isNull(registrations.paidAt),
          gt(registrations.feeFen, 0),
        ),
      ),
);
const seatsTakenOfSessions = preparedStatement<{ sessionId: string; taken: number }[], { keys: readonly string[]; now: Date }>(
  'seatsTakenOfSessions',
  (db) =>
    db
      .select({ sessionId: registrations.sessionId, taken: count() })
      .from(registrations)
      .where(and(amongKeys(registrations.sessionId), holdsSeatAt(instantPlaceholder('now'))))
      .groupBy(registrations.sessionId),
);
const registrationsById = preparedStatement('registrationsById', (db) =>
  db.select().from(registrations).where(amongKeys(registrations.id)),
);
const paymentsOfRegistrations = preparedStatement('paymentsOfRegistrations', (db) =>
  db.select().from(payments).where(amongKeys(payments.registrationId)).orderBy(desc(payments.createdAt), desc(payments.id)),
);
const invoicesOfPayments = preparedStatement('invoicesOfPayments', (db) =>
  db.select().from(invoices).where(amongKeys(invoices.paymentId)),
);
const employersByCreditCode = preparedStatement('employersByCreditCode', (db) =>
  db.select().from(employers).where(amongKeys(employers.creditCode)),
);
const staffCountsOfEmployers = preparedStatement('staffCountsOfEmployers', (db) =>
  db
    .select({ creditCode: employerStaff.creditCode, count: count() })
    .from(employerStaff)
    .where(amongKeys(employerStaff.creditCode))
    .groupBy(employerStaff.creditCode),
);
const reversalsOfInvoices = preparedStatement('reversalsOfInvoices', (db) =>
  db.select().from(invoiceReversals).where(amongKeys(invoiceReversals.invoiceId)),
);
const staffByUsername = preparedStatement('staffByUsername', (db) => db.select().from(staff).where(amongKeys(staff.username)));
const rostersOfSessions = preparedStatement('rostersOfSessions', (db) =>
  db
    .select()
    .from(registrations)
    .where(and(amongKeys(registrations.sessionId), inArray(registrations.status, ['PAID', 'COMPLETED', 'FAILED'])))
    .orderBy(asc(registrations.registeredAt), asc(registrations.id)),
);
const creditEntriesOfLearners = preparedStatement('creditEntriesOfLearners', (db) =>
  db
    .select()
    .from(creditEntries)
    .where(amongKeys(creditEntries.learnerId))
    .orderBy(asc(creditEntries.completedOn), asc(creditEntries.recordedAt)),
);
const creditEntriesById = preparedStatement('creditEntriesById', (db) =>
  db.select().from(creditEntries).where(amongKeys(creditEntries.id)),
);
const creditEntriesOfRegistrations = preparedStatement('creditEntriesOfRegistrations', (db) =>
  db
    .select()
    .from(creditEntries)
    .where(and(amongKeys(creditEntries.registrationId), isNull(creditEntries.reverses))),
);
const outcomesOfRegistrations = preparedStatement('outcomesOfRegistrations', (db) =>
  db.select().from(outcomes).where(amongKeys(outcomes.registrationId)),
);
const cycleStartYearChangesOfLearners = preparedStatement('cycleStartYearChangesOfLearners', (db) =>
  db
    .select()
    .from(cycleStartYearChanges)
    .where(amongKeys(cycleStartYearChanges.learnerId))
    .orderBy(desc(cycleStartYearChanges.changedAt)),
);
const transcriptsOfLearners = preparedStatement('transcriptsOfLearners', (db) =>
  db.select().from(transcripts).where(amongKeys(transcripts.learnerId)).orderBy(desc(transcripts.issuedAt)),
);
const programmeYearsByYear = preparedStatement('programmeYearsByYear', (db) =>
  db.select().from(programmeYears).where(amongKeys(programmeYears.year)),
);

/** Per-request loaders: each costs one SQL statement per request, whatever the number of keys. */
export function createRegistryLoaders(db: Db, clock: Clock) {
  return {
    learner: rowLoader(
      'learner',
      (ids: string[]) => learnersById(db, { keys: ids }),
      (row) => row.id,
    ),
    /** Accounts by normalised ID number: the open one first (a locked account keeps the number it claimed). */
    learnersByIdNumber: groupLoader(
      'learnersByIdNumber',
      (idNumbers: string[]) => learnersOfIdNumbers(db, { keys: idNumbers }),
      (row) => row.idNumber,
    ),
    registrationsByLearner: groupLoader(
      'registrationsByLearner',
      (learnerIds: string[]) => registrationsOfLearners(db, { keys: learnerIds }),
      (row) => row.learnerId,
    ),
    unpaidHolds: new DataLoader<string, UnpaidHoldSummary>(
      tracedBatch('unpaidHolds', async (sessionIds) => {
        const now = clock.now();
        // A hold lasts at most a day (HOLD_MINUTES ≤ 1440), so one that ended within the window began within two.
        const since = new Date(now.getTime() - 2 * UNPAID_HOLD_LIMITS.windowMinutes * 60_000);
        const rows = await unpaidRegistrationsOfSessions(db, { keys: sessionIds, since });
        return groupBy(sessionIds, rows, (row) => row.sessionId).map((unpaid) => summariseUnpaidHolds(unpaid, now));
      }),
    ),
    seatsTaken: new DataLoader<string, number>(
      tracedBatch('seatsTaken', async (sessionIds) => {
        const rows = await seatsTakenOfSessions(db, { keys: sessionIds, now: clock.now() });
        return byKey(sessionIds, rows, (row) => row.sessionId).map((row) => Number(row?.taken ?? 0));
      }),
    ),
    registration: rowLoader(
      'registration',
      (ids: string[]) => registrationsById(db, { keys: ids }),
      (row) => row.id,
    ),
    paymentsByRegistration: groupLoader(
      'paymentsByRegistration',
      (registrationIds: string[]) => paymentsOfRegistrations(db, { keys: registrationIds }),
      (row) => row.registrationId,
    ),
    invoiceByPayment: rowLoader(
      'invoiceByPayment',
      (paymentIds: string[]) => invoicesOfPayments(db, { keys: paymentIds }),
      (row) => row.paymentId,
    ),
    employer: rowLoader(
      'employer',
      (creditCodes: string[]) => employersByCreditCode(db, { keys: creditCodes }),
      (row) => row.creditCode,
    ),
    employerStaffCount: new DataLoader<string, number>(
      tracedBatch('employerStaffCount', async (creditCodes) => {
        const rows = await staffCountsOfEmployers(db, { keys: creditCodes });
        return creditCodes.map((code) => rows.find((row) => row.creditCode === code)?.count ?? 0);
      }),
    ),
    reversalByInvoice: rowLoader(
      'reversalByInvoice',
      (invoiceIds: string[]) => reversalsOfInvoices(db, { keys: invoiceIds }),
      (row) => row.invoiceId,
    ),
    staffMember: rowLoader(
      'staffMember',
      (usernames: string[]) => staffByUsername(db, { keys: usernames }),
      (row) => row.username,
    ),
    /** A session's roster: paid registrations and those with an outcome, in registration order. */
    rosterBySession: groupLoader(
      'rosterBySession',
      (sessionIds: string[]) => rostersOfSessions(db, { keys: sessionIds }),
      (row) => row.sessionId,
    ),
    creditEntriesByLearner: groupLoader(
      'creditEntriesByLearner',
      (learnerIds: string[]) => creditEntriesOfLearners(db, { keys: learnerIds }),
      (row) => row.learnerId,
    ),
    creditEntry: rowLoader(
      'creditEntry',
      (ids: string[]) => creditEntriesById(db, { keys: ids }),
      (row) => row.id,
    ),
    creditEntryByRegistration: rowLoader(
      'creditEntryByRegistration',
      (registrationIds: string[]) => creditEntriesOfRegistrations(db, { keys: registrationIds }),
      (row) => row.registrationId ?? '',
    ),
    outcome: rowLoader(
      'outcome',
      (registrationIds: string[]) => outcomesOfRegistrations(db, { keys: registrationIds }),
      (row) => row.registrationId,
    ),
    cycleStartYearChangesByLearner: groupLoader(
      'cycleStartYearChangesByLearner',
      (learnerIds: string[]) => cycleStartYearChangesOfLearners(db, { keys: learnerIds }),
      (row) => row.learnerId,
    ),
    transcriptsByLearner: groupLoader(
      'transcriptsByLearner',
      (learnerIds: string[]) => transcriptsOfLearners(db, { keys: learnerIds }),
      (row) => row.learnerId,
    ),
    programmeYear: rowLoader(
      'programmeYear',
      (years: number[]) => programmeYearsByYear(db, { keys: years }),
      (row) => row.year,
    ),
  };
}

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
