import { asc, inArray } from 'drizzle-orm';
import { groupLoader, once, rowLoader } from '@xueshi/subgraph-kit';
import type { Db } from '@xueshi/subgraph-kit';
import { contacts, courses, profile, sessionDateChanges, sessions } from './db/schema';
import type { ContactRow, ProfileRow } from './db/schema';

/** Per-request loaders: each costs one SQL statement per request, whatever the number of keys. */
export function createInstitutionLoaders(db: Db) {
  return {
    profile: once(async (): Promise<ProfileRow | null> => (await db.select().from(profile).limit(1))[0] ?? null),
    contacts: once((): Promise<ContactRow[]> => db.select().from(contacts).orderBy(asc(contacts.position))),
    coursesByYear: groupLoader(
      'coursesByYear',
      (years: number[]) =>
        db.select().from(courses).where(inArray(courses.year, years)).orderBy(asc(courses.position), asc(courses.id)),
      (row) => row.year,
    ),
    course: rowLoader(
      'course',
      (ids: string[]) => db.select().from(courses).where(inArray(courses.id, ids)),
      (row) => row.id,
    ),
    session: rowLoader(
      'session',
      (ids: string[]) => db.select().from(sessions).where(inArray(sessions.id, ids)),
      (row) => row.id,
    ),
    dateChangesBySession: groupLoader(
      'dateChangesBySession',
      (sessionIds: string[]) =>
        db
          .select()
          .from(sessionDateChanges)
          .where(inArray(sessionDateChanges.sessionId, sessionIds))
          .orderBy(asc(sessionDateChanges.id)),
      (row) => row.sessionId,
    ),
    sessionsByCourse: groupLoader(
      'sessionsByCourse',
      (courseIds: string[]) =>
        db.select().from(sessions).where(inArray(sessions.courseId, courseIds)).orderBy(asc(sessions.startsAt), asc(sessions.id)),
      (row) => row.courseId,
    ),
  };
}

export type InstitutionLoaders = ReturnType<typeof createInstitutionLoaders>;
