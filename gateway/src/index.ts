import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  createLogger,
  createRateLimiter,
  createTokenVerifier,
  developmentKeyProblem,
  memoryRateLimitStore,
  pinnedClock,
  redisRateLimitStore,
  runService,
  startTracing,
  systemClock,
} from '@xueshi/subgraph-kit';
import { startGateway } from './create';
import { readGatewayEnv } from './env';
import { SUPERGRAPH_FILE } from './paths';

runService('gateway', async () => {
  const env = readGatewayEnv(process.env);
  const keyProblem = env.NODE_ENV === 'production' ? developmentKeyProblem(env.JWT_PUBLIC_JWK, 'JWT_PUBLIC_JWK') : null;
  if (keyProblem) throw new ConfigError([keyProblem]);
  const clock = env.CLOCK_START ? pinnedClock(new Date(env.CLOCK_START)) : systemClock;
  const logger = createLogger('gateway', { level: env.LOG_LEVEL, file: env.LOG_FILE });
  const verifier = await createTokenVerifier(env.JWT_PUBLIC_JWK, clock);
  // Replicas behind a load balancer must share the counters, or each one allows the whole limit.
  const store = env.REDIS_URL ? await redisRateLimitStore(env.REDIS_URL, logger) : memoryRateLimitStore(clock);
  if (!env.REDIS_URL && env.NODE_ENV === 'production')
    logger.warn('REDIS_URL is not set: sign-in limits are counted per replica');
  const tracing = env.OTEL_EXPORTER_OTLP_ENDPOINT ? await startTracing('gateway', env.OTEL_EXPORTER_OTLP_ENDPOINT) : undefined;
  try {
    const gateway = await startGateway({
      supergraphFile: env.SUPERGRAPH_FILE ?? fileURLToPath(SUPERGRAPH_FILE),
      subgraphUrls: env.subgraphUrls,
      subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
      subgraphTimeoutsMs: env.subgraphTimeoutsMs,
      subgraphMaxInFlight: env.SUBGRAPH_MAX_IN_FLIGHT,
      documentsOrigin: env.documentsOrigin,
      trainingDocumentsOrigin: env.trainingDocumentsOrigin,
      verifier,
      logger,
      development: env.NODE_ENV !== 'production',
      queryLimits: env.queryLimits,
      maxBatchOperations: env.BATCH_MAX_OPERATIONS,
      adHocOperations: env.AD_HOC_OPERATIONS,
      planningLimits: { budgetMs: env.QUERY_PLANNING_BUDGET_MS },
      corsOrigins: env.corsOrigins,
      trustProxy: env.trustProxy,
      signInLimiter: createRateLimiter(store, clock),
      tracing,
      metricsPort: env.METRICS_PORT,
      port: env.PORT,
      host: env.HOST,
    });
    return {
      close: async () => {
        await gateway.close();
        await tracing?.shutdown();
        await store.close();
      },
    };
  } catch (error) {
    await tracing?.shutdown();
    await store.close();
    throw error;
  }
});
