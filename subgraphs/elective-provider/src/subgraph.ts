import { loadTypeDefs } from '@xueshi/subgraph-kit';
import { institutionSubgraph } from '@xueshi/institutions/subgraph';
import { seed } from './seed';

/** 国培网's subgraph: online elective courseware, bought through the registry like any session. */
export const electiveProviderSubgraph = institutionSubgraph({
  code: 'elective-provider',
  typeDefs: loadTypeDefs(new URL('./schema.graphql', import.meta.url), new URL('./generated.graphql', import.meta.url)),
  seed,
});

export { yearOfCourseware } from './seed';
