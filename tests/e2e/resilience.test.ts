import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';

interface Catalogue {
  institutions: {
    code: string;
    name: string;
    profile: { courses: { title: string; sessions: { seatsTaken: number }[] }[] } | null;
  }[];
}

describe('one institution subgraph down', () => {
  let graph: TestGraph;
  const catalogue = () => graph.execute<Catalogue>(contractOperation('Catalogue'), { year: 2021 });

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
  });
  afterAll(() => graph?.close());

  it("nulls that institution's part with an error while the rest of the query answers", async () => {
    await graph.subgraph('sjtu').stop();
    const result = await catalogue();
    const institutions = result.data?.institutions ?? [];
    expect(institutions).toHaveLength(6);
    const sjtu = institutions.find((entry) => entry.code === 'sjtu');
    expect(sjtu?.name).toBe('上海交通大学');
    expect(sjtu?.profile).toBeNull();
    for (const other of institutions.filter((entry) => entry.code !== 'sjtu')) {
      expect(other.profile?.courses.length).toBeGreaterThan(0);
    }
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors?.every((error) => error.extensions?.['code'] === 'UNAVAILABLE')).toBe(true);
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });

  it('heals once the subgraph is back, without restarting the gateway', async () => {
    await graph.subgraph('sjtu').restart();
    const result = await catalogue();
    expect(result.errors).toBeUndefined();
    const sjtu = result.data?.institutions.find((entry) => entry.code === 'sjtu');
    expect(sjtu?.profile?.courses[0]?.title).toBe('数据分析基础');
  });

  it('answers UNAVAILABLE while the registry is down, and recovers when it is back', async () => {
    await graph.subgraph('registry').stop();
    const result = await catalogue();
    expect(result.data?.institutions ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAVAILABLE');
    await graph.subgraph('registry').restart();
    expect((await catalogue()).errors).toBeUndefined();
  });
});
