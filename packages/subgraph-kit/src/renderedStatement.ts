import { createHash } from 'node:crypto';
import { fillPlaceholders } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

/** A statement's text with `$n` parameters, and the parameters (placeholders among them) in order. */
interface Rendered {
  text: string;
  params: unknown[];
  name: string;
}

function render(statement: SQL): Rendered {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const numbers = [...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
  // drizzle numbers parameters in order, once each; anything else (a `$1` inside a literal) cannot be bound safely.
  if (numbers.length !== params.length || numbers.some((number, index) => number !== index + 1)) {
    throw new Error(`a rendered statement's parameters are not $1..$${params.length} in order: ${text}`);
  }
  // postgres.js keeps a named statement by its text; a driver that keeps it by name gets one name per text.
  return { text, params, name: `rendered_${createHash('sha256').update(text).digest('hex').slice(0, 16)}` };
}

/**
 * What drizzle runs statements on: a database's or a transaction's session. Not in drizzle's public
 * types; `execute` goes through the same call, only unnamed.
 */
interface StatementSession {
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string,
    isResponseInArrayMode: boolean,
  ): { execute(): Promise<unknown> };
}

function sessionOf(executor: unknown): StatementSession {
  const session = (executor as { session?: Partial<StatementSession> } | null)?.session;
  if (typeof session?.prepareQuery !== 'function')
    throw new Error('a rendered statement runs on a drizzle database or transaction');
  return session as StatementSession;
}

/**
 * A statement rendered to SQL text once, for statements run inside a transaction, where a prepared query
 * (preparedStatement) cannot go, since drizzle binds it to the database it was built on. Building a
 * drizzle statement walks every column and condition again on each call, which in the registry's
 * registration cost more CPU than running it (ADR 0050). `build` is given the executor of the first
 * call and uses `sql.placeholder` (or `sql.param` of one, for a column's encoding) for every value that
 * changes. Each call binds its values to the rendered text and runs it as a named statement of the
 * connection, parsed once per connection: an unnamed one (what `execute` sends) is parsed and planned
 * again on every call, which cost PostgreSQL more than running the registration's seat checks (ADR 0053).
 * The result is what `execute` gives (read it with `executedRows`).
 */
export function renderedStatement<Executor, Values extends Record<string, unknown>>(
  build: (executor: Executor) => SQL,
): (executor: Executor, values: Values) => Promise<unknown> {
  let rendered: Rendered | undefined;
  return async (executor, values) => {
    rendered ??= render(build(executor));
    const params = fillPlaceholders(rendered.params, values);
    return sessionOf(executor).prepareQuery({ sql: rendered.text, params }, undefined, rendered.name, false).execute();
  };
}
