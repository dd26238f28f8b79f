import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGateway } from '@xueshi/gateway';
import type { RunningGateway } from '@xueshi/gateway';
import { createTokenVerifier } from '@xueshi/subgraph-kit';
import { testDatabaseUrl, testKeys, testLogger } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { DEFAULT_TEST_TIME, SUITE_PLANNING_LIMITS, startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { startServiceProcess } from '../harness/processes';
import type { ServiceProcess } from '../harness/processes';

const CATALOGUE = contractOperation('Catalogue');
const TIMEOUT_MS = 1_500;
const OPEN_MS = 2_000;

interface Catalogue {
  institutions: { code: string; profile: { courses: { id: string }[] } | null }[];
}

describe('a hung institution subgraph', () => {
  let graph: TestGraph;
  /** sjtu in a process of its own, so it can be stopped (SIGSTOP) as the red team did. */
  let sjtu: ServiceProcess;
  let gateway: RunningGateway;
  let dataDir: string | undefined;

  const catalogue = async (): Promise<{ result: GraphResult<Catalogue>; ms: number }> => {
    const started = performance.now();
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CATALOGUE, variables: { year: 2021 } }),
    });
    const result = (await response.json()) as GraphResult<Catalogue>;
    return { result, ms: performance.now() - started };
  };
  const profileOf = (result: GraphResult<Catalogue>, code: string) =>
    result.data?.institutions.find((institution) => institution.code === code)?.profile;

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
    const keys = await testKeys();
    const database: Record<string, string> = testDatabaseUrl
      ? { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: graph.subgraph('sjtu').database.schema, SEED: 'none' }
      : { DATA_DIR: (dataDir = await mkdtemp(join(tmpdir(), 'hung-sjtu-'))), SEED: 'plan' };
    sjtu = await startServiceProcess('subgraphs/sjtu', {
      NODE_ENV: 'test',
      JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
      CLOCK_START: DEFAULT_TEST_TIME,
      ...database,
    });
    gateway = await startGateway({
      supergraphFile: fileURLToPath(new URL('../../gateway/supergraph.graphql', import.meta.url)),
      subgraphUrls: {
        ...Object.fromEntries([...graph.subgraphs.values()].map(({ name, port }) => [name, `http://127.0.0.1:${port}/graphql`])),
        sjtu: sjtu.url,
      },
      documentsOrigin: `http://127.0.0.1:${graph.subgraph('registry').port}`,
      trainingDocumentsOrigin: `http://127.0.0.1:${graph.subgraph('association').port}`,
      verifier: await createTokenVerifier(keys.publicJwk, graph.clock),
      logger: testLogger('hung-subgraph-gateway'),
      development: true,
      subgraphTimeoutMs: TIMEOUT_MS,
      circuitBreaker: { failureThreshold: 2, openMs: OPEN_MS },
      planningLimits: SUITE_PLANNING_LIMITS,
      // Every catalogue here must ask sjtu; the caches would answer from before the fault.
      publicCacheMaxAgeMs: 0,
      sharedAnswersMaxAgeMs: 0,
      port: 0,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await sjtu?.stop();
    await graph?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('costs a bounded wait and its own part of the answer, then nothing while its circuit is open, and heals', async () => {
    const healthy = await catalogue();
    expect(healthy.result.errors).toBeUndefined();
    expect(profileOf(healthy.result, 'sjtu')?.courses.length).toBeGreaterThan(0);

    sjtu.signal('SIGSTOP');
    // Twice the timeout: the fetch gives up, the rest of the graph is served.
    for (let attempt = 0; attempt < 2; attempt++) {
      const { result, ms } = await catalogue();
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(TIMEOUT_MS + 2_500);
      expect(profileOf(result, 'sjtu')).toBeNull();
      for (const institution of result.data?.institutions.filter(({ code }) => code !== 'sjtu') ?? []) {
        expect(institution.profile, institution.code).toEqual(profileOf(healthy.result, institution.code));
      }
      expect(result.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'UNAVAILABLE', serviceName: 'sjtu', reason: 'timeout' }),
        }),
      ]);
    }

    // The circuit is open: the same partial answer without waiting for sjtu at all.
    const open = await catalogue();
    expect(open.ms).toBeLessThan(TIMEOUT_MS);
    expect(profileOf(open.result, 'sjtu')).toBeNull();
    expect(open.result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'circuit-open' });

    sjtu.signal('SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, OPEN_MS));
    const healed = await catalogue();
    expect(healed.result.errors).toBeUndefined();
    expect(healed.result.data).toEqual(healthy.result.data);
  });
});
