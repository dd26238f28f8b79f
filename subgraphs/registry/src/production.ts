import { INSTITUTIONS } from '@xueshi/institutions';
import { DEMO_EMPLOYER, DEMO_LEARNER, DEMO_PASSWORD, DEMO_STAFF_USERNAMES } from '@xueshi/institutions/demo';
import type { Database } from '@xueshi/subgraph-kit';
import { eq, inArray } from 'drizzle-orm';
import { employers, learners, staff } from './db/schema';
import { verifyPassword } from './passwords';

/** Accounts that still open with the demo's published password: production refuses to start with any. */
export async function demoPasswordProblems(database: Database): Promise<string[]> {
  const usernames = [...DEMO_STAFF_USERNAMES, ...INSTITUTIONS.map((entry) => `${entry.code}-staff`)];
  const members = await database.db.select().from(staff).where(inArray(staff.username, usernames));
  const demoLearners = await database.db.select().from(learners).where(eq(learners.idNumber, DEMO_LEARNER.idNumber));
  const demoEmployers = await database.db.select().from(employers).where(eq(employers.creditCode, DEMO_EMPLOYER.creditCode));
  const problems: string[] = [];
  for (const member of members) {
    if (await verifyPassword(DEMO_PASSWORD, member.passwordHash))
      problems.push(`staff account ${member.username} has the demo password`);
  }
  for (const learner of demoLearners) {
    if (await verifyPassword(DEMO_PASSWORD, learner.passwordHash)) problems.push('the demo learner has the demo password');
  }
  for (const employer of demoEmployers) {
    if (await verifyPassword(DEMO_PASSWORD, employer.passwordHash)) problems.push('the demo employer has the demo password');
  }
  return problems;
}
