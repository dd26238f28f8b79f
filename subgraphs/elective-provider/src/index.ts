import { runInstitutionService } from '@xueshi/institutions/subgraph';
import { electiveProviderSubgraph } from './subgraph';

runInstitutionService(electiveProviderSubgraph);
