import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '@xueshi/institutions/subgraph';
import type { Caller } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import { contractOperation } from '../harness/contract';
import { insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { registerAndPay } from '../harness/journey';
import { errorCode, signUpLearner } from '../harness/learners';
import { bearer, post, subgraphUrl } from './security/support';

/*
 * Issue 14 item 6: staff moved a session's start into the past after learners paid, so withdrawing
 * refunded nothing, then moved it back without a trace. Now dates of a session with learners move only
 * later, refunds follow the dates paid for, and every date change is recorded.
 */

const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateSessionInput!) {
    updateSjtuSession(id: $id, input: $input) {
      id
      startsAt
      endsAt
    }
  }
`;
const HISTORY = /* GraphQL */ `
  query ($id: ID!) {
    session(id: $id) {
      id
      dateChanges {
        changedBy
        startsAtBefore
        startsAtAfter
        endsAtBefore
        endsAtAfter
        registrationOpensAtBefore
        registrationOpensAtAfter
        reason
      }
    }
  }
`;
const WITHDRAW = contractOperation('Withdraw');
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const SHU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'shu-staff', institution: 'shu' };
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };

type History = { session: { dateChanges: Record<string, string | null>[] | null } | null };

let graph: TestGraph;
const dates = (startDay: string, endDay: string) => ({
  startsAt: `${startDay}T09:00:00+08:00`,
  endsAt: `${endDay}T16:30:00+08:00`,
});
const update = (id: string, input: Record<string, unknown>, caller: Caller = SJTU_STAFF) =>
  graph.execute<{ updateSjtuSession: { startsAt: string } }>(UPDATE, { id, input }, caller);
const history = (id: string, caller: Caller) => graph.execute<History>(HISTORY, { id }, caller);

/** The sjtu session's row and its recorded changes, to compare before and after a refused change. */
async function sjtuState(id: string): Promise<string> {
  const database = graph.subgraph('sjtu').database;
  const row = await database.raw.query('select * from sessions where id = $1', [id]);
  const changes = await database.raw.query('select * from session_date_changes where session_id = $1 order by id', [id]);
  // PostgreSQL's bigserial ids come back as BigInt, which JSON cannot hold as it is.
  return JSON.stringify({ row, changes }, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

async function refusedWithoutChange(id: string, call: () => Promise<GraphResult<unknown>>): Promise<GraphResult<unknown>> {
  const before = await sjtuState(id);
  const result = await call();
  expect(result.errors?.length, JSON.stringify(result.data)).toBeGreaterThan(0);
  expect(await sjtuState(id)).toBe(before);
  return result;
}

/*
 * Embedded, the graph's services share one database as `pnpm start` runs them (ADR 0037): a change of
 * dates asks the registry about seats, which must never wait on a lock the change itself holds.
 */
beforeAll(async () => {
  graph = await startTestGraph({ sharedEmbeddedDatabase: true });
});
afterAll(async () => {
  await graph?.close();
});

describe('session dates', () => {
  it('moves a paid session only later, records each move, and refunds by the later dates', async () => {
    const session = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2021-data-dates',
      firstDay: '2021-03-18',
    });
    const learner = await signUpLearner(graph);
    const registrationId = await registerAndPay(graph, learner, session);

    // Into the past (well, a week earlier), through the gateway and straight at sjtu: refused.
    const earlier = await refusedWithoutChange(session, () => update(session, dates('2021-03-11', '2021-03-12')));
    expect(errorCode(earlier)).toBe('CONFLICT');
    expect(earlier.errors?.[0]?.extensions).toMatchObject({ zh: expect.stringContaining('只能推后'), en: expect.any(String) });
    const direct = await refusedWithoutChange(
      session,
      async () =>
        (
          await post(
            subgraphUrl(graph, 'sjtu'),
            { query: UPDATE, variables: { id: session, input: dates('2021-03-11', '2021-03-12') } },
            await bearer(graph, SJTU_STAFF),
          )
        ).body,
    );
    expect(errorCode(direct)).toBe('CONFLICT');
    // Shortening it from the end is moving it earlier too.
    expect(errorCode(await refusedWithoutChange(session, () => update(session, { endsAt: '2021-03-18T16:30:00+08:00' })))).toBe(
      'CONFLICT',
    );

    // A week later is fine, and recorded with its reason; moving it back is not.
    const later = await update(session, { ...dates('2021-03-25', '2021-03-26'), reason: '场地调整' });
    expect(later.errors).toBeUndefined();
    expect(errorCode(await refusedWithoutChange(session, () => update(session, dates('2021-03-18', '2021-03-19'))))).toBe(
      'CONFLICT',
    );
    const expected = [
      {
        changedBy: 'sjtu-staff',
        startsAtBefore: '2021-03-18T09:00:00+08:00',
        startsAtAfter: '2021-03-25T09:00:00+08:00',
        endsAtBefore: '2021-03-19T16:30:00+08:00',
        endsAtAfter: '2021-03-26T16:30:00+08:00',
        registrationOpensAtBefore: '2021-02-22T10:00:00+08:00',
        registrationOpensAtAfter: '2021-02-22T10:00:00+08:00',
        reason: '场地调整',
      },
    ];
    for (const reader of [SJTU_STAFF, REGISTRAR]) {
      const seen = await history(session, reader);
      expect(seen.errors).toBeUndefined();
      expect(seen.data?.session?.dateChanges).toEqual(expected);
    }
    for (const stranger of [SHU_STAFF, learner.caller]) expect(errorCode(await history(session, stranger))).toBe('FORBIDDEN');

    // Between the first day paid for and the new one, the session has not started: a full refund.
    graph.clock.set('2021-03-20T10:00:00+08:00');
    const withdrawn = await graph.execute<{ withdraw: { refundFen: number } }>(WITHDRAW, { registrationId }, learner.caller);
    expect(withdrawn.data?.withdraw).toMatchObject({ status: 'WITHDRAWN', refundFen: 24000 });
    graph.clock.set('2021-02-22T10:00:00+08:00');
  });

  it('refunds by the dates paid for, whatever the institution now says', async () => {
    const session = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2021-data-paidfor',
      firstDay: '2021-04-15',
    });
    const learner = await signUpLearner(graph);
    const registrationId = await registerAndPay(graph, learner, session);
    // However it came about (a race with a payment, a faulty institution), the owner now says it began on 23 February.
    await graph
      .subgraph('sjtu')
      .database.db.update(sessions)
      .set({
        startsAt: new Date('2021-02-23T09:00:00+08:00'),
        endsAt: new Date('2021-02-24T16:30:00+08:00'),
        firstDay: '2021-02-23',
        lastDay: '2021-02-24',
      })
      .where(eq(sessions.id, session));
    graph.clock.set('2021-03-01T10:00:00+08:00');
    const withdrawn = await graph.execute<{ withdraw: { status: string; refundFen: number } }>(
      WITHDRAW,
      { registrationId },
      learner.caller,
    );
    expect(withdrawn.data?.withdraw).toMatchObject({ status: 'WITHDRAWN', refundFen: 24000 });
    graph.clock.set('2021-02-22T10:00:00+08:00');
  });

  it('lets a session nobody holds move earlier, recorded, and refuses while the registry cannot say', async () => {
    const session = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2021-data-empty',
      firstDay: '2021-05-20',
    });
    const registry = graph.subgraph('registry');
    await registry.stop();
    try {
      const unknown = await refusedWithoutChange(session, () => update(session, dates('2021-05-13', '2021-05-14')));
      expect(errorCode(unknown)).toBe('UNAVAILABLE');
      // Moving later needs no answer from the registry.
      expect((await update(session, dates('2021-05-27', '2021-05-28'))).errors).toBeUndefined();
    } finally {
      await registry.restart();
    }
    expect((await update(session, dates('2021-05-13', '2021-05-14'), REGISTRAR)).errors).toBeUndefined();
    const seen = await history(session, SJTU_STAFF);
    expect(
      seen.data?.session?.dateChanges?.map((change) => [change['changedBy'], change['startsAtAfter'], change['reason']]),
    ).toEqual([
      ['sjtu-staff', '2021-05-27T09:00:00+08:00', null],
      ['registrar', '2021-05-13T09:00:00+08:00', null],
    ]);
  });
});
