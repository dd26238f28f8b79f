import { runInstitutionService } from '@xueshi/institutions/subgraph';
import { managementCollegeSubgraph } from './subgraph';

runInstitutionService(managementCollegeSubgraph);
