import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createLogger, createTokenVerifier, startSubgraphServer, unauthenticated } from '@xueshi/subgraph-kit';
import type { Database, Db, Logger } from '@xueshi/subgraph-kit';
import { parse } from 'graphql';
import { ManualClock, testKeys } from '@xueshi/subgraph-kit/testing';
import { SUITE_PLANNING_LIMITS } from '../../../tests/harness/limits';
import { startGateway } from '../../src/create';
import type { GatewayOptions, RunningGateway } from '../../src/create';

/** The committed supergraph the gateway serves. */
export const COMMITTED_SUPERGRAPH = fileURLToPath(new URL('../../supergraph.graphql', import.meta.url));

/** Where no subgraph listens: for suites that never reach one. */
export const NOWHERE = 'http://127.0.0.1:9/graphql';

/** A logger that keeps each line it writes as parsed JSON. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('gateway-test', {
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

export type TestGatewayOptions = Pick<GatewayOptions, 'development'> & Partial<GatewayOptions>;

/** Starts the gateway on port 0 with test keys, a silent logger and no subgraph unless told otherwise. */
export async function startTestGateway(options: TestGatewayOptions): Promise<RunningGateway> {
  const keys = await testKeys();
  return startGateway({
    supergraphFile: options.supergraphFile ?? COMMITTED_SUPERGRAPH,
    subgraphUrls: options.subgraphUrls ?? {},
    documentsOrigin: options.documentsOrigin ?? new URL(NOWHERE).origin,
    trainingDocumentsOrigin: new URL(NOWHERE).origin,
    documentsTimeoutMs: options.documentsTimeoutMs,
    verifier: options.verifier ?? (await createTokenVerifier(keys.publicJwk, new ManualClock('2021-02-22T10:00:00+08:00'))),
    logger: options.logger ?? createLogger('gateway-test', { level: 'silent' }),
    development: options.development,
    queryLimits: options.queryLimits,
    maxBatchOperations: options.maxBatchOperations,
    corsOrigins: options.corsOrigins,
    trustProxy: options.trustProxy,
    signInLimiter: options.signInLimiter,
    signUpLimit: options.signUpLimit,
    // Most suites test something else with ad hoc operations; the admission suite sets it itself.
    adHocOperations: options.adHocOperations ?? 'anyone',
    trustedDocuments: options.trustedDocuments,
    planningLimits: options.planningLimits ?? SUITE_PLANNING_LIMITS,
    // Suites count what reaches the subgraphs; the public cache is tested on its own.
    publicCacheMaxAgeMs: options.publicCacheMaxAgeMs ?? 0,
    sharedAnswersMaxAgeMs: options.sharedAnswersMaxAgeMs ?? 0,
    metricsPort: options.metricsPort,
    port: options.port ?? 0,
    host: options.host,
  });
}

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs an operation as JSON and answers the status with the parsed body. */
export async function post<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<Data>, 'status'>) };
}

export interface SentRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The address to send from, e.g. 127.0.0.2: another client, as far as the gateway can tell. */
  localAddress?: string;
}

export interface ReceivedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON; throws when it is not JSON. */
  json<T = GraphQLResponse>(): T;
}

/**
 * Sends one HTTP request with node:http, which (unlike fetch) can choose the local address and sends
 * exactly the headers given: the same client, or another, as the gateway sees it.
 */
export function send(url: string, options: SentRequest = {}): Promise<ReceivedResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: options.method ?? 'POST',
        headers: options.headers ?? { 'content-type': 'application/json' },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Polls `probe` until it returns true, failing after `timeoutMs`; answers how long it took. */
export async function eventually(probe: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Records unhandled rejections instead of letting them reach Vitest (or, in a real process, stop it),
 * so a test can assert there were none. Restores the runner's own listeners on `restore()`.
 */
export function captureUnhandledRejections(): { seen: unknown[]; restore(): void } {
  const seen: unknown[] = [];
  const runners = process.listeners('unhandledRejection');
  const record = (reason: unknown) => void seen.push(reason);
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', record);
  let restored = false;
  return {
    seen,
    restore: () => {
      if (restored) return;
      restored = true;
      process.off('unhandledRejection', record);
      for (const listener of runners) process.on('unhandledRejection', listener);
    },
  };
}

/** The one password the stub registry accepts; any other is a failed sign-in (UNAUTHENTICATED). */
export const STUB_PASSWORD = 'right';

/**
 * A stand-in for the registry that answers `institutions { code name }`, and signIn or staffSignIn
 * (`{ token }` only) with a token for STUB_PASSWORD and UNAUTHENTICATED for anything else, from memory,
 * and counts the operations it receives: enough for the gateway to plan and route to it, with no
 * database behind it.
 */
export async function startStubRegistry(): Promise<{ url: string; operations: { count: number }; close(): Promise<void> }> {
  const operations = { count: 0 };
  const keys = await testKeys();
  const database: Database = {
    kind: 'pglite',
    poolSize: 1,
    observe: () => undefined,
    trace: () => undefined,
    schema: 'registry',
    db: {} as Db,
    raw: { query: unused, exec: unused, transaction: unused },
    statements: { count: 0 },
    ping: async () => undefined,
    close: async () => undefined,
  };
  const server = await startSubgraphServer(
    {
      name: 'registry',
      typeDefs: parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
        type Query { institutions: [Institution!]! }
        type Institution @key(fields: "code") { code: ID! name: String! }
        type Mutation {
          signIn(idNumber: String!, password: String!): SignedIn!
          staffSignIn(username: String!, password: String!): SignedIn!
        }
        type SignedIn { token: String! }
      `),
      resolvers: {
        Query: { institutions: () => [{ code: 'association', name: '上海继续工程教育协会' }] },
        Mutation: {
          signIn: (_root: unknown, args: { password: string }) => stubSignIn(args.password),
          staffSignIn: (_root: unknown, args: { password: string }) => stubSignIn(args.password),
        },
      },
      database,
      verifier: await createTokenVerifier(keys.publicJwk, new ManualClock('2021-02-22T10:00:00+08:00')),
      logger: createLogger('stub-registry', { level: 'silent' }),
      createContext: () => ({}),
      plugins: [{ requestDidStart: async () => void (operations.count += 1) }],
    },
    { port: 0 },
  );
  return { url: server.url, operations, close: () => server.close() };
}

const unused = () => Promise.reject(new Error('the stub registry has no database'));

function stubSignIn(password: string): { token: string } {
  if (password !== STUB_PASSWORD) throw unauthenticated({ zh: '密码错误', en: 'Wrong password' });
  return { token: 'stub-token' };
}
