import DataLoader from 'dataloader';
import { and, count, desc, inArray } from 'drizzle-orm';
import { byKey, groupBy } from '@xueshi/subgraph-kit';
import type { Db } from '@xueshi/subgraph-kit';
import { ACTIVE_STATUSES, learners, programmeYears, registrations } from './db/schema';
import type { LearnerRow, ProgrammeYearRow, RegistrationRow } from './db/schema';

/** Per-request loaders: each costs one SQL statement per request, whatever the number of keys. */
export function createRegistryLoaders(db: Db) {
  return {
    learner: new DataLoader<string, LearnerRow | null>(async (ids) =>
      byKey(ids, await db.select().from(learners).where(inArray(learners.id, [...ids])), (row) => row.id),
    ),
    registrationsByLearner: new DataLoader<string, RegistrationRow[]>(async (learnerIds) =>
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
    seatsTaken: new DataLoader<string, number>(async (sessionIds) => {
      const rows = await db
        .select({ sessionId: registrations.sessionId, taken: count() })
        .from(registrations)
        .where(and(inArray(registrations.sessionId, [...sessionIds]), inArray(registrations.status, [...ACTIVE_STATUSES])))
        .groupBy(registrations.sessionId);
      return byKey(sessionIds, rows, (row) => row.sessionId).map((row) => Number(row?.taken ?? 0));
    }),
    programmeYear: new DataLoader<number, ProgrammeYearRow | null>(async (years) =>
      byKey(years, await db.select().from(programmeYears).where(inArray(programmeYears.year, [...years])), (row) => row.year),
    ),
  };
}

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;
