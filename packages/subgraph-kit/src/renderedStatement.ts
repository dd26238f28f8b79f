import { fillPlaceholders, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

/** A statement's text cut at its parameters, and the parameters (placeholders among them) in order. */
interface Rendered {
  pieces: string[];
  params: unknown[];
}

function render(statement: SQL): Rendered {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const numbers = [...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
  // drizzle numbers parameters in order, once each; anything else (a `$1` inside a literal) cannot be cut safely.
  if (numbers.length !== params.length || numbers.some((number, index) => number !== index + 1)) {
    throw new Error(`a rendered statement's parameters are not $1..$${params.length} in order: ${text}`);
  }
  return { pieces: text.split(/\$\d+/), params };
}

/**
 * A statement rendered to SQL text once, for statements run inside a transaction, where a prepared query
 * (preparedStatement) cannot go, since drizzle binds it to the database it was built on. Building a
 * drizzle statement walks every column and condition again on each call, which in the registry's
 * registration cost more CPU than running it (ADR 0050). `build` is given the executor of the first
 * call and uses `sql.placeholder` (or `sql.param` of one, for a column's encoding) for every value that
 * changes; each call binds the values into the rendered text, to run with `executor.execute`.
 */
export function renderedStatement<Executor, Values extends Record<string, unknown>>(
  build: (executor: Executor) => SQL,
): (executor: Executor, values: Values) => SQL {
  let rendered: Rendered | undefined;
  return (executor, values) => {
    rendered ??= render(build(executor));
    const bound = fillPlaceholders(rendered.params, values);
    const chunks: SQL[] = [];
    rendered.pieces.forEach((piece, index) => {
      chunks.push(sql.raw(piece));
      if (index < bound.length) chunks.push(sql`${bound[index]}`);
    });
    return sql.join(chunks);
  };
}
