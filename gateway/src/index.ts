import { fileURLToPath } from 'node:url';
import { createLogger, createTokenVerifier, pinnedClock, runService, systemClock } from '@xueshi/subgraph-kit';
import { SUPERGRAPH_FILE } from './paths';
import { startGateway } from './create';
import { readGatewayEnv } from './env';

runService('gateway', async () => {
  const env = readGatewayEnv(process.env);
  const clock = env.CLOCK_START ? pinnedClock(new Date(env.CLOCK_START)) : systemClock;
  return startGateway({
    supergraphFile: env.SUPERGRAPH_FILE ?? fileURLToPath(SUPERGRAPH_FILE),
    subgraphUrls: env.subgraphUrls,
    verifier: await createTokenVerifier(env.JWT_PUBLIC_JWK, clock),
    logger: createLogger('gateway', { level: env.LOG_LEVEL }),
    development: env.NODE_ENV !== 'production',
    port: env.PORT,
    host: env.HOST,
  });
});
