import { describeInstitutionSubgraph } from '@xueshi/institutions/testing';
import { engineersSocietySubgraph } from '../src/subgraph';

describeInstitutionSubgraph('engineers-society', engineersSocietySubgraph, {
  courseTitles2021: ['项目管理基础'],
  minimumSessions2021: 9,
});
