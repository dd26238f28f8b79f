import type { Caller, Database } from '@xueshi/subgraph-kit';
import { expect } from 'vitest';
import { insertSjtuCourse, insertSjtuSession, registrySnapshot } from '../../harness/fixtures';
import type { GraphResult, TestGraph } from '../../harness/graph';

/** A reply as it came over HTTP: status, the raw text (for leak checks) and the parsed body. */
export interface Reply<Data = Record<string, unknown>> {
  status: number;
  text: string;
  body: GraphResult<Data>;
}

/** The codes a refusal may carry: the domain's typed errors and GraphQL's own for malformed requests. */
export const TYPED_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'REGISTRATION_CLOSED',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

/** What no error may show: a stack trace, a source location, a driver's or the database's words. */
const INTERNALS =
  /\n\s+at\s|\.(?:ts|js):\d+|node_modules|\bselect\b[^]*\bfrom\b|\binsert into\b|\bdelete from\b|\bdrop table\b|syntax error at|violates|duplicate key|relation "|invalid input syntax|invalid byte sequence|postgres|pglite|drizzle/i;

/** The GraphQL endpoint of a subgraph of `graph`, bypassing the gateway. */
export const subgraphUrl = (graph: TestGraph, name: string): string => `http://127.0.0.1:${graph.subgraph(name).port}/graphql`;

/** Posts `body` (an object, sent as JSON, or a raw string) to `url` with `headers`. */
export async function post<Data = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: GraphResult<Data>;
  try {
    parsed = JSON.parse(text) as GraphResult<Data>;
  } catch {
    parsed = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, text, body: parsed };
}

/** The Authorization header for `caller` on `graph`, or none. */
export async function bearer(graph: TestGraph, caller: Caller | null): Promise<Record<string, string>> {
  return caller ? { authorization: `Bearer ${await graph.tokenFor(caller)}` } : {};
}

/** The `extensions.code` of every error of a reply. */
export const errorCodes = (reply: Reply<unknown>): unknown[] =>
  (reply.body.errors ?? []).map((error) => error.extensions?.['code']);

/**
 * Checks a refusal is typed and tells nothing of the internals: every error has a code from TYPED_CODES
 * (never INTERNAL_SERVER_ERROR), no message or extension holds a stack trace or SQL, and the reply does
 * not echo a large input back.
 */
export function expectTypedRefusal(reply: Reply<unknown>, allowed: ReadonlySet<string> = TYPED_CODES): void {
  const errors = reply.body.errors ?? [];
  expect(errors.length, reply.text.slice(0, 500)).toBeGreaterThan(0);
  for (const error of errors) {
    expect(allowed.has(String(error.extensions?.['code'])), reply.text.slice(0, 500)).toBe(true);
    expect(error.message).not.toMatch(INTERNALS);
    expect(error.extensions ?? {}).not.toHaveProperty('stacktrace');
    expect(error.extensions ?? {}).not.toHaveProperty('exception');
  }
  expect(reply.text).not.toContain('INTERNAL_SERVER_ERROR');
  expect(reply.text.length, 'the reply echoes the input').toBeLessThan(8_000);
}

const REGISTRY_EXTRA_TABLES = ['outcomes', 'transcripts', 'programme_years'];
const INSTITUTION_TABLES = ['profile', 'contacts', 'courses', 'sessions'];

async function tables(database: Database, names: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of names) {
    const rows = await database.raw.query(`select * from ${table} order by 1`);
    parts.push(`${table}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

/** Every row of an institution's tables, in a stable order: compared before and after a refused call. */
export const institutionSnapshot = (database: Database): Promise<string> => tables(database, INSTITUTION_TABLES);

/** The registry's snapshot (fixtures.registrySnapshot) with outcomes, transcripts and programme years too. */
export async function fullRegistrySnapshot(database: Database): Promise<string> {
  return `${await registrySnapshot(database)}\n${await tables(database, REGISTRY_EXTRA_TABLES)}`;
}

/** The registry's and sjtu's data, as one comparable value. */
export async function graphSnapshot(graph: TestGraph): Promise<{ registry: string; sjtu: string }> {
  return {
    registry: await fullRegistrySnapshot(graph.subgraph('registry').database),
    sjtu: await institutionSnapshot(graph.subgraph('sjtu').database),
  };
}

let freshCourses = 0;

/**
 * A new sjtu course of 2021 (so a learner may register for it whatever else they hold) with one live
 * session from `firstDay`, straight into sjtu's database. Returns the session's id.
 */
export async function insertFreshSjtuSession(graph: TestGraph, firstDay = '2021-06-17'): Promise<string> {
  freshCourses += 1;
  const local = `2021-sec${process.pid}-${freshCourses}`;
  const database = graph.subgraph('sjtu').database;
  await insertSjtuCourse(database, local, 2021, 100 + freshCourses, `安全测试课程${freshCourses}`);
  return insertSjtuSession(database, { local, courseLocal: local, firstDay, capacity: 50 });
}
