import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { registrations } from '@xueshi/registry/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertLearner, insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { summed } from '../harness/metrics';

const CATALOGUE = contractOperation('Catalogue');
const MY_RECORD = contractOperation('MyRecord');
const REGISTER = contractOperation('Register');
const HOLD_MS = 2_000;

/**
 * Holds every operation a subgraph receives until `expected` operations have arrived there, or HOLD_MS
 * has passed: requests the gateway sends separately are all let through at once, while requests it
 * shares arrive as one, held long enough for every concurrent caller to have joined it.
 */
function gate(): { expected: number; plugin: ApolloServerPlugin<BaseContext>; reset(expected: number): void } {
  let arrived = 0;
  const state = {
    expected: 1,
    reset: (expected: number) => {
      arrived = 0;
      state.expected = expected;
    },
    plugin: {
      requestDidStart: async () => {
        arrived += 1;
        const started = Date.now();
        while (arrived < state.expected && Date.now() - started < HOLD_MS)
          await new Promise((resolve) => setTimeout(resolve, 10));
      },
    },
  };
  return state;
}

describe('identical queries in flight at once, through the gateway', () => {
  let graph: TestGraph;
  const gates = new Map<string, ReturnType<typeof gate>>();

  const post = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphResult<T>> => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphResult<T>;
  };
  /** Operations each subgraph received since the counters were last reset. */
  const operations = () =>
    Object.fromEntries([...graph.subgraphs.values()].map(({ name, operations }) => [name, operations.count]));
  const gatewayMetrics = async () => (await fetch(`${new URL(graph.gatewayUrl).origin}/metrics`)).text();
  /** Runs `send` `times` at once, every subgraph holding its operations until it has `times` of them. */
  const concurrently = async <T>(times: number, send: (index: number) => Promise<T>): Promise<T[]> => {
    for (const held of gates.values()) held.reset(times);
    graph.resetCounters();
    try {
      return await Promise.all(Array.from({ length: times }, (_, index) => send(index)));
    } finally {
      for (const held of gates.values()) held.reset(1);
    }
  };

  beforeAll(async () => {
    for (const { name } of SUBGRAPHS) gates.set(name, gate());
    graph = await startTestGraph({
      seed: 'plan',
      subgraphPlugins: Object.fromEntries([...gates].map(([name, held]) => [name, [held.plugin]])),
    });
  });
  afterAll(() => graph?.close());
  beforeEach(() => graph.resetCounters());

  // Signed in, so the public catalogue cache (ADR 0024), which serves only anonymous callers, stays out of it.
  it('fetch the catalogue from each subgraph once for one caller asking many times at once, each getting the whole answer', async () => {
    const token = await graph.tokenFor({ role: 'LEARNER', subject: randomUUID() });
    const alone = await post(CATALOGUE, { year: 2021 }, token);
    const fetchesForOne = operations();

    const before = await gatewayMetrics();
    const answers = await concurrently(6, () => post(CATALOGUE, { year: 2021 }, token));
    const after = await gatewayMetrics();

    expect(alone.errors).toBeUndefined();
    expect(operations()).toEqual(fetchesForOne);
    for (const answer of answers) expect(answer).toEqual(alone);
    // The gateway counts six fetches from each subgraph asked, five of them answered without asking it:
    // its fetches less its shared answers are what each subgraph really received.
    const counted = (name: string, labels: Record<string, string>) => summed(after, name, labels) - summed(before, name, labels);
    for (const [subgraph, received] of Object.entries(fetchesForOne)) {
      expect(counted('gateway_subgraph_fetches_total', { subgraph }), subgraph).toBe(6 * received);
      expect(counted('gateway_subgraph_shared_answers_total', { subgraph, how: 'in_flight' }), subgraph).toBe(5 * received);
    }
    expect(Object.values(fetchesForOne).some((received) => received > 0)).toBe(true);
  });

  it("never shares one learner's record with another", async () => {
    const learners = [randomUUID(), randomUUID()];
    for (const [index, id] of learners.entries())
      await insertLearner(graph.subgraph('registry').database, { id, name: `学员${index}` });
    const tokens = await Promise.all(learners.map((subject) => graph.tokenFor({ role: 'LEARNER', subject })));
    await post(MY_RECORD, {}, tokens[0]);
    const fetchesForOne = operations()['registry'] ?? 0;

    const answers = await concurrently(6, (index) =>
      post<{ me: { id: string; name: string } }>(MY_RECORD, {}, tokens[index % 2]).then((answer) => ({ index, answer })),
    );

    expect(operations()['registry']).toBe(2 * fetchesForOne);
    for (const { index, answer } of answers) {
      expect(answer.data?.me).toMatchObject({ id: learners[index % 2], name: `学员${index % 2}` });
    }
  });

  it('never shares a mutation: the same registration sent four times at once reaches the registry four times', async () => {
    const registry = graph.subgraph('registry').database;
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-shared', capacity: 5 });
    const learner = randomUUID();
    await insertLearner(registry, { id: learner });
    const token = await graph.tokenFor({ role: 'LEARNER', subject: learner });

    const answers = await concurrently(4, () => post<{ register: { id: string } | null }>(REGISTER, { sessionId }, token));

    expect(operations()['registry']).toBeGreaterThanOrEqual(4);
    expect(answers.filter((answer) => answer.data?.register)).toHaveLength(1);
    expect(await registry.db.select().from(registrations).where(eq(registrations.sessionId, sessionId))).toHaveLength(1);
  });

  it("delivers a subgraph's error to every caller that shared the fetch", async () => {
    const learner = randomUUID();
    const token = await graph.tokenFor({ role: 'LEARNER', subject: learner });
    const registrarsOnly = 'query ($id: ID!) { learner(id: $id) { id name } }';

    const answers = await concurrently(4, () => post(registrarsOnly, { id: learner }, token));

    expect(operations()['registry']).toBe(1);
    for (const answer of answers) expect(answer.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
  });
});
