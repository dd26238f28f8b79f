import { parseEnv, runService, startSubgraphService, subgraphEnvShape } from '@xueshi/subgraph-kit';
import type { SubgraphService } from '@xueshi/subgraph-kit';
import type { BaseContext } from '@apollo/server';
import { z } from 'zod';
import { SUBGRAPHS } from '../topology';
import type { InstitutionDependencies } from './create';
import { registrySeatsTaken } from './registrySeats';

/** Starts an institution subgraph as its own process, configured from its environment. */
export function runInstitutionService<TContext extends BaseContext>(
  service: SubgraphService<TContext, InstitutionDependencies>,
): void {
  const defaultPort = SUBGRAPHS.find((subgraph) => subgraph.name === service.name)?.defaultPort ?? 0;
  const registryPort = SUBGRAPHS.find((subgraph) => subgraph.name === 'registry')?.defaultPort ?? 0;
  const env = z.object({
    ...subgraphEnvShape,
    PORT: subgraphEnvShape.PORT.default(defaultPort),
    /** The registry, asked how many seats a session has taken before its dates move earlier. */
    SUBGRAPH_URL_REGISTRY: z.string().url().default(`http://127.0.0.1:${registryPort}/graphql`),
  });
  runService(service.name, () => {
    const parsed = parseEnv(env, process.env);
    const registryUrl = parsed.SUBGRAPH_URL_REGISTRY;
    return startSubgraphService(service, parsed, ({ logger }) => ({
      seatsTaken: registrySeatsTaken(() => registryUrl, logger),
    }));
  });
}
