import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express from 'express';
import type { DocumentNode } from 'graphql';
import type { Caller, TokenVerifier } from './auth';
import type { Database } from './db';
import { createErrorFormatter } from './errors';
import type { Logger } from './logger';

export type Resolvers<TContext> = GraphQLResolverMap<TContext>;

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: Resolvers<TContext>;
  database: Database;
  verifier: TokenVerifier;
  logger: Logger;
  /** Builds the per-request context (fresh DataLoaders) for a verified caller. */
  createContext: (caller: Caller | null) => TContext;
  introspection?: boolean;
  /** Extra HTTP endpoints beside /graphql, e.g. document downloads. */
  routes?: (router: express.Router) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops taking requests, lets those in flight finish, then closes the database. */
  close(): Promise<void>;
}

const BODY_LIMIT = '1mb';

/**
 * Serves one subgraph over HTTP with /graphql, /health and /ready. Listens on `port` (0 picks a free
 * one); throws when the port is taken.
 */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
  listen: { port: number; host?: string | undefined },
): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let draining = false;

  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({
      typeDefs: options.typeDefs,
      // Resolver maps are typed by their own context; the schema builder only knows `unknown`.
      resolvers: options.resolvers as GraphQLResolverMap<unknown>,
    }),
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? false,
    csrfPrevention: true,
    logger: options.logger,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/ready', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'draining', service: options.name });
      return;
    }
    try {
      await options.database.ping();
      res.json({ status: 'ready', service: options.name, database: options.database.kind });
    } catch (error) {
      options.logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unavailable', service: options.name });
    }
  });
  if (options.routes) {
    const router = express.Router();
    options.routes(router);
    app.use(router);
  }
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const caller = await options.verifier.fromAuthorizationHeader(req.headers.authorization);
        return options.createContext(caller);
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host ?? '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = listen.host && listen.host !== '0.0.0.0' ? listen.host : '127.0.0.1';
  const url = `http://${host}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} subgraph listening`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () => {
      closing ??= (async () => {
        draining = true;
        await apollo.stop();
        await options.database.close();
      })();
      return closing;
    },
  };
}
