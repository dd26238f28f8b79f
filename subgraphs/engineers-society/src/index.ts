import { runInstitutionService } from '@xueshi/institutions/subgraph';
import { engineersSocietySubgraph } from './subgraph';

runInstitutionService(engineersSocietySubgraph);
