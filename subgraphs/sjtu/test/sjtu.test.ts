import { describeInstitutionSubgraph } from '@xueshi/institutions/testing';
import { sjtuSubgraph } from '../src/subgraph';

describeInstitutionSubgraph('sjtu', sjtuSubgraph, { courseTitles2021: ['数据分析基础'], minimumSessions2021: 10 });
