import { parseEnv, runService, startSubgraphService, subgraphEnvShape } from '@xueshi/subgraph-kit';
import type { SubgraphService } from '@xueshi/subgraph-kit';
import type { BaseContext } from '@apollo/server';
import { z } from 'zod';
import { SUBGRAPHS, subgraphUrlVariable } from '../topology/subgraphs';
import type { InstitutionDependencies } from './create';
import { registrySeatsTaken } from './registrySeats';

/** Starts an institution subgraph as its own process, configured from its environment. */
export function runInstitutionService<TContext extends BaseContext>(
  service: SubgraphService<TContext, InstitutionDependencies>,
): void {
  const defaultPort = SUBGRAPHS.find((subgraph) => subgraph.name === service.name)?.defaultPort ?? 0;
  const env = z.object({
    ...subgraphEnvShape,
    PORT: subgraphEnvShape.PORT.default(defaultPort),
    /**
     * The other subgraphs: the registry, asked how many seats a session has taken before its dates move
     * earlier; and the institutions the lead unit opens employer-run sessions at.
     */
    ...Object.fromEntries(
      SUBGRAPHS.filter((subgraph) => subgraph.name !== service.name).map((subgraph) => [
        subgraphUrlVariable(subgraph.name),
        z.string().url().default(`http://127.0.0.1:${subgraph.defaultPort}/graphql`),
      ]),
    ),
  });
  runService(service.name, () => {
    const parsed = parseEnv(env, process.env) as z.infer<typeof env> & Record<string, string>;
    const subgraphUrl = (name: string) => parsed[subgraphUrlVariable(name)] ?? '';
    return startSubgraphService(service, parsed, ({ logger }) => ({
      seatsTaken: registrySeatsTaken(() => subgraphUrl('registry'), logger),
      subgraphUrl,
    }));
  });
}
