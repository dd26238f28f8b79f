import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import {
  DEFAULT_CIRCUIT_BREAKER,
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_SUBGRAPH_MAX_IN_FLIGHT,
  SIGN_UP_LIMITS,
  callerOfRequest,
  createErrorFormatter,
  jsonErrorHandler,
  listen,
  requestLogPlugin,
  requestScope,
} from '@xueshi/subgraph-kit';
import { GraphQLError } from 'graphql';
import type {
  Caller,
  CircuitBreakerSettings,
  Logger,
  RateLimitRule,
  RateLimiter,
  TokenVerifier,
  Tracing,
} from '@xueshi/subgraph-kit';
import express from 'express';
import { DEFAULT_MAX_BATCH_OPERATIONS, batchLimit } from './batchLimit';
import { documentsProxy, trainingDocumentsProxy } from './documentsProxy';
import { graphiqlRoutes } from './graphiql';
import { PORTAL_DIST, portalRoutes } from './portal';
import { createGatewayMetrics } from './metrics';
import { roleQueryLimits } from './roleLimits';
import { DEFAULT_QUERY_LIMITS, queryLimitProtection } from '@xueshi/subgraph-kit';
import type { QueryLimits } from '@xueshi/subgraph-kit';
import { publicCache } from './publicCache';
import { signInLimitPlugin } from './signInLimit';
import { SHARED_ANSWERS_MAX_AGE_MS } from './sharedAnswers';
import { SubgraphDataSource } from './subgraphDataSource';
import { operationAdmissionPlugin, planTrustedDocuments } from './planning/admission';
import type { AdHocOperations, OperationAdmission } from './planning/admission';
import { PlanCache } from './planning/planCache';
import { DEFAULT_PLANNING_LIMITS, PlanningWorker } from './planning/planner';
import type { PlanningLimits } from './planning/planner';
import { DEFAULT_PLANNER_SETTINGS, queryPlannerConfig } from './planning/settings';
import { readTrustedDocuments, trustedDocumentIds } from './trustedDocuments';
import type { TrustedDocuments } from './trustedDocuments';

export { DEFAULT_PLANNING_LIMITS } from './planning/planner';
export { PUBLIC_CACHE_MAX_AGE_MS } from './publicCache';
export { SHARED_ANSWERS_MAX_AGE_MS } from './sharedAnswers';
export type { PlanningLimits } from './planning/planner';
export type { AdHocOperations } from './planning/admission';

export interface GatewayContext {
  /** The caller's bearer token, forwarded so every subgraph verifies the caller itself. */
  authorization?: string | undefined;
  caller: Caller | null;
  /** The client's address: the socket's, or the one trusted proxies forwarded (`trustProxy`). */
  clientAddress: string;
}

export interface GatewayOptions {
  /** The composed supergraph; reloaded whenever the file changes. */
  supergraphFile: URL | string;
  /** Subgraph URLs by name, overriding the ones composed into the supergraph. */
  subgraphUrls: Readonly<Record<string, string>>;
  /** Where printable documents (/documents/…) are served: the registry's origin. */
  documentsOrigin: string;
  /** Where employers' training request documents (/documents/training-requests/…) are served: the association's origin. */
  trainingDocumentsOrigin: string;
  /** How long a document may take through the gateway (default DEFAULT_DOCUMENTS_TIMEOUT_MS). */
  documentsTimeoutMs?: number | undefined;
  /** How long the gateway waits for each subgraph fetch (DEFAULT_FETCH_TIMEOUT_MS unless given). */
  subgraphTimeoutMs?: number | undefined;
  /** The same for named subgraphs, overriding `subgraphTimeoutMs`. */
  subgraphTimeoutsMs?: Readonly<Record<string, number>> | undefined;
  /** Fetches out to each subgraph at once, more waiting their turn (DEFAULT_SUBGRAPH_MAX_IN_FLIGHT unless given). */
  subgraphMaxInFlight?: number | undefined;
  /** When to stop asking a subgraph (or the documents' registry) that does not answer; DEFAULT_CIRCUIT_BREAKER for any not given. */
  circuitBreaker?: Partial<CircuitBreakerSettings> | undefined;
  verifier: TokenVerifier;
  logger: Logger;
  /** The built portal served at `/`; apps/portal/dist unless given. */
  portalDir?: string | undefined;
  /** Development: GraphiQL on GET /graphql, introspection and field suggestions. */
  development: boolean;
  /** Depth, alias, directive, token and cost limits; DEFAULT_QUERY_LIMITS for any not given. */
  queryLimits?: Partial<QueryLimits> | undefined;
  /** Operations allowed in one batched HTTP request (default 10). */
  maxBatchOperations?: number | undefined;
  /** Origins whose pages may call the gateway from a browser; none when not given. */
  corsOrigins?: readonly string[] | undefined;
  /**
   * Express's `trust proxy`: how many proxies in front of the gateway to believe about the client's
   * address (X-Forwarded-For), or true to believe the left-most address; false (the default) uses the
   * socket's address.
   */
  trustProxy?: boolean | number | undefined;
  /**
   * Counts sign-in attempts (SIGN_IN_LIMITS) and verification page views (VERIFICATION_LIMITS.perClient)
   * per client address. Without one the gateway does not limit them and only the registry's limits
   * apply; a deployment always passes one (index.ts does).
   */
  signInLimiter?: RateLimiter | undefined;
  /**
   * Sign-ups per client address, counted by `signInLimiter`: SIGN_UP_LIMITS.production.perAddress, or
   * the demo's looser limit in development, unless given.
   */
  signUpLimit?: RateLimitRule | undefined;
  /**
   * Who may send operations that are not trusted documents: 'staff' (signed-in staff, the registrar and
   * analysts; the default in production) or 'anyone' (the default in development).
   */
  adHocOperations?: AdHocOperations | undefined;
  /** The operations the frontends ship; the committed gateway/trusted-documents.json unless given. */
  trustedDocuments?: TrustedDocuments | undefined;
  /** The planning worker's budget and queue; DEFAULT_PLANNING_LIMITS for any not given. */
  planningLimits?: Partial<PlanningLimits> | undefined;
  /**
   * How long an anonymous catalogue answer may be served again (PUBLIC_CACHE_MAX_AGE_MS unless given;
   * 0: not cached).
   */
  publicCacheMaxAgeMs?: number | undefined;
  /**
   * The longest a subgraph's answer marked public is given again to anyone sending the same request
   * (SHARED_ANSWERS_MAX_AGE_MS unless given; 0: never), ADR 0054.
   */
  sharedAnswersMaxAgeMs?: number | undefined;
  /**
   * Serves /metrics on this port only (an internal one that Prometheus reaches and the public does not),
   * answering 404 for it beside /graphql; when not given, /metrics is served beside /graphql.
   */
  metricsPort?: number | undefined;
  /** Spans of each request, its planning and its subgraph fetches, exported over OTLP; none when not given. */
  tracing?: Tracing | undefined;
  port: number;
  host?: string | undefined;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  /** Where /metrics is served when `metricsPort` was given. */
  readonly metricsUrl?: string | undefined;
  readonly gateway: ApolloGateway;
  close(): Promise<void>;
}

const BODY_LIMIT = '1mb';

/**
 * An operation name the document does not have is the client's mistake: 400 with a typed error (the
 * gateway's executor would otherwise fail on it as an internal error).
 */
const operationResolution: ApolloServerPlugin<GatewayContext> = {
  requestDidStart: async () => ({
    didResolveOperation: async ({ operation, request }) => {
      if (operation) return;
      throw new GraphQLError(`没有名为 ${JSON.stringify(request.operationName ?? '')} 的操作 (Unknown operation name)`, {
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
      });
    },
  }),
};
const RELOAD_DEBOUNCE_MS = 200;
/** How long a starting gateway waits for its planning worker to read the supergraph. */
const PLANNER_START_TIMEOUT_MS = 60_000;

/**
 * Serves the supergraph file through @apollo/gateway, reloading it when it changes (an invalid new
 * file is logged and the previous one kept). Throws when the first load fails or the port is taken.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  const metrics = createGatewayMetrics(options.tracing);
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata endpoints; it can
  // only be told not to through this variable. Nothing of ours leaves the deployment.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const breaker = { ...DEFAULT_CIRCUIT_BREAKER, ...options.circuitBreaker };
  const planningLimits = { ...DEFAULT_PLANNING_LIMITS, ...options.planningLimits };
  const plans = new PlanCache();
  const planner = new PlanningWorker(DEFAULT_PLANNER_SETTINGS, planningLimits, logger);
  const admission: OperationAdmission = {
    adHoc: options.adHocOperations ?? (options.development ? 'anyone' : 'staff'),
    trusted: options.trustedDocuments ?? readTrustedDocuments(),
    plans,
    planner,
    logger,
    tracing: options.tracing,
  };
  const gateway = new ApolloGateway({
    logger,
    // Plans are made in the planning worker (the admission plugin) and found here by the executor.
    queryPlannerConfig: { ...queryPlannerConfig(DEFAULT_PLANNER_SETTINGS), cache: plans },
    supergraphSdl: async ({ update }) => {
      const file = typeof options.supergraphFile === 'string' ? options.supergraphFile : fileURLToPath(options.supergraphFile);
      const load = () => readFile(file, 'utf8');
      let served = await load();
      let timer: NodeJS.Timeout | undefined;
      // The folder, not the file: deployments and editors replace the file by rename, which a watch on
      // the file itself stops following after the first time.
      const watcher = watch(dirname(file), () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          load()
            .then((sdl) => {
              if (sdl === served) return;
              update(sdl);
              served = sdl;
              logger.info('supergraph reloaded');
            })
            .catch((error: unknown) => logger.error({ err: error }, 'supergraph reload failed; keeping the previous one'));
        }, RELOAD_DEBOUNCE_MS);
      });
      return {
        supergraphSdl: served,
        cleanup: async () => {
          clearTimeout(timer);
          watcher.close();
        },
      };
    },
    buildService: ({ name, url }) =>
      metrics.observeSubgraph(
        name,
        new SubgraphDataSource(
          name,
          options.subgraphUrls[name] ?? url ?? '',
          logger,
          {
            timeoutMs: options.subgraphTimeoutsMs?.[name] ?? options.subgraphTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
            breaker,
            maxInFlight: options.subgraphMaxInFlight ?? DEFAULT_SUBGRAPH_MAX_IN_FLIGHT,
            sharedAnswersMaxAgeMs: options.sharedAnswersMaxAgeMs ?? SHARED_ANSWERS_MAX_AGE_MS,
          },
          (how) => metrics.countShared(name, how),
        ),
      ),
  });
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    planner.setSupergraph(coreSupergraphSdl);
    void planTrustedDocuments(admission);
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  const httpServer = createServer(app);
  const roleLimits = roleQueryLimits({ ...DEFAULT_QUERY_LIMITS, ...options.queryLimits });
  const limits = queryLimitProtection(roleLimits.widest, options);
  const formatError = createErrorFormatter(logger);
  const catalogueCache = options.publicCacheMaxAgeMs === 0 ? undefined : publicCache({ maxAgeMs: options.publicCacheMaxAgeMs });
  const apollo = new ApolloServer<GatewayContext>({
    // The gateway's runService handles SIGTERM and SIGINT and closes everything in order.
    stopOnTerminationSignals: false,
    gateway,
    formatError: (formatted, error) => formatError(limits.formatError(formatted), error),
    includeStacktraceInErrorResponses: false,
    introspection: options.development,
    hideSchemaDetailsFromClientErrors: !options.development,
    csrfPrevention: true,
    allowBatchedHttpRequests: true,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    logger,
    plugins: [
      operationResolution,
      ...(catalogueCache ? [catalogueCache.plugin] : []),
      operationAdmissionPlugin(admission, planningLimits.budgetMs),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      requestLogPlugin(logger),
      metrics.plugin,
      roleLimits.plugin,
      ...limits.plugins,
      ...(options.signInLimiter
        ? [
            signInLimitPlugin<GatewayContext>(
              options.signInLimiter,
              logger,
              options.signUpLimit ?? (options.development ? SIGN_UP_LIMITS.demo : SIGN_UP_LIMITS.production).perAddress,
            ),
          ]
        : []),
    ],
  });
  let started = false;
  try {
    await apollo.start();
    started = true;
    await planner.whenReady(PLANNER_START_TIMEOUT_MS);
  } catch (error) {
    // The error that stopped the start is the one to see: stopping a server that never started throws its own.
    await planner.close();
    if (started) await apollo.stop();
    throw error;
  }

  let draining = false;
  app.use(requestScope(options.tracing));
  // Bearer tokens, not cookies, carry identity, so no origin is ever allowed credentials.
  app.use(cors({ origin: [...(options.corsOrigins ?? [])], methods: ['GET', 'POST', 'PUT'], maxAge: 600 }));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  if (options.metricsPort === undefined) app.get('/metrics', metrics.handler);
  else
    app.get('/metrics', (_req, res) => {
      res.status(404).type('text/plain').send('Not found');
    });
  app.get('/ready', (_req, res) => {
    if (draining) res.status(503).json({ status: 'draining', service: 'gateway' });
    else res.json({ status: 'ready', service: 'gateway' });
  });
  const trainingDocuments = trainingDocumentsProxy({
    origin: options.trainingDocumentsOrigin,
    logger,
    timeoutMs: options.documentsTimeoutMs,
    breaker,
  });
  app.get('/documents/training-requests/:id/:file', ...trainingDocuments);
  app.put('/documents/training-requests/:id/:file', ...trainingDocuments);
  app.get(
    '/documents/{*path}',
    documentsProxy({
      origin: options.documentsOrigin,
      logger,
      timeoutMs: options.documentsTimeoutMs,
      limiter: options.signInLimiter,
      breaker,
    }),
  );
  const portal = express.Router();
  portalRoutes(portal, options.portalDir ?? fileURLToPath(PORTAL_DIST));
  app.use(portal);
  if (options.development) {
    const router = express.Router();
    graphiqlRoutes(router);
    app.use(router);
  }
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    requestScope(options.tracing),
    batchLimit(options.maxBatchOperations ?? DEFAULT_MAX_BATCH_OPERATIONS),
    trustedDocumentIds(admission.trusted),
    ...(catalogueCache ? [catalogueCache.middleware] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        authorization: req.headers.authorization,
        caller: await callerOfRequest(options.verifier, req.headers.authorization),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  );
  app.use(jsonErrorHandler(logger));

  const { url, port } = await listen(httpServer, options.port, options.host);
  logger.info({ url }, 'gateway listening');
  let metricsServer: Server | undefined;
  let metricsUrl: string | undefined;
  if (options.metricsPort !== undefined) {
    const internal = express();
    internal.disable('x-powered-by');
    internal.get('/metrics', metrics.handler);
    metricsServer = createServer(internal);
    metricsUrl = `${(await listen(metricsServer, options.metricsPort, options.host)).url.replace(/\/graphql$/, '')}/metrics`;
    logger.info({ url: metricsUrl }, 'gateway metrics listening');
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    metricsUrl,
    gateway,
    close: () => {
      closing ??= (async () => {
        draining = true;
        await apollo.stop();
        await planner.close();
        await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
      })();
      return closing;
    },
  };
}
