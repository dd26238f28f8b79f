import { randomUUID } from 'node:crypto';
import { programmeYears, registrations } from '@xueshi/registry/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { expectRefusedWithoutChange, insertHolds, insertLearner, insertSjtuCourse, insertSjtuSession } from '../harness/fixtures';
import { DEFAULT_TEST_TIME, startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { errorCode } from '../harness/learners';

/*
 * What a registration is decided on, read in the few statements of ADR 0042: lapsed holds written down
 * by the registration itself, and a programme year's opening kept per process once read.
 */

const REGISTER = contractOperation('Register');
const MINUTE = 60_000;

let graph: TestGraph;
const newLearner = async () => {
  const id = randomUUID();
  await insertLearner(graph.subgraph('registry').database, { id });
  return id;
};
const register = (learnerId: string, sessionId: string) =>
  graph.execute<{ register: { id: string; status: string } }>(REGISTER, { sessionId }, { role: 'LEARNER', subject: learnerId });

beforeAll(async () => {
  graph = await startTestGraph({ seed: 'plan' });
});
afterAll(() => graph?.close());
beforeEach(() => graph.clock.set(DEFAULT_TEST_TIME));

describe('lapsed holds', () => {
  it("free their seats for the registration that finds them, which writes them down as EXPIRED at the hold's end", async () => {
    const registry = graph.subgraph('registry').database;
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-lapsed', capacity: 2 });
    const lapsedAt = new Date(graph.clock.now().getTime() - MINUTE);
    const holds = await insertHolds(registry, sessionId, [
      { learnerId: await newLearner(), holdExpiresAt: lapsedAt },
      { learnerId: await newLearner(), holdExpiresAt: lapsedAt },
    ]);
    expect((await register(await newLearner(), sessionId)).errors).toBeUndefined();
    expect((await register(await newLearner(), sessionId)).errors).toBeUndefined();
    expect(errorCode(await register(await newLearner(), sessionId))).toBe('SESSION_FULL');
    const rows = await registry.db.select().from(registrations).where(eq(registrations.sessionId, sessionId));
    expect(rows.filter((row) => holds.includes(row.id))).toEqual([
      expect.objectContaining({ status: 'EXPIRED', endedAt: lapsedAt }),
      expect.objectContaining({ status: 'EXPIRED', endedAt: lapsedAt }),
    ]);
    expect(rows.filter((row) => row.status === 'AWAITING_PAYMENT')).toHaveLength(2);
  });

  it("do not keep their learner from another session of the course: the hold is written down before the new one's insert", async () => {
    const registry = graph.subgraph('registry').database;
    const sjtu = graph.subgraph('sjtu').database;
    const first = await insertSjtuSession(sjtu, { local: '2021-data-own-a' });
    const second = await insertSjtuSession(sjtu, { local: '2021-data-own-b' });
    const learnerId = await newLearner();
    const [lapsed] = await insertHolds(registry, first, [
      { learnerId, holdExpiresAt: new Date(graph.clock.now().getTime() - MINUTE) },
    ]);
    const result = await register(learnerId, second);
    expect(result.errors).toBeUndefined();
    const [old] = await registry.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, lapsed ?? ''));
    expect(old?.status).toBe('EXPIRED');
  });

  it('still count while they hold: a hold one millisecond from its end keeps its seat', async () => {
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-edge', capacity: 1 });
    await insertHolds(graph.subgraph('registry').database, sessionId, [
      { learnerId: await newLearner(), holdExpiresAt: new Date(graph.clock.now().getTime() + 1) },
    ]);
    expect(errorCode(await register(await newLearner(), sessionId))).toBe('SESSION_FULL');
    graph.clock.advance(1);
    expect((await register(await newLearner(), sessionId)).errors).toBeUndefined();
  });
});

describe("the programme year's opening, read once per process", () => {
  it('is still checked against the clock on every registration after it was read', async () => {
    // The session's own opening is earlier, so only the year's 2021-02-22 10:00 can refuse.
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2021-data-year',
      registrationOpensAt: '2021-02-01T10:00:00+08:00',
    });
    expect((await register(await newLearner(), sessionId)).errors).toBeUndefined();
    const late = await newLearner();
    graph.clock.set('2021-02-22T09:59:59+08:00');
    const early = await expectRefusedWithoutChange(graph.subgraph('registry').database, () => register(late, sessionId));
    expect(errorCode(early)).toBe('REGISTRATION_CLOSED');
    expect(early.errors?.[0]?.extensions?.['opensAt']).toBe('2021-02-22T02:00:00.000Z');
    expect(early.errors?.[0]?.message).toContain('2021年度报名将于');
    graph.clock.set('2021-02-22T10:00:00+08:00');
    expect((await register(late, sessionId)).errors).toBeUndefined();
  });

  it('is asked again while the year is not loaded, and taken once it is', async () => {
    const sjtu = graph.subgraph('sjtu').database;
    await insertSjtuCourse(sjtu, '2022-checks', 2022, 900, '年度检查课程');
    const sessionId = await insertSjtuSession(sjtu, {
      local: '2022-checks',
      courseLocal: '2022-checks',
      firstDay: '2022-05-19',
      registrationOpensAt: '2022-02-21T10:00:00+08:00',
    });
    graph.clock.set('2022-03-01T10:00:00+08:00');
    const learnerId = await newLearner();
    const refused = await register(learnerId, sessionId);
    expect(errorCode(refused)).toBe('REGISTRATION_CLOSED');
    expect(refused.errors?.[0]?.extensions).not.toHaveProperty('opensAt');

    await graph
      .subgraph('registry')
      .database.db.insert(programmeYears)
      .values({ year: 2022, registrationOpensAt: new Date('2022-02-21T10:00:00+08:00'), isSample: true });
    expect((await register(learnerId, sessionId)).errors).toBeUndefined();
  });
});

describe('a learner whose account is gone', () => {
  it('is refused UNAUTHENTICATED with a valid token, for a paid and for a free session, and nothing changes', async () => {
    const registry = graph.subgraph('registry').database;
    const sjtu = graph.subgraph('sjtu').database;
    await insertSjtuCourse(sjtu, '2021-data-free', 2021, 90, '免费测试课程');
    const paid = await insertSjtuSession(sjtu, { local: '2021-data-gone-paid' });
    const free = await insertSjtuSession(sjtu, { local: '2021-data-gone-free', courseLocal: '2021-data-free', feeFen: 0 });
    for (const sessionId of [paid, free]) {
      const refused = await expectRefusedWithoutChange(registry, () => register(randomUUID(), sessionId));
      expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    }
    // The same sessions take a learner whose account exists.
    expect((await register(await newLearner(), paid)).errors).toBeUndefined();
    expect((await register(await newLearner(), free)).data?.register.status).toBe('PAID');
  });
});
