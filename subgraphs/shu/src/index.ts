import { runInstitutionService } from '@xueshi/institutions/subgraph';
import { shuSubgraph } from './subgraph';

runInstitutionService(shuSubgraph);
