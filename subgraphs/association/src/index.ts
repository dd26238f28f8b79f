import { runInstitutionService } from '@xueshi/institutions/subgraph';
import { associationSubgraph } from './subgraph';

runInstitutionService(associationSubgraph);
