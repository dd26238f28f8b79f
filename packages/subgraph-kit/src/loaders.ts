import DataLoader from 'dataloader';
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
