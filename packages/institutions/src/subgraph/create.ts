import { fileURLToPath } from 'node:url';
import { mergeResolvers } from '@xueshi/subgraph-kit';
import type {
  Clock,
  Database,
  MigrationSource,
  ResolverMap,
  SeedLevel,
  SubgraphDependencies,
  SubgraphServerOptions,
  SubgraphService,
} from '@xueshi/subgraph-kit';
import type { DocumentNode } from 'graphql';
import type { InstitutionCode } from '../institutions';
import { createInstitutionLoaders } from './loaders';
import { createManagement } from './management';
import { institutionResolvers } from './resolvers';
import type { SeatsTaken } from './registrySeats';
import { registryCalendar } from './registryCalendar';
import { registrySessionChanges } from './registrySessionChanges';
import type { InstitutionContext } from './resolvers';

/** The migrations every institution's database starts with. */
const INSTITUTION_MIGRATIONS: MigrationSource = {
  namespace: 'institution',
  directory: fileURLToPath(new URL('./migrations', import.meta.url)),
};

export interface InstitutionDependencies extends SubgraphDependencies {
  /** The registry's count of a session's taken seats, which decides whether its dates may move earlier. */
  seatsTaken: SeatsTaken;
  /** Another subgraph's GraphQL URL by its name (read on each call), for an institution that acts at another. */
  subgraphUrl: (name: string) => string;
}

/** What only one institution does, beside the shared model: its own tables, resolvers and routes. */
interface InstitutionExtension {
  migrations: MigrationSource;
  create: (dependencies: InstitutionDependencies) => {
    resolvers: ResolverMap;
    /** HTTP endpoints beside /graphql, e.g. document uploads and downloads. */
    routes?: SubgraphServerOptions<InstitutionContext>['routes'];
  };
}

interface InstitutionSubgraphOptions {
  code: InstitutionCode;
  /** The subgraph's SDL: its schema.graphql and generated.graphql. */
  typeDefs: DocumentNode;
  seed: (database: Database, level: SeedLevel, clock: Clock) => Promise<void>;
  extension?: InstitutionExtension;
}

/**
 * An institution's subgraph: the shared profile, course and session model, and what the institution
 * alone owns (its extension) beside it.
 */
export function institutionSubgraph(
  options: InstitutionSubgraphOptions,
): SubgraphService<InstitutionContext, InstitutionDependencies> {
  const { extension } = options;
  return {
    name: options.code,
    migrations: extension ? [INSTITUTION_MIGRATIONS, extension.migrations] : [INSTITUTION_MIGRATIONS],
    // Loaders by key, management by id: nothing an institution runs wants a plan of its own per value.
    genericPlans: true,
    seed: options.seed,
    create: (dependencies) => {
      const management = createManagement(options.code, dependencies.database.db, dependencies.clock, {
        seatsTaken: dependencies.seatsTaken,
        calendarFor: registryCalendar(() => dependencies.subgraphUrl('registry'), dependencies.logger),
        announceSessionChange: registrySessionChanges(() => dependencies.subgraphUrl('registry'), dependencies.logger),
      });
      const shared = institutionResolvers(options.code);
      const own = extension?.create(dependencies);
      return {
        name: options.code,
        typeDefs: options.typeDefs,
        resolvers: own ? mergeResolvers(shared, own.resolvers) : shared,
        database: dependencies.database,
        verifier: dependencies.verifier,
        logger: dependencies.logger,
        ...(own?.routes ? { routes: own.routes } : {}),
        createContext: (caller, authorization) => ({
          caller,
          authorization,
          clock: dependencies.clock,
          loaders: createInstitutionLoaders(dependencies.database.db),
          management,
        }),
      };
    },
  };
}
