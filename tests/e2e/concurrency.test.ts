import { randomUUID } from 'node:crypto';
import type { RunningGateway } from '@xueshi/gateway';
import { registrations, payments } from '@xueshi/registry/db';
import type { Caller } from '@xueshi/subgraph-kit';
import { testDatabaseUrl, testKeys, testLogger } from '@xueshi/subgraph-kit/testing';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertHolds, insertLearner, insertSjtuSession } from '../harness/fixtures';
import { DEFAULT_TEST_TIME, startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { startServiceProcess } from '../harness/processes';
import type { ServiceProcess } from '../harness/processes';
import { insertFreshSjtuSession } from './security/support';

const REGISTER = contractOperation('Register');
const PAY = contractOperation('Pay');
const ATTEMPTS = 200;
const CAPACITY = 20;

describe(`${ATTEMPTS} learners racing for ${CAPACITY} seats`, () => {
  let graph: TestGraph;
  /** Where requests go: the in-process gateway, and on PostgreSQL a second gateway in front of a second registry process. */
  const gateways: string[] = [];
  let secondRegistry: ServiceProcess | undefined;
  let secondGateway: RunningGateway | undefined;

  const send = async <T>(gatewayUrl: string, query: string, variables: Record<string, unknown>, caller: Caller) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.tokenFor(caller)}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphResult<T>;
  };

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
    gateways.push(graph.gatewayUrl);
    if (testDatabaseUrl) {
      const keys = await testKeys();
      const institutionUrls = Object.fromEntries(
        [...graph.subgraphs.values()]
          .filter(({ name }) => name !== 'registry')
          .map(({ name, port }) => [`SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`, `http://127.0.0.1:${port}/graphql`]),
      );
      secondRegistry = await startServiceProcess('subgraphs/registry', {
        NODE_ENV: 'test',
        DATABASE_URL: testDatabaseUrl,
        DATABASE_SCHEMA: graph.subgraph('registry').database.schema,
        SEED: 'none',
        JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
        JWT_PRIVATE_JWK: JSON.stringify(keys.privateJwk),
        CLOCK_START: DEFAULT_TEST_TIME,
        PASSWORD_HASH_COST: '14',
        ...institutionUrls,
      });
      secondGateway = await graph.startGateway({
        subgraphUrls: { registry: secondRegistry.url },
        documentsOrigin: new URL(secondRegistry.url).origin,
        logger: testLogger('second-gateway'),
        development: false,
      });
      gateways.push(secondGateway.url);
    }
  });
  afterAll(async () => {
    await secondRegistry?.stop();
    await graph?.close();
  });

  it(`gives exactly ${CAPACITY} registrations, whichever registry process takes each attempt`, async () => {
    const registry = graph.subgraph('registry').database;
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-race', capacity: CAPACITY });
    const learnerIds = Array.from({ length: ATTEMPTS }, () => randomUUID());
    for (const id of learnerIds) await insertLearner(registry, { id });

    const results = await Promise.all(
      learnerIds.map((id, index) =>
        send<{ register: { id: string } }>(
          gateways[index % gateways.length] ?? '',
          REGISTER,
          { sessionId },
          { role: 'LEARNER', subject: id },
        ),
      ),
    );
    const taken = results.filter((result) => result.data?.register);
    const codes = results.flatMap((result) => result.errors?.map((error) => error.extensions?.['code']) ?? []);
    expect(taken).toHaveLength(CAPACITY);
    expect(codes).toEqual(Array(ATTEMPTS - CAPACITY).fill('SESSION_FULL'));
    const rows = await registry.db.select().from(registrations).where(eq(registrations.sessionId, sessionId));
    expect(rows).toHaveLength(CAPACITY);
    const seats = await graph.execute<{ session: { seatsTaken: number } }>(
      `query ($id: ID!) { session(id: $id) { seatsTaken } }`,
      { id: sessionId },
    );
    expect(seats.data?.session.seatsTaken).toBe(CAPACITY);
  });

  /** Sends each learner's registration at once, alternating between the gateways; the error code or 'TAKEN' per call. */
  const registerAtOnce = async (attempts: { learnerId: string; sessionId: string }[]) => {
    const results = await Promise.all(
      attempts.map(({ learnerId, sessionId }, index) =>
        send<{ register: { id: string } }>(
          gateways[index % gateways.length] ?? '',
          REGISTER,
          { sessionId },
          { role: 'LEARNER', subject: learnerId },
        ),
      ),
    );
    return results.map((result) => (result.data?.register ? 'TAKEN' : result.errors?.[0]?.extensions?.['code']));
  };
  const newLearners = async (count: number) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const id of ids) await insertLearner(graph.subgraph('registry').database, { id });
    return ids;
  };
  const rowsOf = (sessionId: string) =>
    graph.subgraph('registry').database.db.select().from(registrations).where(eq(registrations.sessionId, sessionId));

  it('gives the last seat, freed by a lapsed hold, to exactly one of many racing for it, and writes the lapse down', async () => {
    const registry = graph.subgraph('registry').database;
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-last', capacity: 3 });
    const now = graph.clock.now().getTime();
    const [first, second, lapsed] = await newLearners(3);
    const [lapsedHold] = await insertHolds(registry, sessionId, [
      { learnerId: first ?? '', holdExpiresAt: new Date(now + 10 * 60_000) },
      { learnerId: second ?? '', holdExpiresAt: new Date(now + 10 * 60_000) },
      { learnerId: lapsed ?? '', holdExpiresAt: new Date(now - 60_000) },
    ]).then((ids) => ids.slice(2));

    const outcomes = await registerAtOnce((await newLearners(12)).map((learnerId) => ({ learnerId, sessionId })));
    expect(outcomes.filter((outcome) => outcome === 'TAKEN')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'TAKEN')).toEqual(Array(11).fill('SESSION_FULL'));
    const rows = await rowsOf(sessionId);
    expect(rows.filter((row) => row.status === 'AWAITING_PAYMENT')).toHaveLength(3);
    expect(rows.find((row) => row.id === lapsedHold)).toMatchObject({ status: 'EXPIRED', endedAt: new Date(now - 60_000) });
  });

  it('registers a learner once, however many times and to however many sessions of the course they send it at once', async () => {
    const sjtu = graph.subgraph('sjtu').database;
    const sessions = [
      await insertSjtuSession(sjtu, { local: '2021-data-twice-a', capacity: 50 }),
      await insertSjtuSession(sjtu, { local: '2021-data-twice-b', capacity: 50 }),
    ];
    const [learnerId = ''] = await newLearners(1);
    const outcomes = await registerAtOnce(
      Array.from({ length: 12 }, (_, index) => ({ learnerId, sessionId: sessions[index % 2] ?? '' })),
    );
    expect(outcomes.filter((outcome) => outcome === 'TAKEN')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'TAKEN')).toEqual(Array(11).fill('CONFLICT'));
    const rows = await graph
      .subgraph('registry')
      .database.db.select()
      .from(registrations)
      .where(and(eq(registrations.learnerId, learnerId), inArray(registrations.sessionId, sessions)));
    expect(rows).toHaveLength(1);
  });

  it('lets a learner racing for six paid sessions at once hold no more than three unpaid seats', async () => {
    const sessions: string[] = [];
    for (let index = 0; index < 6; index += 1) sessions.push(await insertFreshSjtuSession(graph));
    const [learnerId = ''] = await newLearners(1);
    const results = await Promise.all(
      sessions.map((sessionId, index) =>
        send<{ register: { id: string } }>(
          gateways[index % gateways.length] ?? '',
          REGISTER,
          { sessionId },
          { role: 'LEARNER', subject: learnerId },
        ),
      ),
    );
    expect(results.filter((result) => result.data?.register)).toHaveLength(3);
    const refusals = results.flatMap((result) => result.errors?.map((error) => error.extensions) ?? []);
    // When the first of the three holds lapses, as the registration read it back from the database
    // (each registry process has its own clock, so the three need not lapse together).
    const held = await graph
      .subgraph('registry')
      .database.db.select()
      .from(registrations)
      .where(eq(registrations.learnerId, learnerId));
    const holdAgainAt = new Date(Math.min(...held.map((row) => row.holdExpiresAt?.getTime() ?? Infinity))).toISOString();
    expect(refusals).toEqual(
      Array(3).fill(expect.objectContaining({ code: 'RATE_LIMITED', limit: 'TOO_MANY_LIVE_HOLDS', holdAgainAt })),
    );
  });

  it('takes one payment for one idempotency key sent twenty times at once to every registry process', async () => {
    const registry = graph.subgraph('registry').database;
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-pay', capacity: 5 });
    const learner: Caller = { role: 'LEARNER', subject: randomUUID() };
    await insertLearner(registry, { id: learner.subject });
    const registered = await send<{ register: { id: string } }>(graph.gatewayUrl, REGISTER, { sessionId }, learner);
    const registrationId = registered.data?.register.id ?? '';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        send<{ pay: { id: string } }>(
          gateways[index % gateways.length] ?? '',
          PAY,
          { registrationId, idempotencyKey: 'same-key-1234' },
          learner,
        ),
      ),
    );
    expect(new Set(results.map((result) => result.data?.pay.id)).size).toBe(1);
    const rows = await registry.db
      .select()
      .from(payments)
      .where(and(eq(payments.registrationId, registrationId)));
    expect(rows).toHaveLength(1);
  });
});
