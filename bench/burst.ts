// The registration burst's learners and its reckoning, straight in the registry's database: preparing
// thousands of learners by signing each up would take minutes (a password hash each) and is not what the
// burst measures, and whether every seat went to exactly one learner is best counted from the rows.
import { randomInt } from 'node:crypto';
import type { Database, TokenSigner } from '@xueshi/subgraph-kit';
import { randomIdNumber } from '../tests/harness/fixtures';

/** A learner of the burst, and the token it registers with. */
export interface BurstLearner {
  id: string;
  token: string;
}

const TOKEN_TTL_SECONDS = 6 * 60 * 60;
const LEARNERS_PER_STATEMENT = 1000;

/**
 * Inserts `count` new learners (valid ID numbers not held by anyone yet; a password no one can sign in
 * with) and mints each a learner's token with the registry's key, as a sign-in would give. Throws when the
 * database refuses or keeps drawing ID numbers that are taken.
 */
export async function insertBurstLearners(registry: Database, signer: TokenSigner, count: number): Promise<BurstLearner[]> {
  const ids: string[] = [];
  for (let attempt = 0; ids.length < count; attempt += 1) {
    if (attempt > 20) throw new Error(`only ${ids.length} of ${count} burst learners could be given an ID number`);
    const batch = Array.from({ length: Math.min(LEARNERS_PER_STATEMENT, count - ids.length) }, () => ({
      id_number: randomIdNumber(),
      mobile: `139${String(randomInt(100_000_000)).padStart(8, '0')}`,
    }));
    // An ID number someone already holds (drawn at random, it can be) is skipped and drawn again.
    const inserted = await registry.raw.query<{ id: string }>(
      `insert into learners (id_number, name, mobile, employer, password_hash)
       select distinct on (id_number) id_number, '测试学员', mobile, '上海测试科技有限公司', 'scrypt$bench-no-password'
         from jsonb_to_recordset($1::jsonb) as drawn(id_number text, mobile text)
       on conflict do nothing
       returning id`,
      [JSON.stringify(batch)],
    );
    ids.push(...inserted.map((row) => row.id));
  }
  return Promise.all(
    ids.map(async (id) => ({ id, token: await signer.sign({ role: 'LEARNER', subject: id }, TOKEN_TTL_SECONDS) })),
  );
}

/** What each learner of a burst was told. */
export type BurstAnswer = { registered: string } | 'SESSION_FULL' | 'unanswered';

export interface BurstReckoning {
  /** Registrations the learners were told they hold. */
  registered: number;
  /** Learners told the session was full. */
  refused: number;
  /** Rows beyond a session's seats. */
  oversold: number;
  /** Learners told they were registered without exactly that row, or refused with a row all the same. */
  lost: number;
  /** Learners with more than one registration. */
  twice: number;
  /** Seats left free in a session that more learners wanted. */
  seatsLeftFree: number;
}

/**
 * Counts the burst from the registrations table: each session holds min(seats, learners who chose it)
 * rows, no learner holds two, and each learner's row is exactly what they were told.
 */
export async function reckonBurst(
  registry: Database,
  sessions: { id: string; seats: number; wanted: number }[],
  answers: Map<string, BurstAnswer>,
): Promise<BurstReckoning> {
  const rows = await registry.raw.query<{ id: string; learner_id: string; session_id: string }>(
    `select id, learner_id, session_id from registrations
      where session_id = any($1::text[]) or learner_id = any($2::uuid[])`,
    [sessions.map((session) => session.id), [...answers.keys()]],
  );
  const bySession = new Map<string, number>();
  const byLearner = new Map<string, { id: string; session_id: string }[]>();
  for (const row of rows) {
    bySession.set(row.session_id, (bySession.get(row.session_id) ?? 0) + 1);
    byLearner.set(row.learner_id, [...(byLearner.get(row.learner_id) ?? []), row]);
  }
  let lost = 0;
  let registered = 0;
  let refused = 0;
  for (const [learner, answer] of answers) {
    const held = byLearner.get(learner) ?? [];
    if (answer === 'SESSION_FULL') {
      refused += 1;
      if (held.length > 0) lost += 1;
    } else if (answer !== 'unanswered') {
      registered += 1;
      if (held.length !== 1 || held[0]?.id !== answer.registered) lost += 1;
    }
  }
  return {
    registered,
    refused,
    oversold: sessions.reduce((sum, session) => sum + Math.max(0, (bySession.get(session.id) ?? 0) - session.seats), 0),
    lost,
    twice: [...byLearner.values()].filter((held) => held.length > 1).length,
    seatsLeftFree: sessions.reduce(
      (sum, session) => sum + Math.max(0, Math.min(session.seats, session.wanted) - (bySession.get(session.id) ?? 0)),
      0,
    ),
  };
}
