import type { BaseContext } from '@apollo/server';
import { createTokenVerifier } from '../auth';
import { ManualClock } from '../clock';
import type { Database } from '../db';
import { serveSubgraph } from '../service';
import type { ExtraDependencies, SeedLevel, SubgraphService, SubgraphDependencies } from '../service';
import { openTestDatabase, testKeys, testLogger } from './index';

export interface StandaloneSubgraph {
  url: string;
  database: Database;
  clock: ManualClock;
  /** Sends a GraphQL operation straight to the subgraph, as the gateway would. */
  execute<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: Data; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/** One subgraph on its own test database and port, seeded with `seed`, for the subgraph's own suites. */
export async function startStandaloneSubgraph<TContext extends BaseContext, TDependencies extends SubgraphDependencies>(
  service: SubgraphService<TContext, TDependencies>,
  options: {
    seed?: SeedLevel;
    startAt?: string;
    /** What the subgraph needs beyond the common dependencies (the registry's signer, directory, …). */
    extra?: ExtraDependencies<TDependencies>;
  } = {},
): Promise<StandaloneSubgraph> {
  const clock = new ManualClock(options.startAt ?? '2021-02-22T10:00:00+08:00');
  const database = await openTestDatabase(service.name, service.migrations, { genericPlans: service.genericPlans });
  const keys = await testKeys();
  const base: SubgraphDependencies = {
    database,
    clock,
    verifier: await createTokenVerifier(keys.publicJwk, clock),
    logger: testLogger(service.name),
  };
  const { server } = await serveSubgraph(service, base, {
    seed: options.seed ?? 'none',
    ...(options.extra ? { extra: options.extra } : {}),
    port: 0,
  });
  return {
    url: server.url,
    database,
    clock,
    execute: async (query, variables = {}) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}
