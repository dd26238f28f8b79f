import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { addCalendarDays, coursewareAccessExpiresAt, creditVisibleFrom, endOfShanghaiYear, shanghaiDay } from '@xueshi/domain';
import type { Category } from '@xueshi/domain';
import { INSTITUTIONS, coursewareSessionLocalId, liveSessionLocalId, ownedId } from '@xueshi/institutions';
import {
  DEMO_EMPLOYER,
  DEMO_HISTORY,
  DEMO_LEARNER,
  DEMO_PASSWORD,
  demoProgrammeYears,
  sampleCourseware,
} from '@xueshi/institutions/demo';
import { PLAN_REQUIRED_COURSES, programmeYearOpensAt } from '@xueshi/institutions/plan';
import type { DemoHistoryItem } from '@xueshi/institutions/demo';
import type { Clock, Database, SeedLevel } from '@xueshi/subgraph-kit';
import { creditEntries, employerStaff, employers, learners, payments, programmeYears, registrations, staff } from './db/schema';
import type { CreditEntryRow, RegistrationRow, StaffRow } from './db/schema';
import { hashPassword } from './passwords';

/** A stable UUID for a seeded row, so reseeding finds the row it made before. */
export function seedUuid(name: string): string {
  const hex = createHash('sha256').update(`xueshi-seed:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

interface HistoryFacts {
  sessionId: string;
  deliveryMode: 'LIVE_ONLINE' | 'ONLINE_COURSEWARE';
  sessionStartsAt: Date;
  sessionEndsAt: Date;
  firstDay: string;
  lastDay: string;
  courseId: string;
  courseTitle: string;
  category: Category;
  minutes: number;
  feeFen: number;
  registeredOn: string;
  completedOn: string;
}

function historyFacts(item: DemoHistoryItem): HistoryFacts {
  if (item.kind === 'live') {
    const course = PLAN_REQUIRED_COURSES[item.institution];
    if (!course) throw new RangeError(`${item.institution} runs no required course`);
    const lastDay = addCalendarDays(item.firstDay, course.days - 1);
    return {
      sessionId: ownedId(item.institution, 'session', liveSessionLocalId(item.year, course.key, item.firstDay)),
      deliveryMode: 'LIVE_ONLINE',
      sessionStartsAt: at(item.firstDay, '09:00'),
      sessionEndsAt: at(lastDay, '16:30'),
      firstDay: item.firstDay,
      lastDay,
      courseId: ownedId(item.institution, 'course', `${item.year}-${course.key}`),
      courseTitle: course.title,
      category: course.category,
      minutes: course.minutes,
      feeFen: course.feeFen,
      registeredOn: addCalendarDays(item.firstDay, -14),
      completedOn: lastDay,
    };
  }
  const courseware = sampleCourseware(item.courseKey);
  const opens = new Date(programmeYearOpensAt(item.year).opensAt);
  return {
    sessionId: ownedId(item.institution, 'session', coursewareSessionLocalId(item.year, item.courseKey)),
    deliveryMode: 'ONLINE_COURSEWARE',
    sessionStartsAt: opens,
    sessionEndsAt: endOfShanghaiYear(item.year),
    firstDay: shanghaiDay(opens),
    lastDay: `${item.year}-12-31`,
    courseId: ownedId(item.institution, 'course', `${item.year}-${item.courseKey}`),
    courseTitle: courseware.title,
    category: 'ELECTIVE',
    minutes: courseware.minutes,
    feeFen: courseware.feeFen,
    registeredOn: addCalendarDays(item.completedOn, -20),
    completedOn: item.completedOn,
  };
}

function demoStaff(): Omit<StaffRow, 'passwordHash' | 'createdAt'>[] {
  return [
    { username: 'registrar', role: 'REGISTRAR', institution: null, displayName: '上海继教网 学时登记员（演示）' },
    { username: 'analyst', role: 'ANALYST', institution: null, displayName: '统计分析员（演示）' },
    ...INSTITUTIONS.map((entry) => ({
      username: `${entry.code}-staff`,
      role: 'INSTITUTION_STAFF' as const,
      institution: entry.code,
      displayName: `${entry.name} 工作人员（演示）`,
    })),
  ];
}

/**
 * The registry's seed: the programme years; with `demo`, the demo's staff accounts, the demo employer
 * (listing the demo learner as its staff) and the demo learner with their 2021–2023 history. Idempotent: rows that exist are left as they are.
 */
export async function seed(database: Database, level: SeedLevel, clock: Clock, passwordCost?: number): Promise<void> {
  const { db } = database;
  const years = level === 'demo' ? demoProgrammeYears(clock.now()) : [2021];
  await db
    .insert(programmeYears)
    .values(
      [...new Set(years)].map((year) => {
        const { opensAt, isSample } = programmeYearOpensAt(year);
        return { year, registrationOpensAt: new Date(opensAt), isSample };
      }),
    )
    .onConflictDoNothing();
  if (level !== 'demo') return;

  const existing = new Set((await db.select({ username: staff.username }).from(staff)).map((row) => row.username));
  const missing = demoStaff().filter((member) => !existing.has(member.username));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD, passwordCost);
    await db
      .insert(staff)
      .values(missing.map((member) => ({ ...member, passwordHash })))
      .onConflictDoNothing();
  }

  const [known] = await db.select({ id: learners.id }).from(learners).where(eq(learners.idNumber, DEMO_LEARNER.idNumber));
  const learnerId = known?.id ?? seedUuid(`learner:${DEMO_LEARNER.idNumber}`);
  if (!known) {
    await db
      .insert(learners)
      .values({
        id: learnerId,
        ...DEMO_LEARNER,
        passwordHash: await hashPassword(DEMO_PASSWORD, passwordCost),
        cycleStartYear: 2021,
      })
      .onConflictDoNothing();
  }

  const [employer] = await db.select().from(employers).where(eq(employers.creditCode, DEMO_EMPLOYER.creditCode));
  if (!employer) {
    await db
      .insert(employers)
      .values({ ...DEMO_EMPLOYER, passwordHash: await hashPassword(DEMO_PASSWORD, passwordCost), createdAt: clock.now() })
      .onConflictDoNothing();
    await db
      .insert(employerStaff)
      .values({ creditCode: DEMO_EMPLOYER.creditCode, idNumber: DEMO_LEARNER.idNumber, listedAt: clock.now() })
      .onConflictDoNothing();
  }

  const history = DEMO_HISTORY.map((item) => ({ item, facts: historyFacts(item) }));
  const registrationRows: RegistrationRow[] = history.map(({ item, facts }) => ({
    id: seedUuid(`registration:${learnerId}:${facts.sessionId}`),
    learnerId,
    sessionId: facts.sessionId,
    courseId: facts.courseId,
    institution: item.institution,
    year: item.year,
    courseTitle: facts.courseTitle,
    category: facts.category,
    minutes: facts.minutes,
    feeFen: facts.feeFen,
    status: 'COMPLETED',
    registeredAt: at(facts.registeredOn, '10:30'),
    holdExpiresAt: null,
    endedAt: at(facts.completedOn, '17:00'),
    deliveryMode: facts.deliveryMode,
    sessionStartsAt: facts.sessionStartsAt,
    sessionEndsAt: facts.sessionEndsAt,
    firstDay: facts.firstDay,
    lastDay: facts.lastDay,
    paidAt: at(facts.registeredOn, '10:35'),
    accessExpiresAt:
      facts.deliveryMode === 'ONLINE_COURSEWARE' ? coursewareAccessExpiresAt(at(facts.registeredOn, '10:35')) : null,
    refundFen: null,
  }));
  await db.insert(registrations).values(registrationRows).onConflictDoNothing();
  await db
    .insert(payments)
    .values(
      registrationRows.map((registration) => ({
        id: seedUuid(`payment:${registration.id}`),
        registrationId: registration.id,
        learnerId,
        idempotencyKey: `seed-${registration.id}`,
        amountFen: registration.feeFen,
        status: 'SUCCEEDED' as const,
        provider: 'sandbox',
        providerReference: `sandbox-seed-${registration.id.slice(0, 8)}`,
        failureReason: null,
        createdAt: registration.paidAt ?? registration.registeredAt,
        completedAt: registration.paidAt,
      })),
    )
    .onConflictDoNothing();

  const entryRows: Omit<CreditEntryRow, 'recordedAt'>[] = history.map(({ item, facts }, index) => ({
    id: seedUuid(`credit:${learnerId}:${facts.sessionId}`),
    learnerId,
    registrationId: registrationRows[index]?.id ?? null,
    courseTitle: facts.courseTitle,
    institution: item.institution,
    category: facts.category,
    year: item.year,
    minutes: facts.minutes,
    completedOn: facts.completedOn,
    visibleFrom: creditVisibleFrom(facts.completedOn),
    pendingCalendarYear: null,
    reverses: null,
    reason: null,
    recordedBy: `${item.institution}-staff`,
  }));
  await db.insert(creditEntries).values(entryRows).onConflictDoNothing();
}
