import { fileURLToPath } from 'node:url';
import { loadTypeDefs } from '@xueshi/subgraph-kit';
import type { SubgraphDependencies, SubgraphService } from '@xueshi/subgraph-kit';
import type { RegistryContext } from './context';
import { createRegistryLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

export type RegistryDependencies = SubgraphDependencies;

export const typeDefs = loadTypeDefs(
  new URL('./schema.graphql', import.meta.url),
  new URL('./generated.graphql', import.meta.url),
);

/** The registry (上海继教网): learners, registrations, the credit ledger. */
export const registrySubgraph: SubgraphService<RegistryContext, RegistryDependencies> = {
  name: 'registry',
  migrations: [{ namespace: 'registry', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) }],
  seed: (database, level, clock) => seed(database, level, clock),
  create: (dependencies) => ({
    name: 'registry',
    typeDefs,
    resolvers,
    database: dependencies.database,
    verifier: dependencies.verifier,
    logger: dependencies.logger,
    createContext: (caller) => ({
      caller,
      clock: dependencies.clock,
      loaders: createRegistryLoaders(dependencies.database.db),
    }),
  }),
};
