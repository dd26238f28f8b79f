import { loadTypeDefs } from '@xueshi/subgraph-kit';
import { institutionSubgraph } from '@xueshi/institutions/subgraph';
import { seed } from './seed';

/** 上海工程师学会's subgraph. */
export const engineersSocietySubgraph = institutionSubgraph({
  code: 'engineers-society',
  typeDefs: loadTypeDefs(new URL('./schema.graphql', import.meta.url), new URL('./generated.graphql', import.meta.url)),
  seed,
});
