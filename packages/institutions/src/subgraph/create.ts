import { fileURLToPath } from 'node:url';
import type { Clock, Database, MigrationSource, SeedLevel, SubgraphDependencies, SubgraphService } from '@xueshi/subgraph-kit';
import type { DocumentNode } from 'graphql';
import type { InstitutionCode } from '../institutions';
import { createInstitutionLoaders } from './loaders';
import { createManagement } from './management';
import { institutionResolvers } from './resolvers';
import type { SeatsTaken } from './registrySeats';
import type { InstitutionContext } from './resolvers';

/** The migrations every institution's database starts with. */
export const INSTITUTION_MIGRATIONS: MigrationSource = {
  namespace: 'institution',
  directory: fileURLToPath(new URL('./migrations', import.meta.url)),
};

export interface InstitutionDependencies extends SubgraphDependencies {
  /** The registry's count of a session's taken seats, which decides whether its dates may move earlier. */
  seatsTaken: SeatsTaken;
}

export interface InstitutionSubgraphOptions {
  code: InstitutionCode;
  /** The subgraph's SDL: its schema.graphql and generated.graphql. */
  typeDefs: DocumentNode;
  seed: (database: Database, level: SeedLevel, clock: Clock) => Promise<void>;
}

/**
 * An institution's subgraph: the shared profile, course and session model. An institution that comes
 * to own more (its own tables, types and resolvers) adds them here as options, beside these.
 */
export function institutionSubgraph(
  options: InstitutionSubgraphOptions,
): SubgraphService<InstitutionContext, InstitutionDependencies> {
  return {
    name: options.code,
    migrations: [INSTITUTION_MIGRATIONS],
    seed: options.seed,
    create: (dependencies) => {
      const management = createManagement(options.code, dependencies.database.db, dependencies.clock, dependencies.seatsTaken);
      return {
        name: options.code,
        typeDefs: options.typeDefs,
        resolvers: institutionResolvers(options.code),
        database: dependencies.database,
        verifier: dependencies.verifier,
        logger: dependencies.logger,
        createContext: (caller) => ({
          caller,
          clock: dependencies.clock,
          loaders: createInstitutionLoaders(dependencies.database.db),
          management,
        }),
      };
    },
  };
}
