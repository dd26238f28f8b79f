import { parseEnv, runService, startSubgraphService, subgraphEnvShape } from '@xueshi/subgraph-kit';
import type { SubgraphDependencies, SubgraphService } from '@xueshi/subgraph-kit';
import type { BaseContext } from '@apollo/server';
import { z } from 'zod';
import { SUBGRAPHS } from '../topology';

/** Starts an institution subgraph as its own process, configured from its environment. */
export function runInstitutionService<TContext extends BaseContext>(
  service: SubgraphService<TContext, SubgraphDependencies>,
): void {
  const defaultPort = SUBGRAPHS.find((subgraph) => subgraph.name === service.name)?.defaultPort ?? 0;
  const env = z.object({ ...subgraphEnvShape, PORT: subgraphEnvShape.PORT.default(defaultPort) });
  runService(service.name, () => startSubgraphService(service, parseEnv(env, process.env), () => ({})));
}
