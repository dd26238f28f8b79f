import { describeInstitutionSubgraph } from '@xueshi/institutions/testing';
import { managementCollegeSubgraph } from '../src/subgraph';

describeInstitutionSubgraph('management-college', managementCollegeSubgraph, {
  courseTitles2021: ['创新知识基础'],
  minimumSessions2021: 10,
});
