import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UnpaidHoldLimits } from '@xueshi/domain';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { associationSubgraph } from '@xueshi/association';
import { electiveProviderSubgraph } from '@xueshi/elective-provider';
import { engineersSocietySubgraph } from '@xueshi/engineers-society';
import { startGateway } from '@xueshi/gateway';
import { SUITE_PLANNING_LIMITS, SUITE_SUBGRAPH_TIMEOUT_MS } from './limits';
import type { AdHocOperations, GatewayOptions, RunningGateway } from '@xueshi/gateway';
import { managementCollegeSubgraph } from '@xueshi/management-college';
import { INSTITUTIONS } from '@xueshi/institutions';
import type { InstitutionCode } from '@xueshi/institutions';
import { registrySeatsTaken } from '@xueshi/institutions/subgraph';
import { registrySubgraph } from '@xueshi/registry';
import { registryTestDependencies } from '@xueshi/registry/testing';
import type { PaymentProvider } from '@xueshi/registry/payments';
import type { SmsProvider } from '@xueshi/registry/sms';
import { shuSubgraph } from '@xueshi/shu';
import { sjtuSubgraph } from '@xueshi/sjtu';
import { SIGN_UP_LIMITS, createTokenVerifier, serveSubgraph, startSubgraphServer, startTracing } from '@xueshi/subgraph-kit';
import type {
  Caller,
  Database,
  Logger,
  RateLimiter,
  RunningServer,
  SeedLevel,
  SubgraphDependencies,
  SubgraphService,
  Tracing,
} from '@xueshi/subgraph-kit';
import {
  ManualClock,
  openTestDatabase,
  serveSharedEmbeddedDatabase,
  testDatabaseUrl,
  testKeys,
  testLogger,
} from '@xueshi/subgraph-kit/testing';

/** The instant the suites start at unless they say otherwise: registration for 2021 has just opened. */
export const DEFAULT_TEST_TIME = '2021-02-22T10:00:00+08:00';

/** A subgraph service as the harness drives it: every context type looks alike from outside. */
type AnyService = SubgraphService<BaseContext, SubgraphDependencies>;

const asAny = <T>(service: T) => service as unknown as AnyService;

/** Each institution's service, by code: the type check refuses a list that misses or adds one. */
const INSTITUTION_SERVICE: Record<InstitutionCode, AnyService> = {
  association: asAny(associationSubgraph),
  'management-college': asAny(managementCollegeSubgraph),
  'engineers-society': asAny(engineersSocietySubgraph),
  shu: asAny(shuSubgraph),
  sjtu: asAny(sjtuSubgraph),
  'elective-provider': asAny(electiveProviderSubgraph),
};

/** One subgraph of a running test graph, with the counters the suites assert on. */
export interface RunningSubgraph {
  readonly name: string;
  readonly port: number;
  readonly database: Database;
  /** Operations this subgraph has received from the gateway. */
  readonly operations: { count: number };
  /** Stops serving (the database stays), as if the process died. */
  stop(): Promise<void>;
  /** Serves again on the same port. */
  restart(): Promise<void>;
}

export interface GraphResult<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGraph {
  readonly gatewayUrl: string;
  readonly clock: ManualClock;
  readonly subgraphs: ReadonlyMap<string, RunningSubgraph>;
  subgraph(name: string): RunningSubgraph;
  /** Sends an operation through the gateway, as `caller` when given. */
  execute<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphResult<Data>>;
  tokenFor(caller: Caller): Promise<string>;
  /** Resets every subgraph's statement and operation counters. */
  resetCounters(): void;
  /**
   * Another gateway in front of this graph's subgraphs, as a second gateway process would be, with
   * `overrides` (e.g. some subgraphs' URLs replaced by other processes'); closed with the graph.
   */
  startGateway(overrides?: Partial<GatewayOptions>): Promise<RunningGateway>;
  /** Sends every span ended so far to the OTLP endpoint (when `otlpEndpoint` was given). */
  flushTraces(): Promise<void>;
  close(): Promise<void>;
}

export interface TestGraphOptions {
  seed?: SeedLevel | 'none';
  startAt?: string;
  logger?: Logger;
  /** The registry's payment provider (a sandbox by default). */
  paymentProvider?: PaymentProvider;
  holdMinutes?: number;
  /** Limits sign-in attempts per client address at the gateway, as a deployment does. */
  signInLimiter?: RateLimiter;
  /** Production's sign-up limits (SIGN_UP_LIMITS.production) instead of the embedded demo's. */
  productionSignUpLimits?: boolean;
  /** The registry's SMS provider (a sandbox by default). */
  smsProvider?: SmsProvider;
  /** Learners must verify their mobile before registering or paying, as in production. */
  mobileVerificationRequired?: boolean;
  /** The registry's unpaid-hold limits (the domain's by default). */
  unpaidHoldLimits?: UnpaidHoldLimits;
  /** How often the registry reconciles payments with the provider (a minute by default). */
  reconcileIntervalMs?: number;
  /** How often the registry measures the seats left on the busiest sessions (an hour by default). */
  seatsMeasureIntervalMs?: number;
  /** How long the registry keeps session facts without a notice of their change (production's by default). */
  sessionFactsMaxAgeMs?: number;
  /** Who may send operations that are not trusted documents (development's 'anyone' by default). */
  adHocOperations?: AdHocOperations;
  /** The gateway's public catalogue cache (off unless given). */
  publicCacheMaxAgeMs?: number;
  /** How long the gateway gives again a subgraph's answer marked public (never unless given). */
  sharedAnswersMaxAgeMs?: number;
  /** Opens each subgraph's database (a throw-away test database by default), e.g. one restored from a backup. */
  openDatabase?: typeof openTestDatabase;
  /**
   * Embedded, every subgraph keeps its schema in one database served to them all, as `pnpm start` runs
   * them (ADR 0037); on DATABASE_URL nothing changes.
   */
  sharedEmbeddedDatabase?: boolean;
  /** Plugins added to a subgraph's server, by subgraph name (e.g. to hold its answers). */
  subgraphPlugins?: Readonly<Record<string, ApolloServerPlugin<BaseContext>[]>>;
  /** Each service exports its spans here over OTLP/HTTP under its own service name, as when deployed. */
  otlpEndpoint?: string;
}

function operationCounter(counter: { count: number }): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart: async () => {
      counter.count += 1;
    },
  };
}

/**
 * The whole graph in this process: every subgraph on its own test database (PGlite, or a throw-away
 * schema on DATABASE_URL) and port, and the gateway serving the committed supergraph in front of them.
 */
export async function startTestGraph(options: TestGraphOptions = {}): Promise<TestGraph> {
  const clock = new ManualClock(options.startAt ?? DEFAULT_TEST_TIME);
  const keys = await testKeys();
  const verifier = await createTokenVerifier(keys.publicJwk, clock);
  const logger = options.logger ?? testLogger('test-graph');
  const running = new Map<string, RunningSubgraph>();
  const tracings: Tracing[] = [];
  const tracingOf = async (service: string) => {
    if (!options.otlpEndpoint) return undefined;
    const tracing = await startTracing(service, options.otlpEndpoint);
    tracings.push(tracing);
    return tracing;
  };

  const sharedRoot =
    options.sharedEmbeddedDatabase && !testDatabaseUrl ? await mkdtemp(join(tmpdir(), 'xueshi-shared-graph-')) : undefined;
  const shared = sharedRoot
    ? await serveSharedEmbeddedDatabase({ dataDir: join(sharedRoot, 'database'), socketDir: sharedRoot, fromTemplate: true })
    : undefined;
  const openDatabase = options.openDatabase ?? shared?.open ?? openTestDatabase;

  const start = async (service: AnyService, extra: (base: SubgraphDependencies) => Promise<object>) => {
    const database = await openDatabase(service.name, service.migrations, { genericPlans: service.genericPlans });
    const base = { database, clock, verifier, logger: logger.child({ service: service.name }) };
    const operations = { count: 0 };
    const served = await serveSubgraph(service, base, {
      seed: options.seed ?? 'demo',
      extra,
      server: {
        plugins: [...(options.subgraphPlugins?.[service.name] ?? []), operationCounter(operations)],
        tracing: await tracingOf(service.name),
      },
      port: 0,
    });
    let server: RunningServer | null = served.server;
    const port = server.port;
    running.set(service.name, {
      name: service.name,
      port,
      database,
      operations,
      stop: async () => {
        await server?.close();
        server = null;
      },
      restart: async () => {
        server ??= await startSubgraphServer(served.options, { port });
      },
    });
  };

  // Institutions first: the registry reads session facts from them. They ask the registry (and the
  // association asks the others) only while answering requests, by which time every subgraph is running.
  const subgraphUrl = (name: string) => `http://127.0.0.1:${running.get(name)?.port ?? 0}/graphql`;
  await Promise.all(
    INSTITUTIONS.map(({ code }) => INSTITUTION_SERVICE[code]).map((service) =>
      start(service, async (base) => ({
        seatsTaken: registrySeatsTaken(() => subgraphUrl('registry'), base.logger),
        subgraphUrl,
      })),
    ),
  );
  const institutionUrls = Object.fromEntries(
    [...running.values()].map(({ name, port }) => [name, `http://127.0.0.1:${port}/graphql`]),
  );
  await start(asAny(registrySubgraph), (base) =>
    registryTestDependencies(base, {
      institutionUrls,
      ...(options.paymentProvider ? { paymentProvider: options.paymentProvider } : {}),
      ...(options.holdMinutes ? { holdMinutes: options.holdMinutes } : {}),
      ...(options.smsProvider ? { smsProvider: options.smsProvider } : {}),
      ...(options.mobileVerificationRequired ? { mobileVerificationRequired: true } : {}),
      ...(options.productionSignUpLimits ? { signUpPerMobile: SIGN_UP_LIMITS.production.perMobile } : {}),
      ...(options.unpaidHoldLimits ? { unpaidHoldLimits: options.unpaidHoldLimits } : {}),
      ...(options.reconcileIntervalMs ? { reconcileIntervalMs: options.reconcileIntervalMs } : {}),
      ...(options.seatsMeasureIntervalMs ? { seatsMeasureIntervalMs: options.seatsMeasureIntervalMs } : {}),
      ...(options.sessionFactsMaxAgeMs !== undefined ? { sessionFactsMaxAgeMs: options.sessionFactsMaxAgeMs } : {}),
    }),
  );

  const gatewayOptions: GatewayOptions = {
    supergraphFile: fileURLToPath(new URL('../../gateway/supergraph.graphql', import.meta.url)),
    subgraphUrls: Object.fromEntries([...running.values()].map(({ name, port }) => [name, `http://127.0.0.1:${port}/graphql`])),
    documentsOrigin: `http://127.0.0.1:${running.get('registry')?.port ?? 0}`,
    trainingDocumentsOrigin: `http://127.0.0.1:${running.get('association')?.port ?? 0}`,
    verifier,
    logger: logger.child({ service: 'gateway' }),
    development: true,
    planningLimits: SUITE_PLANNING_LIMITS,
    subgraphTimeoutMs: SUITE_SUBGRAPH_TIMEOUT_MS,
    // Suites read what they just changed and count what reaches the subgraphs; the public cache and
    // shared answers suites turn them on themselves.
    publicCacheMaxAgeMs: options.publicCacheMaxAgeMs ?? 0,
    sharedAnswersMaxAgeMs: options.sharedAnswersMaxAgeMs ?? 0,
    ...(options.signInLimiter ? { signInLimiter: options.signInLimiter } : {}),
    ...(options.adHocOperations ? { adHocOperations: options.adHocOperations } : {}),
    ...(options.productionSignUpLimits ? { signUpLimit: SIGN_UP_LIMITS.production.perAddress } : {}),
    tracing: await tracingOf('gateway'),
    port: 0,
  };
  const gateway: RunningGateway = await startGateway(gatewayOptions);
  const otherGateways: RunningGateway[] = [];

  const tokenFor = (caller: Caller) => keys.tokenFor(caller, clock);
  return {
    gatewayUrl: gateway.url,
    clock,
    subgraphs: running,
    subgraph: (name) => {
      const found = running.get(name);
      if (!found) throw new Error(`No subgraph ${name}`);
      return found;
    },
    tokenFor,
    execute: async (query, variables = {}, caller) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(caller ? { authorization: `Bearer ${await tokenFor(caller)}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphResult<never>;
    },
    resetCounters: () => {
      for (const subgraph of running.values()) {
        subgraph.operations.count = 0;
        subgraph.database.statements.count = 0;
      }
    },
    startGateway: async (overrides = {}) => {
      const other = await startGateway({
        ...gatewayOptions,
        tracing: undefined,
        ...overrides,
        subgraphUrls: { ...gatewayOptions.subgraphUrls, ...overrides.subgraphUrls },
      });
      otherGateways.push(other);
      return other;
    },
    flushTraces: async () => {
      await Promise.all(tracings.map((tracing) => tracing.flush()));
    },
    close: async () => {
      await Promise.all(otherGateways.map((other) => other.close()));
      await gateway.close();
      await Promise.all(
        [...running.values()].map(async (subgraph) => {
          await subgraph.stop();
          await subgraph.database.close();
        }),
      );
      await Promise.all(tracings.map((tracing) => tracing.shutdown()));
      await shared?.close();
      if (sharedRoot) await rm(sharedRoot, { recursive: true, force: true });
    },
  };
}

export { SUITE_PLANNING_LIMITS } from './limits';
