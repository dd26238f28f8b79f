import { describeInstitutionSubgraph } from '@xueshi/institutions/testing';
import { associationSubgraph } from '../src/subgraph';

describeInstitutionSubgraph('association', associationSubgraph, { courseTitles2021: ['知识产权基础'], minimumSessions2021: 16 });
