import { loadTypeDefs } from '@xueshi/subgraph-kit';
import { institutionSubgraph } from '@xueshi/institutions/subgraph';
import { seed } from './seed';

/** 上海大学's subgraph. */
export const shuSubgraph = institutionSubgraph({
  code: 'shu',
  typeDefs: loadTypeDefs(new URL('./schema.graphql', import.meta.url), new URL('./generated.graphql', import.meta.url)),
  seed,
});
