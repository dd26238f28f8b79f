import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PUBLIC_CACHE_MAX_AGE_MS } from '@xueshi/gateway';
import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertLearner, insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';

const REGISTER = contractOperation('Register');
/** The catalogue, as an anonymous visitor or a learner reads it. */
const SEATS = contractOperation('Catalogue');
/** Staff-only counts beside the public ones. */
const HOLDS = `query Holds($year: Int!) {
  institution(code: "sjtu") { profile { courses(year: $year) { sessions { id seatsTaken unpaidHolds { held } } } } }
}`;
/** How often a request is sent while the gateway answers that its planner is busy (503, Retry-After). */
const PLANNER_ATTEMPTS = 30;
/** The public catalogue's answer must keep seat counts at most this old. */
const MAX_STALENESS_MS = 2_000;

type Seats = { institutions: { profile: { courses: { sessions: { id: string; seatsTaken: number }[] }[] } }[] };

/** Starting the whole graph can be slow on a machine other suites share. */
const GRAPH_START_TIMEOUT_MS = 300_000;

describe('the public catalogue cache', () => {
  let graph: TestGraph;
  let sessionId: string;

  /** Sends an operation, as a client does: again after Retry-After while the gateway's planner is busy. */
  const post = async <T>(query: string, variables: Record<string, unknown>, caller?: Caller): Promise<GraphResult<T>> => {
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(caller ? { authorization: `Bearer ${await graph.tokenFor(caller)}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const retryAfter = Number(response.headers.get('retry-after') ?? 0);
      if (response.status !== 503 || retryAfter === 0 || attempt === PLANNER_ATTEMPTS) {
        return (await response.json()) as GraphResult<T>;
      }
      await sleep(retryAfter * 1000);
    }
  };
  const seatsOf = (answer: GraphResult<Seats>) =>
    answer.data?.institutions
      .flatMap((institution) => institution.profile.courses.flatMap((course) => course.sessions))
      .find((session) => session.id === sessionId)?.seatsTaken;
  /** Operations the subgraphs received since the counters were last reset. */
  const fetched = () => [...graph.subgraphs.values()].reduce((sum, subgraph) => sum + subgraph.operations.count, 0);
  const newLearner = async (): Promise<Caller> => {
    const caller: Caller = { role: 'LEARNER', subject: randomUUID() };
    await insertLearner(graph.subgraph('registry').database, { id: caller.subject });
    return caller;
  };

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan', publicCacheMaxAgeMs: PUBLIC_CACHE_MAX_AGE_MS });
    sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-cached', capacity: 10 });
  }, GRAPH_START_TIMEOUT_MS);
  afterAll(() => graph?.close());

  it('answers an anonymous visitor asking again at once without asking any subgraph', async () => {
    // On a loaded machine the first answer may take longer than the cache keeps it: try a few times.
    let hits = 0;
    for (let attempt = 0; attempt < 5 && hits === 0; attempt += 1) {
      const first = await post<Seats>(SEATS, { year: 2021 });
      graph.resetCounters();
      const again = await post<Seats>(SEATS, { year: 2021 });
      expect(first.errors).toBeUndefined();
      expect(again).toEqual(first);
      if (fetched() === 0) hits += 1;
    }
    expect(hits).toBe(1);
  });

  it(`shows a learner their own registration at once, and everyone else within ${MAX_STALENESS_MS / 1000} s`, async () => {
    const before = seatsOf(await post<Seats>(SEATS, { year: 2021 }));
    const learner = await newLearner();

    const registered = await post<{ register: { id: string } }>(REGISTER, { sessionId }, learner);
    const seenByLearner = seatsOf(await post<Seats>(SEATS, { year: 2021 }, learner));
    await sleep(MAX_STALENESS_MS);
    const seenByVisitor = seatsOf(await post<Seats>(SEATS, { year: 2021 }));

    expect(registered.data?.register.id).toBeDefined();
    expect(before).toBeDefined();
    expect(seenByLearner).toBe((before ?? 0) + 1);
    expect(seenByVisitor).toBe((before ?? 0) + 1);
  });

  it('never answers a signed-in caller from the cache, nor keeps what they were told', async () => {
    const learner = await newLearner();
    await post<Seats>(SEATS, { year: 2021 });
    graph.resetCounters();
    await post<Seats>(SEATS, { year: 2021 }, learner);
    const forLearner = fetched();

    const staff: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
    const staffAnswer = await post(HOLDS, { year: 2021 }, staff);
    const visitorAnswer = await post(HOLDS, { year: 2021 });

    expect(forLearner).toBeGreaterThan(0);
    expect(staffAnswer.errors).toBeUndefined();
    expect(visitorAnswer.errors?.map((error) => error.extensions?.['code'])).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(visitorAnswer.data)).not.toMatch(/"held":/);
  });

  it("never keeps an answer with errors, nor anything but the catalogue's root fields", async () => {
    await post(HOLDS, { year: 2021 });
    graph.resetCounters();
    await post(HOLDS, { year: 2021 });
    const afterErrors = fetched();

    const learner = await newLearner();
    const mixed = '{ me { id } institutions { code } }';
    const signedIn = await post<{ me: { id: string } | null }>(mixed, {}, learner);
    await post(mixed, {});
    graph.resetCounters();
    const anonymous = await post<{ me: { id: string } | null }>(mixed, {});

    expect(afterErrors).toBeGreaterThan(0);
    expect(signedIn.data?.me?.id).toBe(learner.subject);
    expect(anonymous.data?.me).toBeNull();
    expect(fetched()).toBeGreaterThan(0);
  });
});
