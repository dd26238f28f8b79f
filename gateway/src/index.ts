import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  createLogger,
  createTokenVerifier,
  developmentKeyProblem,
  pinnedClock,
  runService,
  systemClock,
} from '@xueshi/subgraph-kit';
import { SUPERGRAPH_FILE } from './paths';
import { startGateway } from './create';
import { readGatewayEnv } from './env';
import { SUBGRAPHS } from '@xueshi/institutions';

const registryPort = SUBGRAPHS.find(({ name }) => name === 'registry')?.defaultPort ?? 4001;

runService('gateway', async () => {
  const env = readGatewayEnv(process.env);
  const keyProblem = env.NODE_ENV === 'production' ? developmentKeyProblem(env.JWT_PUBLIC_JWK, 'JWT_PUBLIC_JWK') : null;
  if (keyProblem) throw new ConfigError([keyProblem]);
  const clock = env.CLOCK_START ? pinnedClock(new Date(env.CLOCK_START)) : systemClock;
  return startGateway({
    supergraphFile: env.SUPERGRAPH_FILE ?? fileURLToPath(SUPERGRAPH_FILE),
    subgraphUrls: env.subgraphUrls,
    documentsOrigin: new URL(env.subgraphUrls['registry'] ?? `http://127.0.0.1:${registryPort}/graphql`).origin,
    verifier: await createTokenVerifier(env.JWT_PUBLIC_JWK, clock),
    logger: createLogger('gateway', { level: env.LOG_LEVEL, file: env.LOG_FILE }),
    development: env.NODE_ENV !== 'production',
    port: env.PORT,
    host: env.HOST,
  });
});
