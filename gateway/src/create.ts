import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ErrorCode,
  UserError,
  callerOfRequest,
  createErrorFormatter,
  jsonErrorHandler,
  listen,
  requestLogPlugin,
} from '@xueshi/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { Caller, Logger, TokenVerifier } from '@xueshi/subgraph-kit';
import express from 'express';
import { graphiqlRoutes } from './graphiql';

export interface GatewayContext {
  /** The caller's bearer token, forwarded so every subgraph verifies the caller itself. */
  authorization?: string | undefined;
  caller: Caller | null;
}

export interface GatewayOptions {
  /** The composed supergraph; reloaded whenever the file changes. */
  supergraphFile: URL | string;
  /** Subgraph URLs by name, overriding the ones composed into the supergraph. */
  subgraphUrls: Readonly<Record<string, string>>;
  /** Where printable documents (/documents/…) are served: the registry's origin. */
  documentsOrigin: string;
  verifier: TokenVerifier;
  logger: Logger;
  /** Development: GraphiQL on GET /graphql, introspection and field suggestions. */
  development: boolean;
  port: number;
  host?: string | undefined;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly gateway: ApolloGateway;
  close(): Promise<void>;
}

const BODY_LIMIT = '1mb';
const RELOAD_DEBOUNCE_MS = 200;

/**
 * Forwards the caller's token to every subgraph (a subgraph never trusts the gateway's word for who
 * calls), and turns a subgraph that cannot be reached into a typed UNAVAILABLE error that does not
 * reveal its address.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly name: string,
    url: string,
    private readonly logger: Logger,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if ('authorization' in context && context.authorization) {
      request.http?.headers.set('authorization', context.authorization);
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      this.logger.warn({ err: error, subgraph: this.name }, 'subgraph unreachable');
      throw new UserError(
        ErrorCode.UNAVAILABLE,
        { zh: `服务 ${this.name} 暂时不可用，请稍后再试`, en: `The ${this.name} service is unavailable; please try again later` },
        { serviceName: this.name },
      );
    }
  }
}

/**
 * Serves the supergraph file through @apollo/gateway, reloading it when it changes (an invalid new
 * file is logged and the previous one kept). Throws when the first load fails or the port is taken.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata endpoints; it can
  // only be told not to through this variable. Nothing of ours leaves the deployment.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const gateway = new ApolloGateway({
    logger,
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
    buildService: ({ name, url }) => new SubgraphDataSource(name, options.subgraphUrls[name] ?? url ?? '', logger),
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: options.development,
    hideSchemaDetailsFromClientErrors: !options.development,
    csrfPrevention: true,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      requestLogPlugin(logger),
    ],
  });
  await apollo.start();

  let draining = false;
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', (_req, res) => {
    if (draining) res.status(503).json({ status: 'draining', service: 'gateway' });
    else res.json({ status: 'ready', service: 'gateway' });
  });
  app.get('/documents/{*path}', async (req, res) => {
    try {
      const upstream = await fetch(new URL(req.originalUrl, options.documentsOrigin), {
        headers: req.headers.authorization ? { authorization: req.headers.authorization } : {},
        signal: AbortSignal.timeout(30_000),
      });
      for (const header of ['content-type', 'content-disposition', 'cache-control']) {
        const value = upstream.headers.get(header);
        if (value) res.set(header, value);
      }
      res.status(upstream.status).send(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      logger.warn({ err: error }, 'document service unreachable');
      res
        .status(503)
        .json({ errors: [{ message: '文档服务暂时不可用 (Documents are unavailable)', extensions: { code: 'UNAVAILABLE' } }] });
    }
  });
  if (options.development) {
    const router = express.Router();
    graphiqlRoutes(router);
    app.use(router);
  }
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        authorization: req.headers.authorization,
        caller: await callerOfRequest(options.verifier, req.headers.authorization),
      }),
    }),
  );
  app.use(jsonErrorHandler(logger));

  const { url, port } = await listen(httpServer, options.port, options.host);
  logger.info({ url }, 'gateway listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    gateway,
    close: () => {
      closing ??= (async () => {
        draining = true;
        await apollo.stop();
      })();
      return closing;
    },
  };
}
