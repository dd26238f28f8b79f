import { describeInstitutionSubgraph } from '@xueshi/institutions/testing';
import { shuSubgraph } from '../src/subgraph';

describeInstitutionSubgraph('shu', shuSubgraph, { courseTitles2021: ['人工智能及应用'], minimumSessions2021: 10 });
