import { fileURLToPath } from 'node:url';
import { mergeResolvers } from '@xueshi/subgraph-kit';
import type {
  Database,
  MigrationSource,
  Resolvers,
  SeedLevel,
  SubgraphDependencies,
  SubgraphService,
  Clock,
} from '@xueshi/subgraph-kit';
import type { DocumentNode } from 'graphql';
import type { InstitutionCode } from '../institutions';
import { createInstitutionLoaders } from './loaders';
import { createManagement } from './management';
import { institutionResolvers } from './resolvers';
import type { InstitutionContext } from './resolvers';

/** The migrations every institution's database starts with. */
export const INSTITUTION_MIGRATIONS: MigrationSource = {
  namespace: 'institution',
  directory: fileURLToPath(new URL('./migrations', import.meta.url)),
};

export interface InstitutionSubgraphOptions<Own extends object> {
  code: InstitutionCode;
  /** The subgraph's SDL: its schema.graphql and generated.graphql. */
  typeDefs: DocumentNode;
  /** The institution's own migrations after the shared ones, if it owns more tables. */
  migrations?: MigrationSource[];
  /** The institution's own resolvers, merged over the shared ones. */
  resolvers?: Resolvers<InstitutionContext & { own: Own }>;
  /** The institution's own per-request loaders. */
  createOwnLoaders?: (dependencies: SubgraphDependencies) => Own;
  seed: (database: Database, level: SeedLevel, clock: Clock) => Promise<void>;
}

/** An institution's subgraph: the shared profile, course and session model plus what it alone owns. */
export function institutionSubgraph<Own extends object = Record<string, never>>(
  options: InstitutionSubgraphOptions<Own>,
): SubgraphService<InstitutionContext & { own: Own }, SubgraphDependencies> {
  return {
    name: options.code,
    migrations: [INSTITUTION_MIGRATIONS, ...(options.migrations ?? [])],
    seed: options.seed,
    create: (dependencies) => {
      const management = createManagement(options.code, dependencies.database.db, dependencies.clock);
      return {
        name: options.code,
        typeDefs: options.typeDefs,
        resolvers: mergeResolvers<InstitutionContext & { own: Own }>(institutionResolvers(options.code), options.resolvers ?? {}),
        database: dependencies.database,
        verifier: dependencies.verifier,
        logger: dependencies.logger,
        createContext: (caller) => ({
          caller,
          clock: dependencies.clock,
          loaders: createInstitutionLoaders(dependencies.database.db),
          management,
          own: options.createOwnLoaders?.(dependencies) ?? ({} as Own),
        }),
      };
    },
  };
}
