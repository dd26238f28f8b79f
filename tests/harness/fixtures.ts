import { randomInt } from 'node:crypto';
import { idNumberCheckCharacter } from '@xueshi/domain';
import { learners, registrations } from '@xueshi/registry/db';
import type { RegistrationStatus } from '@xueshi/registry/db';
import type { Database } from '@xueshi/subgraph-kit';

/** A valid, random Shanghai ID number for someone born on `birthDay` (YYYYMMDD). */
export function randomIdNumber(birthDay = '19880615'): string {
  const first17 = `310104${birthDay}${String(randomInt(0, 1000)).padStart(3, '0')}`;
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
