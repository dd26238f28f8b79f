import { randomInt } from 'node:crypto';
import { idNumberCheckCharacter } from '@xueshi/domain';
import { learners, registrations } from '@xueshi/registry/db';
import type { RegistrationStatus } from '@xueshi/registry/db';
import { courses, sessions } from '@xueshi/institutions/subgraph';
import type { Database } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';

/** A valid, random Shanghai ID number, for someone born on `birthDay` (YYYYMMDD) or a random day of 1960–1999. */
export function randomIdNumber(birthDay?: string): string {
  const day =
    birthDay ??
    `${randomInt(1960, 2000)}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  const first17 = `310104${day}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

/** Inserts a learner straight into the registry's database, for suites about what comes after sign-up. */
export async function insertLearner(
  database: Database,
  learner: { id: string; idNumber?: string; name?: string; employer?: string },
): Promise<void> {
  await database.db.insert(learners).values({
    id: learner.id,
    idNumber: learner.idNumber ?? randomIdNumber(),
    name: learner.name ?? '测试学员',
    mobile: '13800138000',
    employer: learner.employer ?? '上海测试有限公司',
    passwordHash: 'scrypt$invalid',
  });
}

/** Inserts registrations straight into the registry's database, with placeholder course facts. */
export async function insertRegistrations(
  database: Database,
  learnerId: string,
  entries: { institution: string; sessionId: string; courseId: string; status: RegistrationStatus }[],
): Promise<void> {
  await database.db.insert(registrations).values(
    entries.map((entry, index) => ({
      learnerId,
      sessionId: entry.sessionId,
      courseId: entry.courseId,
      institution: entry.institution,
      year: 2021,
      courseTitle: '测试课程',
      category: 'REQUIRED' as const,
      minutes: 360,
      feeFen: 12_000,
      status: entry.status,
      registeredAt: new Date(Date.UTC(2021, 1, 22, 3, index)),
    })),
  );
}

/**
 * Unpaid holds on a session written straight into the registry's database, each registered 30 minutes
 * before its `holdExpiresAt` (a past one: a hold that has lapsed, not yet written down as EXPIRED).
 * Returns their ids, in order.
 */
export async function insertHolds(
  database: Database,
  sessionId: string,
  holds: { learnerId: string; holdExpiresAt: Date; courseId?: string }[],
): Promise<string[]> {
  const rows = await database.db
    .insert(registrations)
    .values(
      holds.map((hold) => ({
        learnerId: hold.learnerId,
        sessionId,
        courseId: hold.courseId ?? 'sjtu:course:2021-data',
        institution: 'sjtu',
        year: 2021,
        courseTitle: '数据分析基础',
        category: 'REQUIRED' as const,
        minutes: 720,
        feeFen: 24_000,
        status: 'AWAITING_PAYMENT' as const,
        registeredAt: new Date(hold.holdExpiresAt.getTime() - 30 * 60_000),
        holdExpiresAt: hold.holdExpiresAt,
      })),
    )
    .returning({ id: registrations.id });
  return rows.map((row) => row.id);
}

/** Every row of every table of the registry's schema, in a stable order: compared before and after a refused call. */
export async function registrySnapshot(database: Database): Promise<string> {
  const tables = await database.raw.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
      order by table_name`,
  );
  expect(tables.length).toBeGreaterThan(5);
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    const rows = await database.raw.query(`select * from "${table}" order by 1`);
    parts.push(
      `${table}:${JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}`,
    );
  }
  return parts.join('\n');
}

export interface SessionOverrides {
  local: string;
  capacity?: number | null;
  firstDay?: string;
  days?: number;
  registrationOpensAt?: string;
  restrictedToEmployer?: string | null;
  courseLocal?: string;
  feeFen?: number;
}

/**
 * A required two-day sjtu course of `year` (`sjtu:course:<local>`, 240 yuan) written straight into the
 * institution's database, for sessions of a course no learner holds yet.
 */
export async function insertSjtuCourse(database: Database, local: string, year: number, position: number, title: string) {
  await database.db.insert(courses).values({
    id: `sjtu:course:${local}`,
    year,
    position,
    title,
    category: 'REQUIRED',
    days: 2,
    minutes: 720,
    feeFen: 24_000,
    description: null,
    isSample: true,
  });
}

/**
 * A session of sjtu's 数据分析基础 (or another course of theirs) written straight into the institution's
 * database, for suites that need a small capacity or particular dates. Returns its id.
 */
export async function insertSjtuSession(database: Database, overrides: SessionOverrides): Promise<string> {
  const courseId = `sjtu:course:${overrides.courseLocal ?? '2021-data'}`;
  const firstDay = overrides.firstDay ?? '2021-03-18';
  const days = overrides.days ?? 2;
  const lastDay = new Date(Date.parse(`${firstDay}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const id = `sjtu:session:${overrides.local}`;
  if (overrides.feeFen !== undefined) {
    await database.db.update(courses).set({ feeFen: overrides.feeFen }).where(eq(courses.id, courseId));
  }
  await database.db.insert(sessions).values({
    id,
    courseId,
    title: `测试班次 ${overrides.local}`,
    startsAt: new Date(`${firstDay}T09:00:00+08:00`),
    endsAt: new Date(`${lastDay}T16:30:00+08:00`),
    firstDay,
    lastDay,
    deliveryMode: 'LIVE_ONLINE',
    venue: null,
    capacity: overrides.capacity === undefined ? 20 : overrides.capacity,
    registrationOpensAt: new Date(overrides.registrationOpensAt ?? '2021-02-22T10:00:00+08:00'),
    registrationClosesAt: new Date(`${firstDay}T09:00:00+08:00`),
    restrictedToEmployer: overrides.restrictedToEmployer ?? null,
    isSample: true,
  });
  return id;
}

/**
 * Runs a call that must be refused and checks that the registry's data is exactly as before: bad
 * input never changes data.
 */
export async function expectRefusedWithoutChange<T>(
  registry: Database,
  call: () => Promise<{ data?: T | null; errors?: unknown[] }>,
): Promise<{ data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const before = await registrySnapshot(registry);
  const result = await call();
  expect(result.errors?.length, JSON.stringify(result.data)).toBeGreaterThan(0);
  expect(await registrySnapshot(registry)).toBe(before);
  return result as { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}
