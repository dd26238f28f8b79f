import { runInstitutionService } from '@xueshi/institutions/subgraph';
import { sjtuSubgraph } from './subgraph';

runInstitutionService(sjtuSubgraph);
