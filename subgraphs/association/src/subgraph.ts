import { loadTypeDefs } from '@xueshi/subgraph-kit';
import { institutionSubgraph } from '@xueshi/institutions/subgraph';
import { seed } from './seed';

/** 上海继续工程教育协会's subgraph. */
export const associationSubgraph = institutionSubgraph({
  code: 'association',
  typeDefs: loadTypeDefs(new URL('./schema.graphql', import.meta.url), new URL('./generated.graphql', import.meta.url)),
  seed,
});
