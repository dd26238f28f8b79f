import { join } from 'node:path';
import type { BaseContext } from '@apollo/server';
import { createTokenVerifier } from './auth';
import type { TokenVerifier } from './auth';
import { pinnedClock, systemClock } from './clock';
import type { Clock } from './clock';
import { EMPTY_CLUSTER, openDatabase } from './db';
import type { Database } from './db';
import { ConfigError, productionProblems, seedOnStart } from './env';
import type { SubgraphEnv } from './env';
import { createLogger } from './logger';
import type { Logger } from './logger';
import type { MigrationSource } from './migrate';
import { startSubgraphServer } from './server';
import { startTracing } from './tracing';
import type { Tracing } from './tracing';
import type { RunningServer, SubgraphServerOptions } from './server';

/** What a subgraph is built from; tests pass their own, services build them from env. */
export interface SubgraphDependencies {
  database: Database;
  clock: Clock;
  verifier: TokenVerifier;
  logger: Logger;
}

export type SeedLevel = 'plan' | 'demo';

export interface SubgraphService<TContext extends BaseContext, TDependencies extends SubgraphDependencies> {
  name: string;
  migrations: MigrationSource[];
  /** Its statements are all by key: each is planned once per connection (DatabaseOptions.genericPlans). */
  genericPlans?: boolean;
  /** Loads the seed idempotently: running it twice changes nothing. */
  seed?: (database: Database, level: SeedLevel, clock: Clock) => Promise<void>;
  create: (dependencies: TDependencies) => SubgraphServerOptions<TContext> | Promise<SubgraphServerOptions<TContext>>;
  /** In production, what in the database the service refuses to start with (e.g. accounts with demo passwords). */
  productionProblems?: (database: Database) => Promise<string[]>;
}

/** Dependencies a service needs beyond the common ones, built from those (the registry's signer, …). */
export type ExtraDependencies<TDependencies extends SubgraphDependencies> = (
  base: SubgraphDependencies,
) => Omit<TDependencies, keyof SubgraphDependencies> | Promise<Omit<TDependencies, keyof SubgraphDependencies>>;

export interface ServeOptions<TContext extends BaseContext, TDependencies extends SubgraphDependencies> {
  /** What to load into the database first; 'none' loads nothing. */
  seed: SeedLevel | 'none';
  extra?: ExtraDependencies<TDependencies>;
  /** Set on the server options the service builds; `plugins` are added to its own. */
  server?: Pick<SubgraphServerOptions<TContext>, 'introspection' | 'plugins' | 'tracing'>;
  port: number;
  host?: string;
}

/**
 * How every subgraph service starts, whoever gives it its database, clock, verifier and logger (the
 * service's env, a suite): loads the seed, builds the service and serves it. Returns the server and the
 * options it serves, to serve them again.
 */
export async function serveSubgraph<TContext extends BaseContext, TDependencies extends SubgraphDependencies>(
  service: SubgraphService<TContext, TDependencies>,
  base: SubgraphDependencies,
  options: ServeOptions<TContext, TDependencies>,
): Promise<{ server: RunningServer; options: SubgraphServerOptions<TContext> }> {
  if (options.seed !== 'none' && service.seed) {
    await service.seed(base.database, options.seed, base.clock);
    base.logger.info({ seed: options.seed }, 'seed loaded');
  }
  const dependencies = { ...base, ...(await options.extra?.(base)) } as TDependencies;
  const built = await service.create(dependencies);
  const serverOptions: SubgraphServerOptions<TContext> = options.server
    ? { ...built, ...options.server, plugins: [...(built.plugins ?? []), ...(options.server.plugins ?? [])] }
    : built;
  const server = await startSubgraphServer(serverOptions, { port: options.port, host: options.host });
  return { server, options: serverOptions };
}

/**
 * Starts a subgraph service from its parsed env: clock, logger, database (PostgreSQL or PGlite in
 * DATA_DIR/<name>), seed, token verifier, server. Throws when any of them cannot start.
 */
export async function startSubgraphService<TContext extends BaseContext, TDependencies extends SubgraphDependencies>(
  service: SubgraphService<TContext, TDependencies>,
  env: SubgraphEnv,
  extra: ExtraDependencies<TDependencies>,
): Promise<RunningServer> {
  const configProblems = productionProblems(env);
  if (configProblems.length > 0) throw new ConfigError(configProblems);
  const logger = createLogger(service.name, { level: env.LOG_LEVEL, file: env.LOG_FILE });
  const clock = env.CLOCK_START ? pinnedClock(new Date(env.CLOCK_START)) : systemClock;
  const seed = seedOnStart(env);
  const database = await openDatabase({
    url: env.DATABASE_URL,
    schema: env.DATABASE_SCHEMA ?? service.name.replace(/-/g, '_'),
    socket: env.EMBEDDED_DATABASE_SOCKET,
    dataDir: env.DATABASE_URL ? undefined : join(env.DATA_DIR, service.name),
    emptyCluster: join(env.DATA_DIR, EMPTY_CLUSTER),
    poolSize: env.DATABASE_POOL_SIZE,
    migrations: service.migrations,
    genericPlans: service.genericPlans,
  });
  let tracing: Tracing | undefined;
  try {
    const stored = env.NODE_ENV === 'production' ? ((await service.productionProblems?.(database)) ?? []) : [];
    if (stored.length > 0) throw new ConfigError(stored);
    const verifier = await createTokenVerifier(env.JWT_PUBLIC_JWK, clock);
    tracing = env.OTEL_EXPORTER_OTLP_ENDPOINT ? await startTracing(service.name, env.OTEL_EXPORTER_OTLP_ENDPOINT) : undefined;
    const { server } = await serveSubgraph(
      service,
      { database, clock, logger, verifier },
      {
        seed,
        extra,
        server: { tracing, introspection: env.NODE_ENV !== 'production' },
        port: env.PORT,
        host: env.HOST,
      },
    );
    return {
      ...server,
      close: async () => {
        await server.close();
        await tracing?.shutdown();
        await database.close();
      },
    };
  } catch (error) {
    await tracing?.shutdown();
    await database.close();
    throw error;
  }
}
