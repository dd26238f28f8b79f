import { SAMPLE_COURSEWARE } from '@xueshi/institutions/demo';
import { describeInstitutionSubgraph } from '@xueshi/institutions/testing';
import { electiveProviderSubgraph } from '../src/subgraph';

describeInstitutionSubgraph('elective-provider', electiveProviderSubgraph, {
  courseTitles2021: SAMPLE_COURSEWARE.map((courseware) => courseware.title),
  minimumSessions2021: SAMPLE_COURSEWARE.length,
});
