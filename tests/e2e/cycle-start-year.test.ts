import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { expectRefusedWithoutChange } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';
import type { SignedUpLearner } from '../harness/learners';

const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const SET = `mutation ($learnerId: ID!, $startYear: Int!, $reason: String!) {
  setCycleStartYear(learnerId: $learnerId, startYear: $startYear, reason: $reason) { id cycleStartYear }
}`;
const CHANGES = `{ me { cycleStartYear cycleStartYearChanges { fromYear toYear reason changedBy changedAt } } }`;

describe("the registrar sets a learner's cycle start year, with a reason kept", () => {
  let graph: TestGraph;
  let learner: SignedUpLearner;
  const set = (variables: { learnerId?: string; startYear?: number; reason?: string }, caller: Caller = REGISTRAR) =>
    graph.execute<{ setCycleStartYear: { id: string; cycleStartYear: number } }>(
      SET,
      { learnerId: learner.id, startYear: 2024, reason: '2024 年首次取得中级职称', ...variables },
      caller,
    );
  const refusedWithoutChange = (variables: Parameters<typeof set>[0], caller?: Caller) =>
    expectRefusedWithoutChange(graph.subgraph('registry').database, () => set(variables, caller));

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
    learner = await signUpLearner(graph);
  });
  afterAll(() => graph?.close());

  it('starts every learner at 2021, and lets no one but the registrar move it', async () => {
    const record = await graph.execute<{ me: { cycle: { startYear: number; endYear: number } } }>(
      contractOperation('MyRecord'),
      {},
      learner.caller,
    );
    expect(record.data?.me.cycle).toMatchObject({ startYear: 2021, endYear: 2023 });
    const other = await signUpLearner(graph);
    for (const caller of [
      learner.caller,
      other.caller,
      { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' } as Caller,
      { role: 'ANALYST', subject: 'analyst' } as Caller,
    ]) {
      expect(errorCode(await refusedWithoutChange({}, caller))).toBe('FORBIDDEN');
    }
    const anonymous = await expectRefusedWithoutChange(graph.subgraph('registry').database, () =>
      graph.execute(SET, { learnerId: learner.id, startYear: 2024, reason: '2024 年首次取得中级职称' }),
    );
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('refuses a year outside 2000–2100, a missing reason and an unknown learner, changing nothing', async () => {
    expect((await refusedWithoutChange({ startYear: 1999 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'startYear',
    });
    expect((await refusedWithoutChange({ reason: ' ' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(errorCode(await refusedWithoutChange({ learnerId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(errorCode(await refusedWithoutChange({ startYear: 2021 }))).toBe('CONFLICT');
  });

  it('moves the cycle the learner is held to, and keeps who changed it, when, from what and why', async () => {
    const moved = await set({});
    expect(moved.data?.setCycleStartYear).toEqual({ id: learner.id, cycleStartYear: 2024 });
    const record = await graph.execute<{ me: { cycle: { startYear: number; endYear: number; years: { year: number }[] } } }>(
      contractOperation('MyRecord'),
      {},
      learner.caller,
    );
    expect(record.data?.me.cycle).toMatchObject({ startYear: 2024, endYear: 2026 });
    expect(record.data?.me.cycle.years.map((year) => year.year)).toEqual([2024, 2025, 2026]);
    graph.clock.set('2021-03-01T09:00:00+08:00');
    await set({ startYear: 2025, reason: '更正：职称取得于 2025 年' });
    const changes = await graph.execute<{
      me: {
        cycleStartYear: number;
        cycleStartYearChanges: { fromYear: number; toYear: number; reason: string; changedBy: string }[];
      };
    }>(CHANGES, {}, learner.caller);
    expect(changes.data?.me).toEqual({
      cycleStartYear: 2025,
      cycleStartYearChanges: [
        expect.objectContaining({ fromYear: 2024, toYear: 2025, reason: '更正：职称取得于 2025 年', changedBy: 'registrar' }),
        expect.objectContaining({ fromYear: 2021, toYear: 2024, reason: '2024 年首次取得中级职称', changedBy: 'registrar' }),
      ],
    });
  });
});
