import { addCalendarDays, endOfShanghaiYear, isWorkingDay, shanghaiDay, startOfShanghaiDay } from '@xueshi/domain';
import type { Db } from '@xueshi/subgraph-kit';
import { DEMO_HISTORY, upcomingFirstDays } from '../demo';
import { coursewareSessionLocalId, liveSessionLocalId, ownedId } from '../ids';
import { PLAN_PROFILES, PLAN_REQUIRED_COURSES, programmeYearOpensAt } from '../plan';
import type { InstitutionCode } from '../institutions';
import { contacts, courses, profile, sessions } from './db/schema';
import type { CourseRow, DeliveryMode, SessionRow } from './db/schema';

/** A course to seed with its sessions. */
export interface CourseSeed {
  course: CourseRow;
  sessions: SessionRow[];
}

interface LiveSessionOptions {
  capacity: number | null;
  deliveryMode?: Extract<DeliveryMode, 'LIVE_ONLINE' | 'FACE_TO_FACE'>;
  venue?: string;
  /** Employer-run training: the employer's name and credit code, whose listed staff alone may register. */
  employer?: { name: string; creditCode: string };
  /** Local start and end of each training day, Asia/Shanghai. */
  dayStarts?: string;
  dayEnds?: string;
  /** When registration opens; by default four weeks before the first day, never before the year opens. */
  registrationOpensAt?: Date;
}

const instant = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

/** What a course of the plan (or a sample) has, being no course per notice. */
export const PLAN_COURSE = { noticeTitle: null, noticeUrl: null, createdBy: null, createdAt: null } as const;

/** A course of `year` as the plan defines it for `code`; years other than the plan's are samples. */
export function requiredCourse(code: InstitutionCode, year: number, position = 0): CourseRow {
  const plan = PLAN_REQUIRED_COURSES[code];
  if (!plan) throw new RangeError(`${code} runs no required course in the plan`);
  return {
    id: ownedId(code, 'course', `${year}-${plan.key}`),
    year,
    position,
    title: plan.title,
    category: plan.category,
    days: plan.days,
    minutes: plan.minutes,
    feeFen: plan.feeFen,
    description: null,
    isSample: programmeYearOpensAt(year).isSample,

    ...PLAN_COURSE,
  };
}

/** The course's key, the part of its local id after the year. */
function courseKey(course: CourseRow): string {
  return course.id.split(':')[2]?.slice(`${course.year}-`.length) ?? '';
}

/** A session's first day, with anything that differs from the course's other sessions. */
type SessionEntry = string | ({ firstDay: string } & Partial<LiveSessionOptions>);

/**
 * Sessions of a live course, one per entry, numbered in order (第1期, 第2期, …), each running on
 * consecutive days for as long as the course lasts. Ids are `<code>:session:<year>-<course key>-<MMDD>`,
 * so reseeding never duplicates one.
 */
export function liveSessions(course: CourseRow, entries: readonly SessionEntry[], defaults: LiveSessionOptions): SessionRow[] {
  const code = course.id.split(':')[0] as InstitutionCode;
  const days = course.days ?? 1;
  const yearOpens = new Date(programmeYearOpensAt(course.year).opensAt);
  return entries.map((entry, index) => {
    const { firstDay, ...overrides } = typeof entry === 'string' ? { firstDay: entry } : entry;
    const options = { ...defaults, ...overrides };
    const lastDay = addCalendarDays(firstDay, days - 1);
    // A seeded session on a holiday, or in a year whose calendar is not held, is a mistake in the seed.
    for (let day = firstDay; day <= lastDay; day = addCalendarDays(day, 1)) {
      if (!isWorkingDay(day)) throw new RangeError(`${course.id}: a session on ${day}, which is not a working day`);
    }
    const startsAt = instant(firstDay, options.dayStarts ?? '09:00');
    const fourWeeksBefore = instant(addCalendarDays(firstDay, -28), '10:00');
    return {
      id: ownedId(code, 'session', liveSessionLocalId(course.year, courseKey(course), firstDay)),
      courseId: course.id,
      title: `${course.title} ${course.year}年第${index + 1}期`,
      startsAt,
      endsAt: instant(lastDay, options.dayEnds ?? '16:30'),
      firstDay,
      lastDay,
      deliveryMode: options.deliveryMode ?? 'LIVE_ONLINE',
      venue: options.venue ?? null,
      capacity: options.capacity,
      registrationOpensAt: options.registrationOpensAt ?? new Date(Math.max(yearOpens.getTime(), fourWeeksBefore.getTime())),
      registrationClosesAt: startsAt,
      restrictedToEmployer: options.employer?.name ?? null,
      employerCreditCode: options.employer?.creditCode ?? null,
      isSample: true,
    };
  });
}

/**
 * The one courseware "session" of an elective course: on sale from the first of January (the live
 * courses' registration opening does not hold electives back), to be finished by 31 Dec.
 */
export function coursewareSession(course: CourseRow): SessionRow {
  const opens = startOfShanghaiDay(`${course.year}-01-01`);
  const ends = endOfShanghaiYear(course.year);
  return {
    id: ownedId('elective-provider', 'session', coursewareSessionLocalId(course.year, courseKey(course))),
    courseId: course.id,
    title: `${course.title}（${course.year}年网上课件）`,
    startsAt: opens,
    endsAt: ends,
    firstDay: shanghaiDay(opens),
    lastDay: shanghaiDay(ends),
    deliveryMode: 'ONLINE_COURSEWARE',
    venue: '上海继教网 课程中心 · 在线培训',
    capacity: null,
    registrationOpensAt: opens,
    registrationClosesAt: ends,
    restrictedToEmployer: null,
    employerCreditCode: null,
    isSample: true,
  };
}

/**
 * The required course of `code` in every year that the upcoming demo sessions fall in, with those
 * sessions; registration for them is open from two weeks before `now`.
 */
function upcomingRequiredCourses(code: InstitutionCode, now: Date, options: LiveSessionOptions): CourseSeed[] {
  const byYear = new Map<number, string[]>();
  for (const day of upcomingFirstDays(now)) {
    const year = Number(day.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), day]);
  }
  return [...byYear].map(([year, days]) => {
    const course = requiredCourse(code, year);
    return {
      course,
      sessions: liveSessions(course, days, {
        ...options,
        registrationOpensAt: instant(addCalendarDays(shanghaiDay(now), -14), '10:00'),
      }),
    };
  });
}

/** The live sessions of the demo learner's history at `code`, for the years that are samples. */
function demoHistoryFirstDays(code: InstitutionCode, year: number): string[] {
  return DEMO_HISTORY.flatMap((item) =>
    item.kind === 'live' && item.institution === code && item.year === year ? [item.firstDay] : [],
  );
}

/**
 * Loads the institution's profile, contacts, courses and sessions as the plan gives them. Idempotent:
 * rows that exist are left as they are, so edits made in the running system survive a restart.
 */
export async function seedInstitution(db: Db, code: InstitutionCode, seeds: readonly CourseSeed[]): Promise<void> {
  const plan = PLAN_PROFILES[code];
  await db.transaction(async (tx) => {
    await tx.insert(profile).values({ code, address: plan.address, hotline: plan.hotline }).onConflictDoNothing();
    if (plan.contacts.length > 0) {
      await tx
        .insert(contacts)
        .values(plan.contacts.map((contact, position) => ({ position, name: contact.name, phones: contact.phones })))
        .onConflictDoNothing();
    }
    const courseRows = seeds.map((seed) => seed.course);
    if (courseRows.length > 0) await tx.insert(courses).values(courseRows).onConflictDoNothing();
    const sessionRows = seeds.flatMap((seed) => seed.sessions);
    if (sessionRows.length > 0) await tx.insert(sessions).values(sessionRows).onConflictDoNothing();
  });
}

/** When an institution runs its required live course, year by year. */
interface LiveSchedule {
  /** Seats per session unless an entry says otherwise. */
  capacity: number;
  /** The 2021 sessions. */
  plan: readonly SessionEntry[];
  /** Sample sessions of later years, for the demo; the demo learner's history sessions are added to them. */
  samples: Readonly<Record<number, readonly SessionEntry[]>>;
}

/**
 * The seed of an institution that runs one required live course: the plan's profile and course with
 * its 2021 sessions; with `demo`, also sample years and sessions open for registration now.
 */
export function liveCourseSeed(code: InstitutionCode, schedule: LiveSchedule) {
  return async (database: { db: Db }, level: 'plan' | 'demo', clock: { now(): Date }): Promise<void> => {
    const defaults: LiveSessionOptions = { capacity: schedule.capacity };
    const plan = requiredCourse(code, 2021);
    const seeds: CourseSeed[] = [{ course: plan, sessions: liveSessions(plan, schedule.plan, defaults) }];
    if (level === 'demo') {
      for (const [year, entries] of Object.entries(schedule.samples).map(([year, entries]) => [Number(year), entries] as const)) {
        const course = requiredCourse(code, year);
        const history = demoHistoryFirstDays(code, year).filter(
          (day) => !entries.some((entry) => (typeof entry === 'string' ? entry : entry.firstDay) === day),
        );
        const all = [...entries, ...history].sort((a, b) =>
          (typeof a === 'string' ? a : a.firstDay).localeCompare(typeof b === 'string' ? b : b.firstDay),
        );
        seeds.push({ course, sessions: liveSessions(course, all, defaults) });
      }
      seeds.push(...upcomingRequiredCourses(code, clock.now(), defaults));
    }
    await seedInstitution(database.db, code, seeds);
  };
}
