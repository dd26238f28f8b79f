import { DEMO_HISTORY, DEMO_LEARNER } from '@xueshi/institutions/demo';
import { startStandaloneSubgraph } from '@xueshi/subgraph-kit/testing';
import type { StandaloneSubgraph } from '@xueshi/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditEntries, learners, programmeYears, registrations, staff } from '../src/db/schema';
import { registrySubgraph } from '../src/subgraph';
import { registryTestDependencies } from '../src/testing';

describe('registry seed and ledger', () => {
  let registry: StandaloneSubgraph;
  const counts = async () => ({
    years: (await registry.database.db.select().from(programmeYears)).length,
    staff: (await registry.database.db.select().from(staff)).length,
    learners: (await registry.database.db.select().from(learners)).length,
    registrations: (await registry.database.db.select().from(registrations)).length,
    credit: (await registry.database.db.select().from(creditEntries)).length,
  });

  beforeAll(async () => {
    registry = await startStandaloneSubgraph(registrySubgraph, {
      seed: 'demo',
      startAt: '2026-11-28T10:00:00+08:00',
      extra: (base) => registryTestDependencies(base),
    });
  });
  afterAll(() => registry?.close());

  it('seeds the demo staff, the demo learner and their history', async () => {
    expect(await counts()).toEqual({
      // 2021–2023 and this year (2026); the session 38 days ahead would fall in 2027, whose calendar is not held.
      years: 4,
      staff: 8,
      learners: 1,
      registrations: DEMO_HISTORY.length,
      credit: DEMO_HISTORY.length,
    });
    const [learner] = await registry.database.db.select().from(learners).where(eq(learners.idNumber, DEMO_LEARNER.idNumber));
    expect(learner?.passwordHash).toMatch(/^scrypt\$/);
    const shu = await registry.database.db.select().from(creditEntries).where(eq(creditEntries.institution, 'shu'));
    // 人工智能及应用 ended Friday 2021-09-17; Mid-Autumn and National Day push visibility to 8 October.
    expect(shu.map(({ completedOn, visibleFrom, minutes }) => ({ completedOn, visibleFrom, minutes }))).toEqual([
      { completedOn: '2021-09-17', visibleFrom: '2021-10-08', minutes: 720 },
    ]);
  });

  it('changes nothing when the seed runs again', async () => {
    const before = await counts();
    await registrySubgraph.seed?.(registry.database, 'demo', registry.clock);
    expect(await counts()).toEqual(before);
  });

  it('refuses to update or delete a credit entry: the ledger is append-only', async () => {
    const [entry] = await registry.database.db.select().from(creditEntries).limit(1);
    expect(entry).toBeDefined();
    await expect(
      registry.database.db
        .update(creditEntries)
        .set({ minutes: 1 })
        .where(eq(creditEntries.id, entry?.id ?? '')),
    ).rejects.toThrow();
    await expect(registry.database.db.delete(creditEntries).where(eq(creditEntries.id, entry?.id ?? ''))).rejects.toThrow();
    const [after] = await registry.database.db
      .select()
      .from(creditEntries)
      .where(eq(creditEntries.id, entry?.id ?? ''));
    expect(after?.minutes).toBe(entry?.minutes);
  });
});
