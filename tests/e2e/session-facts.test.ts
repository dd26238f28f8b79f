import { randomUUID } from 'node:crypto';
import { sessions } from '@xueshi/institutions/subgraph';
import { registrations, sessionFactVersions } from '@xueshi/registry/db';
import type { Caller } from '@xueshi/subgraph-kit';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLearner, insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { errorCode } from '../harness/learners';

/*
 * ADR 0055: the registry keeps a session's facts between registrations, and takes no seat on facts
 * older than the version its database holds; an institution's change through the graph counts a new
 * version (sessionChanged), which only the session's staff and the registrar may send.
 */

const REGISTER = 'mutation ($id: ID!) { register(sessionId: $id) { id status feeFen } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdateSessionInput!) { updateSjtuSession(id: $id, input: $input) { id capacity } }';
const SESSION_CHANGED = 'mutation ($id: ID!) { sessionChanged(sessionId: $id) }';
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const SHU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'shu-staff', institution: 'shu' };
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const GRAPH_START_TIMEOUT_MS = 300_000;

type Registered = { register: { id: string; status: string; feeFen: number } };

describe('session facts the registry keeps between registrations', () => {
  let graph: TestGraph;
  const sjtuAsked = () => graph.subgraph('sjtu').operations.count;
  const registry = () => graph.subgraph('registry').database.db;
  const newLearner = async (): Promise<Caller> => {
    const caller: Caller = { role: 'LEARNER', subject: randomUUID() };
    await insertLearner(graph.subgraph('registry').database, { id: caller.subject });
    return caller;
  };
  const register = async (sessionId: string) => graph.execute<Registered>(REGISTER, { id: sessionId }, await newLearner());
  const seatsOn = async (sessionId: string) => {
    const [row] = await registry().select({ seats: count() }).from(registrations).where(eq(registrations.sessionId, sessionId));
    return row?.seats ?? 0;
  };
  /** The changes counted for the session: none, or one row with its version. */
  const versionsOf = (sessionId: string) =>
    registry()
      .select({ version: sessionFactVersions.version })
      .from(sessionFactVersions)
      .where(eq(sessionFactVersions.sessionId, sessionId));
  /** What another registry process does on a notice it took: counts a version this one has not read. */
  const countChangeElsewhere = (sessionId: string) =>
    registry()
      .insert(sessionFactVersions)
      .values({ sessionId, version: 1, changedAt: new Date() })
      .onConflictDoUpdate({ target: sessionFactVersions.sessionId, set: { version: sql`${sessionFactVersions.version} + 1` } });
  /** Sends the notice straight to the registry subgraph, as an institution's subgraph does. */
  const sendNotice = async (sessionId: string, caller?: Caller): Promise<GraphResult<{ sessionChanged: boolean }>> => {
    const response = await fetch(`http://127.0.0.1:${graph.subgraph('registry').port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller ? { authorization: `Bearer ${await graph.tokenFor(caller)}` } : {}),
      },
      body: JSON.stringify({ query: SESSION_CHANGED, variables: { id: sessionId } }),
    });
    return (await response.json()) as GraphResult<{ sessionChanged: boolean }>;
  };

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
  }, GRAPH_START_TIMEOUT_MS);
  afterAll(() => graph?.close());

  it('asks the institution once for everyone registering for the same session', async () => {
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-kept-once', capacity: 5 });
    graph.resetCounters();
    const first = await register(sessionId);
    const askedForFirst = sjtuAsked();
    graph.resetCounters();
    const later = await Promise.all([register(sessionId), register(sessionId)]);

    expect(first.errors).toBeUndefined();
    expect(later.map((result) => result.errors)).toEqual([undefined, undefined]);
    expect(askedForFirst).toBe(1);
    expect(sjtuAsked()).toBe(0);
    expect(await seatsOn(sessionId)).toBe(3);
  });

  it("takes no seat beyond a capacity the session's staff lowered through the graph a moment before", async () => {
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-kept-lowered', capacity: 5 });
    expect((await register(sessionId)).errors).toBeUndefined();
    const lowered = await graph.execute(UPDATE, { id: sessionId, input: { capacity: 1 } }, SJTU_STAFF);
    graph.resetCounters();
    const refused = await register(sessionId);

    expect(lowered.errors).toBeUndefined();
    expect(errorCode(refused)).toBe('SESSION_FULL');
    expect(sjtuAsked()).toBe(1);
    expect(await seatsOn(sessionId)).toBe(1);
    const [version] = await versionsOf(sessionId);
    expect(version?.version).toBe(1);
  });

  it('reads the facts again when another registry process took the notice', async () => {
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-kept-elsewhere', capacity: 5 });
    const first = await register(sessionId);
    await graph.subgraph('sjtu').database.db.update(sessions).set({ capacity: 1 }).where(eq(sessions.id, sessionId));
    await countChangeElsewhere(sessionId);
    graph.resetCounters();
    const refused = await register(sessionId);

    expect(first.errors).toBeUndefined();
    expect(errorCode(refused)).toBe('SESSION_FULL');
    expect(sjtuAsked()).toBe(1);
    expect(await seatsOn(sessionId)).toBe(1);
  });

  it('lets learners in once a session the registry saw closed has opened, whichever process took the notice', async () => {
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2021-kept-opened',
      registrationOpensAt: '2021-03-01T10:00:00+08:00',
    });
    const closed = await register(sessionId);
    await graph
      .subgraph('sjtu')
      .database.db.update(sessions)
      .set({ registrationOpensAt: new Date('2021-02-20T10:00:00+08:00') })
      .where(eq(sessions.id, sessionId));
    await countChangeElsewhere(sessionId);
    const opened = await register(sessionId);

    expect(errorCode(closed)).toBe('REGISTRATION_CLOSED');
    expect(opened.errors).toBeUndefined();
    expect(opened.data?.register.status).toBe('AWAITING_PAYMENT');
  });

  it("is sent only by the session's own staff and the registrar, and is not part of the public graph", async () => {
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-kept-notice' });
    const learner = await newLearner();

    expect(errorCode(await sendNotice(sessionId))).toBe('UNAUTHENTICATED');
    expect(errorCode(await sendNotice(sessionId, learner))).toBe('FORBIDDEN');
    expect(errorCode(await sendNotice(sessionId, SHU_STAFF))).toBe('FORBIDDEN');
    expect(errorCode(await sendNotice('sjtu:course:2021-data', SJTU_STAFF))).toBe('NOT_FOUND');
    expect(await versionsOf(sessionId)).toEqual([]);
    expect((await sendNotice(sessionId, SJTU_STAFF)).data).toEqual({ sessionChanged: true });
    expect((await sendNotice(sessionId, REGISTRAR)).data).toEqual({ sessionChanged: true });
    expect(await versionsOf(sessionId)).toEqual([{ version: 2 }]);

    const throughGateway = await graph.execute(SESSION_CHANGED, { id: sessionId }, REGISTRAR);
    expect(errorCode(throughGateway)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps a change the registry could not be told of, and tells of the next one', async () => {
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-kept-unheard', capacity: 5 });
    await graph.subgraph('registry').stop();
    try {
      const changed = await graph.execute<{ updateSjtuSession: { capacity: number } }>(
        UPDATE,
        { id: sessionId, input: { capacity: 4 } },
        SJTU_STAFF,
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data?.updateSjtuSession.capacity).toBe(4);
    } finally {
      await graph.subgraph('registry').restart();
    }
    expect(await versionsOf(sessionId)).toEqual([]);
    const told = await graph.execute(UPDATE, { id: sessionId, input: { capacity: 3 } }, SJTU_STAFF);
    const [version] = await versionsOf(sessionId);

    expect(told.errors).toBeUndefined();
    expect(version?.version).toBe(1);
  });
});
