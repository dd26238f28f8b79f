/** SQLSTATE codes the services act on. */
export const SqlState = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

/**
 * The SQLSTATE of a database error, looking through drizzle's wrapper (`cause`) for postgres.js and
 * PGlite alike; undefined for anything else.
 */
export function sqlState(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (
      typeof current === 'object' &&
      'code' in current &&
      typeof current.code === 'string' &&
      /^[0-9A-Z]{5}$/.test(current.code)
    ) {
      return current.code;
    }
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

/** The constraint a database error names, if any (postgres.js: constraint_name, PGlite: constraint). */
export function violatedConstraint(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current === 'object') {
      const named =
        (current as { constraint_name?: unknown; constraint?: unknown }).constraint_name ??
        (current as { constraint?: unknown }).constraint;
      if (typeof named === 'string') return named;
    }
    current = typeof current === 'object' && current !== null && 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

const RETRYABLE: ReadonlySet<string> = new Set([SqlState.SERIALIZATION_FAILURE, SqlState.DEADLOCK_DETECTED]);

/**
 * Runs `work` again when the database aborted it for a serialization failure or a deadlock, up to
 * `attempts` times in all; rethrows any other error, and the last one.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= attempts || state === undefined || !RETRYABLE.has(state)) throw error;
    }
  }
}

/** Fields naming what an error is about, as PGlite and postgres.js call them: names, never values. */
const NAME_FIELDS = [
  ['constraint', 'constraint_name'],
  ['table', 'table_name'],
  ['column', 'column_name'],
  ['schema', 'schema_name'],
  ['dataType', 'data_type_name'],
] as const;

/** What a log may keep of a database error: its SQLSTATE, the names it is about, and a message without values. */
export interface DatabaseErrorRecord {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  dataType?: string;
  message: string;
}

/**
 * A database error reduced to what a log may keep, or undefined for any other error. PostgreSQL quotes
 * the offending value in its message (`invalid input syntax for type integer: "…"`) and puts keys and
 * rows in `detail`; the drivers and drizzle's wrapper (`Failed query: … params: …`) carry the statement's
 * parameters. So the message keeps only the quoted names the error itself reports (its constraint,
 * table, column), a wrapper's message becomes its statement with string literals blanked, and detail,
 * hint, where and parameters are left behind.
 */
export function databaseErrorRecord(error: Error): DatabaseErrorRecord | undefined {
  const fields = error as unknown as Record<string, unknown>;
  // Both drivers give what the server reported a severity; the wrappers carry the statement.
  const reported = typeof fields['severity'] === 'string';
  if (!reported && typeof fields['query'] !== 'string') return undefined;
  const names: Record<string, string> = {};
  for (const [key, alias] of NAME_FIELDS) {
    const value = fields[key] ?? fields[alias];
    if (typeof value === 'string' && value !== '') names[key] = value;
  }
  const known = new Set(Object.values(names));
  const message = reported
    ? error.message.replace(/"((?:[^"]|"")*)"/g, (quoted, inner: string) => (known.has(inner) ? quoted : '"…"'))
    : `Failed query: ${String(fields['query']).replace(/'(?:[^']|'')*'/g, "'…'")}`;
  const code = typeof fields['code'] === 'string' && reported ? { code: fields['code'] } : {};
  return { ...code, ...names, message };
}

/**
 * SQLSTATE classes and codes meaning the database could not be reached or dropped the connection:
 * 08 connection exceptions, 57P01–57P03 (terminated by an administrator, crash, cannot connect now),
 * 53300 too many connections.
 */
const UNREACHABLE_STATES = /^(08...|57P0[123]|53300)$/;
/** What the drivers and Node report for a connection that failed or went away, without a SQLSTATE. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'DATABASE_NO_ANSWER',
]);

/**
 * Why the database is out of reach, when `error` says it is: the SQLSTATE or connection error code (a
 * code, never a host, user or message). Undefined for any other error, such as a constraint violation.
 */
export function databaseUnreachable(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNREACHABLE_STATES.test(code))) return code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

/** The error a database call gives when the database did not answer within its time. */
export class DatabaseNoAnswer extends Error {
  readonly code = 'DATABASE_NO_ANSWER';

  constructor(timeoutMs: number) {
    super(`the database did not answer within ${timeoutMs} ms`);
  }
}

/**
 * A transaction whose connection was lost after its work was done, while it committed: PostgreSQL may or
 * may not have committed it, and the protocol cannot tell (ADR 0019). `cause` is the driver's error.
 */
export class CommitOutcomeUnknown extends Error {
  readonly code = 'COMMIT_OUTCOME_UNKNOWN';

  constructor(cause: unknown) {
    super('the connection was lost while the transaction committed', { cause });
  }
}

/** Whether `error` (or what it wraps) is a commit whose outcome is unknown. */
export function commitOutcomeUnknown(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof CommitOutcomeUnknown) return true;
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return false;
}
