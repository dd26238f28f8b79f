import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@xueshi/subgraph-kit';
import { contractOperation } from '../harness/contract';
import { expectRefusedWithoutChange, insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';
import type { SignedUpLearner } from '../harness/learners';
import { insertFreshSjtuSession } from './security/support';

/*
 * Issue 14 item 5: three throwaway accounts kept a 3-seat session full by registering without paying
 * and registering again whenever the 30-minute holds lapsed. Unpaid holds are now limited per learner
 * (packages/domain unpaidHoldRefusal), and the institution sees them on its sessions.
 */

const REGISTER = contractOperation('Register');
const WITHDRAW = contractOperation('Withdraw');
const HOLDS = /* GraphQL */ `
  query ($id: ID!) {
    session(id: $id) {
      id
      seatsTaken
      unpaidHolds {
        held
        endedUnpaidLastDay
        learnersEndedUnpaidLastDay
      }
    }
  }
`;
const MINUTE = 60_000;
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };

type Registered = { register: { id: string; status: string } };
type Holds = {
  session: {
    seatsTaken: number;
    unpaidHolds: { held: number; endedUnpaidLastDay: number; learnersEndedUnpaidLastDay: number } | null;
  } | null;
};

let graph: TestGraph;
const register = (learner: SignedUpLearner, sessionId: string) =>
  graph.execute<Registered>(REGISTER, { sessionId }, learner.caller);
const refusedRegistration = (learner: SignedUpLearner, sessionId: string) =>
  expectRefusedWithoutChange(graph.subgraph('registry').database, () => register(learner, sessionId));
const limitOf = (result: GraphResult<unknown>) => result.errors?.[0]?.extensions?.['limit'];

beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.close());

describe('unpaid holds', () => {
  it('three accounts cannot keep a 3-seat session full by holding it again as their holds lapse', async () => {
    const session = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-hoard', capacity: 3 });
    const hoarders = [await signUpLearner(graph), await signUpLearner(graph), await signUpLearner(graph)];
    const payer = await signUpLearner(graph);
    for (const hoarder of hoarders) expect((await register(hoarder, session)).errors).toBeUndefined();
    expect(errorCode(await register(payer, session))).toBe('SESSION_FULL');

    // The holds lapse; the hoarders come back at once, and are refused: the seats go to someone who pays.
    graph.clock.advance(31 * MINUTE);
    for (const hoarder of hoarders) {
      const refused = await refusedRegistration(hoarder, session);
      expect(errorCode(refused)).toBe('RATE_LIMITED');
      expect(limitOf(refused)).toBe('SESSION_RECENTLY_RELEASED');
      expect(refused.errors?.[0]?.extensions).toMatchObject({ zh: expect.stringContaining('未支付'), en: expect.any(String) });
    }
    expect((await register(payer, session)).data?.register.status).toBe('AWAITING_PAYMENT');

    // The institution sees what happened, as counts, naming no one.
    const seen = await graph.execute<Holds>(HOLDS, { id: session }, SJTU_STAFF);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.session).toMatchObject({
      seatsTaken: 1,
      unpaidHolds: { held: 1, endedUnpaidLastDay: 3, learnersEndedUnpaidLastDay: 3 },
    });
    // A day later the hoarders may try once more.
    graph.clock.advance(24 * 60 * MINUTE);
    expect((await register(hoarders[0] as SignedUpLearner, session)).errors).toBeUndefined();
  });

  it('a hold cannot be renewed by withdrawing it before paying and registering again', async () => {
    const learner = await signUpLearner(graph);
    const session = await insertFreshSjtuSession(graph);
    const registrationId = (await register(learner, session)).data?.register.id;
    expect(registrationId).toBeTruthy();
    expect((await graph.execute(WITHDRAW, { registrationId }, learner.caller)).errors).toBeUndefined();
    const refused = await refusedRegistration(learner, session);
    expect(limitOf(refused)).toBe('SESSION_RECENTLY_RELEASED');
  });

  it('one learner holds at most three unpaid seats at once, and lets at most three end unpaid a day', async () => {
    const learner = await signUpLearner(graph);
    const sessions = [];
    for (let index = 0; index < 5; index += 1) sessions.push(await insertFreshSjtuSession(graph));
    const [first, second, third, fourth, fifth] = sessions as [string, string, string, string, string];
    for (const session of [first, second, third]) expect((await register(learner, session)).errors).toBeUndefined();
    const tooMany = await refusedRegistration(learner, fourth);
    expect(errorCode(tooMany)).toBe('RATE_LIMITED');
    expect(limitOf(tooMany)).toBe('TOO_MANY_LIVE_HOLDS');

    // All three lapse unpaid: other sessions are refused too, for a day from the lapse.
    graph.clock.advance(31 * MINUTE);
    const lapsedToday = await refusedRegistration(learner, fourth);
    expect(limitOf(lapsedToday)).toBe('TOO_MANY_ENDED_UNPAID');
    graph.clock.advance(24 * 60 * MINUTE);
    expect((await register(learner, fifth)).errors).toBeUndefined();
  });

  it('shows unpaid holds to the staff who run the session and the registrar only', async () => {
    const session = await insertFreshSjtuSession(graph);
    const outcomes: Record<string, unknown> = {};
    const callers: Record<string, Caller | undefined> = {
      anonymous: undefined,
      learner: (await signUpLearner(graph)).caller,
      otherStaff: { role: 'INSTITUTION_STAFF', subject: 'shu-staff', institution: 'shu' },
      analyst: { role: 'ANALYST', subject: 'analyst' },
      ownStaff: SJTU_STAFF,
      registrar: { role: 'REGISTRAR', subject: 'registrar' },
    };
    for (const [who, caller] of Object.entries(callers)) {
      const result = await graph.execute<Holds>(HOLDS, { id: session }, caller);
      outcomes[who] = result.data?.session?.unpaidHolds ?? errorCode(result);
    }
    const none = { held: 0, endedUnpaidLastDay: 0, learnersEndedUnpaidLastDay: 0 };
    expect(outcomes).toEqual({
      anonymous: 'UNAUTHENTICATED',
      learner: 'FORBIDDEN',
      otherStaff: 'FORBIDDEN',
      analyst: 'FORBIDDEN',
      ownStaff: none,
      registrar: none,
    });
  });
});
