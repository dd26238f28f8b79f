import { asc, eq } from 'drizzle-orm';
import { amongKeys, groupLoader, once, preparedStatement, rowLoader } from '@xueshi/subgraph-kit';
import type { Db } from '@xueshi/subgraph-kit';
import { contacts, courses, profile, sessionDateChanges, sessions } from './db/schema';
import type { ContactRow, CourseRow, ProfileRow, SessionRow } from './db/schema';

// Built once per database (preparedStatement): building a query costs more CPU than running these small reads.
const profileRow = preparedStatement<ProfileRow[], Record<string, never>>('profile', (db) => db.select().from(profile).limit(1));
const contactRows = preparedStatement<ContactRow[], Record<string, never>>('contacts', (db) =>
  db.select().from(contacts).orderBy(asc(contacts.position)),
);
const coursesOfYears = preparedStatement('coursesOfYears', (db) =>
  db.select().from(courses).where(amongKeys(courses.year)).orderBy(asc(courses.position), asc(courses.id)),
);
const coursesById = preparedStatement('coursesById', (db) => db.select().from(courses).where(amongKeys(courses.id)));
// A session is almost always asked for with its course (the registry's facts, a registration's course):
// both come in one statement, and the course loader is handed the course.
const sessionsWithCoursesById = preparedStatement('sessionsWithCoursesById', (db) =>
  db
    .select({ session: sessions, course: courses })
    .from(sessions)
    .innerJoin(courses, eq(courses.id, sessions.courseId))
    .where(amongKeys(sessions.id)),
);
const dateChangesOfSessions = preparedStatement('dateChangesOfSessions', (db) =>
  db.select().from(sessionDateChanges).where(amongKeys(sessionDateChanges.sessionId)).orderBy(asc(sessionDateChanges.id)),
);
const sessionsOfCourses = preparedStatement('sessionsOfCourses', (db) =>
  db.select().from(sessions).where(amongKeys(sessions.courseId)).orderBy(asc(sessions.startsAt), asc(sessions.id)),
);

/** Per-request loaders: each costs one SQL statement per request, whatever the number of keys. */
export function createInstitutionLoaders(db: Db) {
  const course = rowLoader(
    'course',
    (ids: string[]) => coursesById(db, { keys: ids }),
    (row: CourseRow) => row.id,
  );
  return {
    profile: once(async (): Promise<ProfileRow | null> => (await profileRow(db, {}))[0] ?? null),
    contacts: once(() => contactRows(db, {})),
    coursesByYear: groupLoader(
      'coursesByYear',
      (years: number[]) => coursesOfYears(db, { keys: years }),
      (row) => row.year,
    ),
    course,
    session: rowLoader(
      'session',
      async (ids: string[]) =>
        (await sessionsWithCoursesById(db, { keys: ids })).map((row) => {
          course.prime(row.course.id, row.course);
          return row.session;
        }),
      (row: SessionRow) => row.id,
    ),
    dateChangesBySession: groupLoader(
      'dateChangesBySession',
      (sessionIds: string[]) => dateChangesOfSessions(db, { keys: sessionIds }),
      (row) => row.sessionId,
    ),
    sessionsByCourse: groupLoader(
      'sessionsByCourse',
      (courseIds: string[]) => sessionsOfCourses(db, { keys: courseIds }),
      (row) => row.courseId,
    ),
  };
}

export type InstitutionLoaders = ReturnType<typeof createInstitutionLoaders>;
