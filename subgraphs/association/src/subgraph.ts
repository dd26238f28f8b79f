import { fileURLToPath } from 'node:url';
import { loadTypeDefs } from '@xueshi/subgraph-kit';
import { institutionSubgraph } from '@xueshi/institutions/subgraph';
import { trainingRequestRoutes } from './documents';
import { createOwners } from './owners';
import { trainingRequestResolvers } from './resolvers';
import { seed } from './seed';
import { createTrainingRequests } from './trainingRequests';

/** 上海继续工程教育协会's subgraph: the shared institution model, and employers' training requests. */
export const associationSubgraph = institutionSubgraph({
  code: 'association',
  typeDefs: loadTypeDefs(new URL('./schema.graphql', import.meta.url), new URL('./generated.graphql', import.meta.url)),
  seed,
  extension: {
    migrations: { namespace: 'association', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
    create: (dependencies) => {
      const requests = createTrainingRequests({
        db: dependencies.database.db,
        clock: dependencies.clock,
        owners: createOwners(dependencies.subgraphUrl, dependencies.logger),
      });
      return {
        resolvers: trainingRequestResolvers(requests),
        routes: trainingRequestRoutes({
          db: dependencies.database.db,
          clock: dependencies.clock,
          verifier: dependencies.verifier,
          logger: dependencies.logger,
          requests,
        }),
      };
    },
  },
});
