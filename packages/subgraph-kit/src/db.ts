import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { SpanKind, context, trace } from '@opentelemetry/api';
import { CommitOutcomeUnknown, databaseUnreachable } from './dbErrors';
import { applyMigrations } from './migrate';
import type { MigrationSource } from './migrate';
import { statementShape } from './statementShape';
import { spanFailed } from './tracing';
import type { Tracing } from './tracing';

/** A drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** The rows of `db.execute(sql)`: postgres.js answers with the rows, PGlite with an object holding them. */
export function executedRows<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** Raw SQL access for what the query builder does not cover: migrations, locks, test resets. */
export interface RawSql {
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs one or more statements without parameters. */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (tx: Omit<RawSql, 'transaction'>) => Promise<T>): Promise<T>;
}

/** Told when each statement (or whole transaction) starts and ends: metrics without touching queries. */
export interface StatementObserver {
  started(): void;
  finished(seconds: number, failed: boolean): void;
}

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  /** Connections the driver may open: the pool's size (1 for PGlite). */
  readonly poolSize: number;
  /** Adds an observer of every statement run through `db` or `raw`. */
  observe(observer: StatementObserver): void;
  /**
   * Gives each statement run inside a span (a request's) a span of its own, with the statement's shape
   * and never its values; statements of background work outside any span are not traced.
   */
  trace(tracing: Tracing): void;
  /** The PostgreSQL schema holding this subgraph's tables. */
  readonly schema: string;
  readonly db: Db;
  readonly raw: RawSql;
  /** Counts every statement issued through drizzle, so tests can bound the SQL a request costs. */
  readonly statements: { count: number };
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL. Without one the subgraph runs on an embedded PGlite. */
  url?: string | undefined;
  /** This subgraph's PostgreSQL schema; keeps subgraphs sharing one database apart. */
  schema: string;
  /**
   * The machine's embedded database server (serveEmbeddedDatabase): the subgraph keeps its schema in that
   * one shared cluster instead of a PGlite of its own. Ignored with a `url`.
   */
  socket?: string | undefined;
  /** PGlite data directory; in memory when absent. */
  dataDir?: string | undefined;
  /** A PGlite data directory dump to start from (tests reuse one initialised cluster). */
  loadDataDir?: Blob | undefined;
  /** An empty cluster (createEmptyCluster) copied into a missing `dataDir` instead of running initdb again. */
  emptyCluster?: string | undefined;
  poolSize?: number | undefined;
  migrations: MigrationSource[];
  /** Drops the schema on close: for throw-away test schemas only. */
  dropSchemaOnClose?: boolean | undefined;
  /**
   * Plans each statement once per connection (`plan_cache_mode` force_generic_plan), for a service whose
   * statements are all reads and writes by key (ADR 0053): left to choose, PostgreSQL planned a loader's
   * `= any($keys)` afresh on every call, at more cost than running it.
   */
  genericPlans?: boolean | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** How long opening a PostgreSQL connection may take, in seconds. */
const CONNECT_TIMEOUT_S = 5;

/** Opens the subgraph's database and applies its migrations; throws when either fails. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (!SCHEMA_NAME.test(options.schema)) throw new RangeError(`Invalid schema name: ${options.schema}`);
  const database = options.url
    ? openPostgres(options.url, options)
    : options.socket
      ? openPostgres({ path: options.socket }, options)
      : await openPglite(options);
  try {
    await applyMigrations(database.raw, options.schema, options.migrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Observers of one database, and a timer that tells them about a statement. */
function observers() {
  const all = new Set<StatementObserver>();
  const start = () => {
    if (all.size === 0) return () => undefined;
    const began = performance.now();
    for (const observer of all) observer.started();
    return (failed: boolean) => {
      const seconds = (performance.now() - began) / 1000;
      for (const observer of all) observer.finished(seconds, failed);
    };
  };
  return { all, start };
}

/** Where a database's statements get their spans, once `trace` is called. */
interface StatementSpans {
  tracing?: Tracing;
  schema: string;
}

/** Runs one statement in a span of its own when the database is traced and a span is active. */
async function traced<T>(spans: StatementSpans, text: unknown, work: () => Promise<T>): Promise<T> {
  const parent = context.active();
  if (!spans.tracing || typeof text !== 'string' || !trace.getSpan(parent)) return work();
  const shape = statementShape(text);
  const operation = /^[a-z]+/i.exec(shape)?.[0]?.toUpperCase() ?? 'SQL';
  const span = spans.tracing.tracer.startSpan(
    `${operation} ${spans.schema}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.namespace': spans.schema,
        'db.operation.name': operation,
        'db.query.text': shape,
      },
    },
    parent,
  );
  try {
    return await work();
  } catch (error) {
    spanFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Runs a transaction in a span of its own, so its statements' spans are its children. */
async function tracedTransaction<T>(spans: StatementSpans, work: () => Promise<T>): Promise<T> {
  const parent = context.active();
  if (!spans.tracing || !trace.getSpan(parent)) return work();
  const span = spans.tracing.tracer.startSpan(
    `transaction ${spans.schema}`,
    { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.namespace': spans.schema } },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    spanFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Runs `work`, telling the observers when it starts and ends. */
async function timed<T>(start: () => (failed: boolean) => void, work: () => Promise<T>): Promise<T> {
  const done = start();
  try {
    const result = await work();
    done(false);
    return result;
  } catch (error) {
    done(true);
    throw error;
  }
}

/** How a lazy postgres.js query is run once awaited: timed, traced, or both. */
type Around = (text: unknown, work: () => Promise<unknown>) => Promise<unknown>;

/**
 * A postgres.js query that runs `around` when first awaited. Its queries are lazy promises that run
 * then, after drizzle has chosen their mode (`.values()`), so the proxy acts from `then`.
 */
function lazyQuery(
  query: postgres.PendingQuery<postgres.Row[]>,
  text: unknown,
  around: Around,
): postgres.PendingQuery<postgres.Row[]> {
  const proxy: postgres.PendingQuery<postgres.Row[]> = new Proxy(query, {
    get(target, property) {
      if (property === 'then') {
        return (resolve?: (value: unknown) => unknown, reject?: (reason: unknown) => unknown) =>
          around(text, () => Promise.resolve(target)).then(resolve, reject);
      }
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...inner: unknown[]) => unknown).apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}

/** A transaction's connection whose statements are traced (the transaction is timed whole). */
function tracedTransactionSql(tx: postgres.TransactionSql, spans: StatementSpans): postgres.TransactionSql {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'unsafe') {
        return (...args: Parameters<postgres.TransactionSql['unsafe']>) =>
          lazyQuery(target.unsafe(...args), args[0], (text, work) => traced(spans, text, work));
      }
      return Reflect.get(target, property, target);
    },
  });
}

/**
 * A postgres.js client whose statements are timed and traced; a transaction is timed whole and its
 * statements traced one by one.
 */
function observedPostgres(client: postgres.Sql, start: () => (failed: boolean) => void, spans: StatementSpans): postgres.Sql {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'unsafe') {
        return (...args: Parameters<postgres.Sql['unsafe']>) =>
          lazyQuery(target.unsafe(...args), args[0], (text, work) => timed(start, () => traced(spans, text, work)));
      }
      if (property === 'begin') {
        const begin = target.begin as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          // Set once the work is done: a connection lost after that was lost while committing.
          let committing = false;
          const observedArgs = args.map((arg) =>
            typeof arg === 'function'
              ? async (tx: postgres.TransactionSql) => {
                  const result: unknown = await (arg as (tx: postgres.TransactionSql) => unknown)(
                    tracedTransactionSql(tx, spans),
                  );
                  committing = true;
                  return result;
                }
              : arg,
          );
          try {
            return await timed(start, () => tracedTransaction(spans, () => begin.apply(target, observedArgs)));
          } catch (error) {
            throw committing && databaseUnreachable(error) !== undefined ? new CommitOutcomeUnknown(error) : error;
          }
        };
      }
      return Reflect.get(target, property, target);
    },
  });
}

function counter() {
  const statements = { count: 0 };
  const logger = {
    logQuery: () => {
      statements.count += 1;
    },
  };
  return { statements, logger };
}

function openPostgres(server: string | { path: string }, options: DatabaseOptions): Database {
  const settings = {
    max: options.poolSize ?? 10,
    // A server that does not take the connection fails the request within this, instead of holding it
    // for the driver's 30 s; a dropped connection is replaced by a new one on the next query.
    connect_timeout: CONNECT_TIMEOUT_S,
    // Named, so an operator (or a fault test) finds this subgraph's connections in pg_stat_activity.
    connection: {
      search_path: options.schema,
      application_name: options.schema,
      ...(options.genericPlans ? { plan_cache_mode: 'force_generic_plan' } : {}),
    },
    onnotice: () => undefined,
    // Timestamps come back as Date and go to drizzle untouched; bigint counts as numbers.
    types: { bigint: postgres.BigInt },
  };
  const client = typeof server === 'string' ? postgres(server, settings) : postgres({ ...settings, path: server.path });
  const { statements, logger } = counter();
  const watchers = observers();
  const spans: StatementSpans = { schema: options.schema };
  const observed = observedPostgres(client, watchers.start, spans);
  const db = drizzlePostgres(observed, { logger }) as unknown as Db;
  const rawOf = (sql: postgres.Sql | postgres.TransactionSql): Omit<RawSql, 'transaction'> => ({
    query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as Row[],
    exec: async (text: string) => {
      await sql.unsafe(text);
    },
  });
  const raw: RawSql = {
    ...rawOf(observed),
    transaction: async <T>(work: (tx: Omit<RawSql, 'transaction'>) => Promise<T>) =>
      (await observed.begin((tx) => work(rawOf(tx)))) as T,
  };
  return {
    kind: 'postgres',
    poolSize: options.poolSize ?? 10,
    observe: (observer) => watchers.all.add(observer),
    trace: (tracing) => {
      spans.tracing = tracing;
    },
    schema: options.schema,
    db,
    raw,
    statements,
    ping: async () => {
      await client`select 1`;
    },
    close: async () => {
      if (options.dropSchemaOnClose) await client.unsafe(`drop schema if exists "${options.schema}" cascade`);
      await client.end({ timeout: 5 });
    },
  };
}

/** Where in DATA_DIR the embedded services' empty cluster is kept (createEmptyCluster). */
export const EMPTY_CLUSTER = '.empty-cluster';

const holdsCluster = (dataDir: string): boolean => existsSync(join(dataDir, 'PG_VERSION'));

/**
 * Creates an embedded database cluster in `dataDir` in a short-lived process of its own. PGlite's initdb
 * leaves about 500 MB of WebAssembly memory behind in the process that ran it, for as long as that process
 * lives; a service that opens a cluster made elsewhere holds about 280 MB instead (ADR 0035).
 */
async function initialisePgliteCluster(dataDir: string): Promise<void> {
  const create =
    'const { PGlite } = await import(process.argv[1]); const db = await PGlite.create({ dataDir: process.argv[2] }); await db.close();';
  await promisify(execFile)(process.execPath, [
    '--input-type=module',
    '--eval',
    create,
    import.meta.resolve('@electric-sql/pglite'),
    dataDir,
  ]);
}

/**
 * Makes `dir` an empty embedded cluster, once: services on one machine copy it rather than each running
 * initdb (seven at once on a fresh `pnpm start`). Made beside `dir` and renamed, so no one copies half of it.
 */
export async function createEmptyCluster(dir: string): Promise<void> {
  if (holdsCluster(dir)) return;
  const making = `${dir}.${process.pid}`;
  await rm(making, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  await initialisePgliteCluster(making);
  await rm(dir, { recursive: true, force: true });
  await rename(making, dir);
}

/**
 * PGlite's PostgreSQL keeps 128 MB of shared buffers by default, all of it resident once touched; the demo's
 * data and a test's fit in far less (ADR 0037).
 */
const EMBEDDED_SETTINGS = ['shared_buffers = 16MB'];

/** Opens (creating when missing) an embedded cluster: in `dataDir`, from a dump, or in memory. */
export async function openEmbeddedCluster(
  options: Pick<DatabaseOptions, 'dataDir' | 'loadDataDir' | 'emptyCluster'>,
): Promise<PGlite> {
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    if (!options.loadDataDir && !holdsCluster(options.dataDir)) {
      if (options.emptyCluster && holdsCluster(options.emptyCluster)) {
        await cp(options.emptyCluster, options.dataDir, { recursive: true });
      } else {
        await initialisePgliteCluster(options.dataDir);
      }
    }
  }
  return PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    postgresqlconf: EMBEDDED_SETTINGS,
  });
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const client = await openEmbeddedCluster(options);
  // One PGlite holds one subgraph, so its single session can keep the schema on its search path.
  await client.exec(`create schema if not exists "${options.schema}"; set search_path to "${options.schema}"`);
  if (options.genericPlans) await client.exec('set plan_cache_mode to force_generic_plan');
  const { statements, logger } = counter();
  const watchers = observers();
  const spans: StatementSpans = { schema: options.schema };
  // Statements outside a transaction are timed one by one; a transaction is timed whole. Every statement is traced.
  const query = client.query.bind(client);
  const transaction = client.transaction.bind(client);
  const exec = client.exec.bind(client);
  type Transaction = Parameters<Parameters<typeof transaction>[0]>[0];
  const tracedTx = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, property) {
        if (property === 'query') {
          return (...args: Parameters<Transaction['query']>) => traced(spans, args[0], () => target.query(...args));
        }
        if (property === 'exec') {
          return (...args: Parameters<Transaction['exec']>) => traced(spans, args[0], () => target.exec(...args));
        }
        return Reflect.get(target, property, target);
      },
    });
  Object.assign(client, {
    query: (...args: Parameters<typeof query>) => timed(watchers.start, () => traced(spans, args[0], () => query(...args))),
    exec: (...args: Parameters<typeof exec>) => timed(watchers.start, () => traced(spans, args[0], () => exec(...args))),
    transaction: <T>(work: (tx: Transaction) => Promise<T>) =>
      timed(watchers.start, () => tracedTransaction(spans, () => transaction((tx) => work(tracedTx(tx))))),
  });
  const db = drizzlePglite(client, { logger }) as unknown as Db;
  const raw: RawSql = {
    query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await client.query<Row>(text, params)).rows,
    exec: async (text: string) => {
      await client.exec(text);
    },
    transaction: (work) =>
      client.transaction((tx) =>
        work({
          query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
            (await tx.query<Row>(text, params)).rows,
          exec: async (text: string) => {
            await tx.exec(text);
          },
        }),
      ),
  };
  return {
    kind: 'pglite',
    poolSize: 1,
    observe: (observer) => watchers.all.add(observer),
    trace: (tracing) => {
      spans.tracing = tracing;
    },
    schema: options.schema,
    db,
    raw,
    statements,
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
