import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from './db';

/** Seconds; from a cached read to a slow report, as operators read p95 off them. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Distinct operation names one process labels; the rest count as `other`, so clients cannot grow the series without bound. */
export const MAX_OPERATION_LABELS = 200;

/**
 * A label from what a client chose (an operation name): at most 64 characters, runs of five or more
 * digits replaced by `#` so no ID number, mobile or other number a client put in a name reaches a
 * label, and `anonymous` for an operation without a name.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return name.replace(/\d{5,}/g, '#').slice(0, 64);
}

/** An error code as a label: the typed codes only, anything else `ERROR`. */
export const outcomeLabel = (code: unknown): string =>
  typeof code === 'string' && /^[A-Z][A-Z_]{0,39}$/.test(code) ? code : 'ERROR';

export interface Metrics {
  readonly service: string;
  readonly registry: Registry;
  /** Counts and times every GraphQL operation by name and outcome (`ok` or the first error's code). */
  readonly plugin: ApolloServerPlugin<BaseContext>;
  /** Times a database's statements and tracks how much of its pool is in use. */
  observeDatabase(database: Database): void;
  /** A counter of this service's own, e.g. registrations taken; labels must never hold personal data. */
  counter<Label extends string>(name: string, help: string, labelNames?: readonly Label[]): Counter<Label>;
  histogram<Label extends string>(name: string, help: string, labelNames?: readonly Label[]): Histogram<Label>;
  /**
   * A gauge of this service's own whose series `measure` sets afresh at each scrape (after a reset, so a
   * series it no longer sets disappears); labels must never hold personal data and must stay few.
   */
  gauge<Label extends string>(
    name: string,
    help: string,
    labelNames: readonly Label[],
    measure: (gauge: Gauge<Label>) => Promise<void>,
  ): Gauge<Label>;
  /** GET /metrics: the text Prometheus scrapes. */
  readonly handler: RequestHandler;
}

/**
 * The service's metrics in a registry of its own (tests run every service in one process), with the
 * process's default metrics, each series labelled with the service's name.
 */
export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const operations = new Set<string>();
  const boundedOperation = (name: string | null | undefined) => {
    const label = operationLabel(name);
    if (operations.has(label)) return label;
    if (operations.size >= MAX_OPERATION_LABELS) return 'other';
    operations.add(label);
    return label;
  };

  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations served, by operation name and outcome (ok or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  // Made when a database is first observed: the gateway has none.
  let databaseMetrics: { statements: Histogram<'failed'>; inFlight: Gauge; poolSize: Gauge } | undefined;
  const databaseSeries = () =>
    (databaseMetrics ??= {
      statements: new Histogram({
        name: 'db_statement_duration_seconds',
        help: 'Time a database statement (or a whole transaction) took, by whether it failed',
        labelNames: ['failed'] as const,
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
      inFlight: new Gauge({
        name: 'db_statements_in_flight',
        help: 'Statements and transactions running now',
        registers: [registry],
      }),
      poolSize: new Gauge({ name: 'db_pool_size', help: 'Connections the pool may open', registers: [registry] }),
    });
  // A server restarted on the same database (tests do) must not observe it twice.
  const observed = new WeakSet<Database>();

  const plugin: ApolloServerPlugin<BaseContext> = {
    requestDidStart: async () => {
      const started = performance.now();
      return {
        willSendResponse: async ({ operationName, errors }) => {
          const operation = boundedOperation(operationName);
          const first = errors?.[0];
          requests.inc({ operation, outcome: first ? outcomeLabel(first.extensions?.['code']) : 'ok' });
          latency.observe({ operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };

  return {
    service,
    registry,
    plugin,
    observeDatabase: (database) => {
      if (observed.has(database)) return;
      observed.add(database);
      const { statements, inFlight, poolSize } = databaseSeries();
      poolSize.set(database.poolSize);
      database.observe({
        started: () => inFlight.inc(),
        finished: (seconds, failed) => {
          inFlight.dec();
          statements.observe({ failed: String(failed) }, seconds);
        },
      });
    },
    counter: (name, help, labelNames = []) => new Counter({ name, help, labelNames, registers: [registry] }),
    histogram: (name, help, labelNames = []) =>
      new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [registry] }),
    gauge: <Label extends string>(
      name: string,
      help: string,
      labelNames: readonly Label[],
      measure: (gauge: Gauge<Label>) => Promise<void>,
    ) =>
      new Gauge<Label>({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          await measure(this);
        },
      }),
    handler: (_req, res, next) => {
      registry
        .metrics()
        .then((text) => res.type(registry.contentType).send(text))
        .catch(next);
    },
  };
}
