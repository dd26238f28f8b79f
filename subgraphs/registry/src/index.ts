import { runService, startSubgraphService } from '@xueshi/subgraph-kit';
import { readRegistryEnv } from './env';
import { registrySubgraph } from './subgraph';

runService('registry', () => startSubgraphService(registrySubgraph, readRegistryEnv(process.env), () => ({})));
