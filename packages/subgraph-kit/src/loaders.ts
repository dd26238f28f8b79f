import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { currentTracing } from './requestScope';
import { inSpan } from './tracing';

/**
 * A DataLoader batch function that runs in a span `load <name>` when the request is traced: the
 * resolvers below the root reach the database through loaders, so their SQL is traced under the
 * loader that ran it.
 */
export function tracedBatch<Key, Value>(
  name: string,
  batch: DataLoader.BatchLoadFn<Key, Value>,
): DataLoader.BatchLoadFn<Key, Value> {
  return (keys) =>
    inSpan(currentTracing(), `load ${name}`, { attributes: { 'xueshi.loader.keys': keys.length } }, async () => batch(keys));
}

/** Groups rows by key in the order the keys were asked for: a DataLoader batch answer for lists. */
export function groupBy<Key, Row>(keys: readonly Key[], rows: Row[], keyOf: (row: Row) => Key): Row[][] {
  const groups = new Map<Key, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** One row per key in the order the keys were asked for, null where there is none. */
export function byKey<Key, Row>(keys: readonly Key[], rows: Row[], keyOf: (row: Row) => Key): (Row | null)[] {
  const found = new Map<Key, Row>(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/**
 * A per-request loader of the one row (or null) each key names: `select` reads the rows of a batch's keys
 * in one traced statement, and `keyOf` says which key a row answers.
 */
export function rowLoader<Key, Row>(
  name: string,
  select: (keys: Key[]) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row | null> {
  return new DataLoader<Key, Row | null>(tracedBatch(name, async (keys) => byKey(keys, await select([...keys]), keyOf)));
}

/**
 * A per-request loader of the rows (none or more, in the order `select` gives them) each key names: `select`
 * reads the rows of a batch's keys in one traced statement, and `keyOf` says which key a row belongs to.
 */
export function groupLoader<Key, Row>(
  name: string,
  select: (keys: Key[]) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row[]> {
  return new DataLoader<Key, Row[]>(tracedBatch(name, async (keys) => groupBy(keys, await select([...keys]), keyOf)));
}

/** Memoises one query for the life of a request. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= load());
}

/** One element of a PostgreSQL array literal: quoted, with quotes and backslashes escaped. */
const arrayElement = (value: unknown): string =>
  value === null || value === undefined ? 'NULL' : `"${String(value).replace(/[\\"]/g, '\\$&')}"`;

/**
 * `column = any($keys)`: the keys of a batch as one array parameter, typed as the column, so a prepared
 * statement's text is the same however many keys a batch holds. The keys go to the driver as one array
 * literal of the column's driver values: drizzle leaves postgres.js no serializer for some array types
 * (timestamptz[], date[]), and a literal binds alike on every driver.
 */
export function amongKeys(column: PgColumn): SQL {
  // The placeholder's value, given at execution, is the array of keys.
  const keys = sql.param<unknown, string>(sql.placeholder('keys'), {
    mapToDriverValue: (values) =>
      `{${(values as readonly unknown[]).map((value) => arrayElement(column.mapToDriverValue(value))).join(',')}}`,
  });
  return sql`${column} = any(${keys}::${sql.raw(column.getSQLType())}[])`;
}

/** A drizzle query that can be prepared: a select, update, insert or delete builder. */
interface Preparable<Result> {
  prepare(name: string): { execute(values: Record<string, unknown>): Promise<Result> };
}

/**
 * A query built and prepared once per database rather than on every call: building a drizzle query costs
 * more CPU than running it does for a loader's small reads. The result runs it with the placeholders'
 * values (`amongKeys` takes `keys`); it fails as the query does.
 */
export function preparedStatement<Result, Values extends Record<string, unknown> = { keys: readonly unknown[] }>(
  name: string,
  build: (db: Db) => Preparable<Result>,
): (db: Db, values: Values) => Promise<Result> {
  const prepared = new WeakMap<Db, ReturnType<Preparable<Result>['prepare']>>();
  return (db, values) => {
    let query = prepared.get(db);
    if (!query) {
      query = build(db).prepare(name);
      prepared.set(db, query);
    }
    return query.execute(values);
  };
}
