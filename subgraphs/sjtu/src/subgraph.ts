import { loadTypeDefs } from '@xueshi/subgraph-kit';
import { institutionSubgraph } from '@xueshi/institutions/subgraph';
import { seed } from './seed';

/** 上海交通大学's subgraph. */
export const sjtuSubgraph = institutionSubgraph({
  code: 'sjtu',
  typeDefs: loadTypeDefs(new URL('./schema.graphql', import.meta.url), new URL('./generated.graphql', import.meta.url)),
  seed,
});
