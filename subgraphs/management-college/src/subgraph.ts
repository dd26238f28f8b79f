import { loadTypeDefs } from '@xueshi/subgraph-kit';
import { institutionSubgraph } from '@xueshi/institutions/subgraph';
import { seed } from './seed';

/** 上海科技管理干部学院's subgraph. */
export const managementCollegeSubgraph = institutionSubgraph({
  code: 'management-college',
  typeDefs: loadTypeDefs(new URL('./schema.graphql', import.meta.url), new URL('./generated.graphql', import.meta.url)),
  seed,
});
