import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import { byKey, groupBy, once, tracedBatch } from '@xueshi/subgraph-kit';
import type { Db } from '@xueshi/subgraph-kit';
import { contacts, courses, profile, sessionDateChanges, sessions } from './db/schema';
import type { ContactRow, CourseRow, ProfileRow, SessionDateChangeRow, SessionRow } from './db/schema';

/** Per-request loaders: each costs one SQL statement per request, whatever the number of keys. */
export function createInstitutionLoaders(db: Db) {
  return {
    profile: once(async (): Promise<ProfileRow | null> => (await db.select().from(profile).limit(1))[0] ?? null),
    contacts: once((): Promise<ContactRow[]> => db.select().from(contacts).orderBy(asc(contacts.position))),
    coursesByYear: new DataLoader<number, CourseRow[]>(
      tracedBatch('coursesByYear', async (years) =>
        groupBy(
          years,
          await db
            .select()
            .from(courses)
            .where(inArray(courses.year, [...years]))
            .orderBy(asc(courses.position), asc(courses.id)),
          (row) => row.year,
        ),
      ),
    ),
    course: new DataLoader<string, CourseRow | null>(
      tracedBatch('course', async (ids) =>
        byKey(
          ids,
          await db
            .select()
            .from(courses)
            .where(inArray(courses.id, [...ids])),
          (row) => row.id,
        ),
      ),
    ),
    session: new DataLoader<string, SessionRow | null>(
      tracedBatch('session', async (ids) =>
        byKey(
          ids,
          await db
            .select()
            .from(sessions)
            .where(inArray(sessions.id, [...ids])),
          (row) => row.id,
        ),
      ),
    ),
    dateChangesBySession: new DataLoader<string, SessionDateChangeRow[]>(
      tracedBatch('dateChangesBySession', async (sessionIds) =>
        groupBy(
          sessionIds,
          await db
            .select()
            .from(sessionDateChanges)
            .where(inArray(sessionDateChanges.sessionId, [...sessionIds]))
            .orderBy(asc(sessionDateChanges.id)),
          (row) => row.sessionId,
        ),
      ),
    ),
    sessionsByCourse: new DataLoader<string, SessionRow[]>(
      tracedBatch('sessionsByCourse', async (courseIds) =>
        groupBy(
          courseIds,
          await db
            .select()
            .from(sessions)
            .where(inArray(sessions.courseId, [...courseIds]))
            .orderBy(asc(sessions.startsAt), asc(sessions.id)),
          (row) => row.courseId,
        ),
      ),
    ),
  };
}

export type InstitutionLoaders = ReturnType<typeof createInstitutionLoaders>;
