import { randomUUID } from 'node:crypto';
import type { RunningGateway } from '@xueshi/gateway';
import { registrations, payments } from '@xueshi/registry/db';
import type { Caller } from '@xueshi/subgraph-kit';
import { testDatabaseUrl, testKeys, testLogger } from '@xueshi/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertLearner, insertSjtuSession } from '../harness/fixtures';
import { DEFAULT_TEST_TIME, startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { startServiceProcess } from '../harness/processes';
import type { ServiceProcess } from '../harness/processes';

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
