import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import type { DocumentNode } from 'graphql';
import type { Caller, TokenVerifier } from './auth';
import type { Database } from './db';
import { DatabaseNoAnswer, commitOutcomeUnknown, databaseUnreachable } from './dbErrors';
import { guardedEntitiesResolver } from './entities';
import { graphqlPostHandler, isPlainGraphQLPost } from './graphqlPost';
import { DATABASE_OUTCOME_UNKNOWN, DATABASE_UNAVAILABLE, ErrorCode, createErrorFormatter } from './errors';
import { mergeResolvers } from './resolvers';
import type { ResolverMap } from './resolvers';
import { callerOfRequest, jsonErrorHandler, listen } from './http';
import { requestLogPlugin } from './logger';
import type { Logger } from './logger';
import { createMetrics } from './metrics';
import { requestScope } from './requestScope';
import { sharedAnswersPlugin } from './sharedAnswers';
import { inSpan } from './tracing';
import type { Tracing } from './tracing';
import type { Metrics } from './metrics';
import { DEFAULT_SUBGRAPH_QUERY_LIMITS, queryLimitProtection } from './queryLimits';
import type { QueryLimits } from './queryLimits';

/** Apollo Server's plugin type, for services that add plugins without depending on Apollo Server themselves. */
export type { ApolloServerPlugin };

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  /** Typed from the subgraph's SDL by `pnpm codegen`. */
  resolvers: ResolverMap;
  database: Database;
  verifier: TokenVerifier;
  logger: Logger;
  /**
   * Builds the per-request context (fresh DataLoaders) for a verified caller; `authorization` is the
   * header it was verified from, for a subgraph that acts on the caller's behalf at another.
   */
  createContext: (caller: Caller | null, authorization: string | undefined) => TContext;
  introspection?: boolean;
  /** Extra HTTP endpoints beside /graphql, e.g. document downloads. */
  routes?: (router: express.Router) => void;
  /** Extra Apollo Server plugins, e.g. request metrics. */
  plugins?: ApolloServerPlugin<TContext>[];
  /** Operation limits over DEFAULT_SUBGRAPH_QUERY_LIMITS, for a test that needs others. */
  queryLimits?: Partial<QueryLimits>;
  /** The service's metrics, when it counts things of its own; otherwise the server makes them. */
  metrics?: Metrics;
  /** Spans of requests, root resolvers and SQL, exported over OTLP; none when not given. */
  tracing?: Tracing | undefined;
  /** Background work that lives as long as the server: started once it listens, stopped on close. */
  background?: { start(): void; stop(): Promise<void> | void };
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops taking requests and lets those in flight finish; the database stays open. */
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 1024 * 1024;
/** A readiness probe is answered within this, whatever the database does: a hung database is not ready. */
const READY_PING_TIMEOUT_MS = 2_000;

async function pingWithin(database: Database, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      database.ping(),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new DatabaseNoAnswer(timeoutMs)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

type FieldResolver = (...args: unknown[]) => unknown;

/**
 * The resolver map with each Query and Mutation field (entity lookups included) run in a span of its
 * own, named by the field: these are the resolvers that go to the database, and the SQL they run is
 * traced as their children. Arguments are never recorded.
 */
function tracedRootResolvers(resolvers: ResolverMap, tracing: Tracing | undefined): ResolverMap {
  if (!tracing) return resolvers;
  const traced = { ...resolvers };
  for (const typeName of ['Query', 'Mutation']) {
    const fields = resolvers[typeName];
    if (!fields || typeof fields !== 'object') continue;
    traced[typeName] = Object.fromEntries(
      Object.entries(fields).map(([field, resolver]: [string, unknown]) => {
        const wrap =
          (resolve: FieldResolver) =>
          (...args: unknown[]) =>
            inSpan(
              tracing,
              `${typeName}.${field}`,
              { attributes: { 'graphql.field.name': field, 'graphql.operation.type': typeName.toLowerCase() } },
              async () => resolve(...args),
            );
        if (typeof resolver === 'function') return [field, wrap(resolver as FieldResolver)];
        if (resolver && typeof resolver === 'object' && 'resolve' in resolver && typeof resolver.resolve === 'function') {
          return [field, { ...resolver, resolve: wrap(resolver.resolve as FieldResolver) }];
        }
        return [field, resolver];
      }),
    ) as ResolverMap[string];
  }
  return traced;
}

/**
 * Serves one subgraph over HTTP with /graphql, /health, /ready and /metrics (Prometheus). Listens on `port` (0 picks a free
 * one); throws when the port is taken.
 */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
  address: { port: number; host?: string | undefined },
): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // Requests are handed over once Apollo Server has started, before the server listens.
  const httpServer = createServer();
  let draining = false;

  // Subgraphs can be reached without the gateway, so they limit operations themselves.
  const limits = queryLimitProtection(
    { ...DEFAULT_SUBGRAPH_QUERY_LIMITS, ...options.queryLimits },
    { development: options.introspection ?? false },
  );
  const formatError = createErrorFormatter(options.logger);
  const metrics = options.metrics ?? createMetrics(options.name);
  metrics.observeDatabase(options.database);
  if (options.tracing) options.database.trace(options.tracing);
  const apollo = new ApolloServer<TContext>({
    // runService handles SIGTERM and SIGINT: Apollo's own handler would stop the server and re-raise the
    // signal, killing the process before the service closes its database (PGlite left unclosed).
    stopOnTerminationSignals: false,
    schema: buildSubgraphSchema({
      typeDefs: options.typeDefs,
      // Resolver maps are typed by their own context; the schema builder only knows `unknown`.
      resolvers: tracedRootResolvers(
        mergeResolvers(options.resolvers as ResolverMap, {
          Query: { _entities: guardedEntitiesResolver },
        }),
        options.tracing,
      ),
    }),
    formatError: (formatted, error) => {
      // A lost or refused database connection is an outage the caller can wait out, not a bug.
      const fault = databaseUnreachable(unwrapResolverError(error));
      if (fault === undefined) return formatError(limits.formatError(formatted), error);
      options.logger.warn({ err: unwrapResolverError(error), path: formatted.path }, 'database unreachable');
      // "Nothing was done" is true only when the connection was lost before the commit was asked for.
      const told = commitOutcomeUnknown(unwrapResolverError(error)) ? DATABASE_OUTCOME_UNKNOWN : DATABASE_UNAVAILABLE;
      return {
        message: `${told.zh} (${told.en})`,
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: ErrorCode.UNAVAILABLE, zh: told.zh, en: told.en },
      };
    },
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? false,
    csrfPrevention: true,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    logger: options.logger,
    plugins: [
      // Apollo Server's cache-control plugin costs a hook on every field resolved (ADR 0039); whether an
      // answer may be shared is decided once per document from the SDL's @sharedFor instead (ADR 0054).
      ApolloServerPluginCacheControlDisabled(),
      sharedAnswersPlugin<TContext>(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestLogPlugin(options.logger),
      metrics.plugin as ApolloServerPlugin<TContext>,
      ...(limits.plugins as ApolloServerPlugin<TContext>[]),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.use(requestScope(options.tracing));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/metrics', metrics.handler);
  app.get('/ready', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'draining', service: options.name });
      return;
    }
    try {
      await pingWithin(options.database, READY_PING_TIMEOUT_MS);
      res.json({ status: 'ready', service: options.name, database: options.database.kind });
    } catch (error) {
      options.logger.warn({ err: error }, 'readiness check failed');
      const cause = databaseUnreachable(error) ?? 'DATABASE_ERROR';
      res.status(503).json({
        status: 'database unavailable',
        service: options.name,
        reason:
          cause === 'DATABASE_NO_ANSWER'
            ? `the ${options.database.kind} database did not answer within ${READY_PING_TIMEOUT_MS} ms`
            : `the ${options.database.kind} database cannot be reached (${cause})`,
      });
    }
  });
  if (options.routes) {
    const router = express.Router();
    options.routes(router);
    app.use(router);
  }
  const contextOf = async (req: IncomingMessage) =>
    options.createContext(await callerOfRequest(options.verifier, req.headers.authorization), req.headers.authorization);
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT_BYTES }),
    requestScope(options.tracing),
    expressMiddleware(apollo, { context: ({ req }) => contextOf(req) }),
  );
  const answerGraphQLPost = graphqlPostHandler(apollo, {
    bodyLimitBytes: BODY_LIMIT_BYTES,
    tracing: options.tracing,
    logger: options.logger,
    context: contextOf,
  });
  // Plain GraphQL POSTs, nearly every request a subgraph serves, skip Express (ADR 0049).
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (isPlainGraphQLPost(req)) answerGraphQLPost(req, res);
    else app(req, res);
  });
  app.use(jsonErrorHandler(options.logger));

  const { url, port } = await listen(httpServer, address.port, address.host);
  options.logger.info({ url }, `${options.name} subgraph listening`);
  options.background?.start();

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () => {
      closing ??= (async () => {
        draining = true;
        await options.background?.stop();
        await apollo.stop();
      })();
      return closing;
    },
  };
}
