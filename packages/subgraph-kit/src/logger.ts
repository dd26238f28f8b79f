import { destination, pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import { databaseErrorRecord } from './dbErrors';
import { operationLabel } from './metrics';
import { currentRequestScope } from './requestScope';

export type Logger = PinoLogger;

/**
 * Paths that may hold secrets or personal data. Services never log request bodies, but a stray
 * object passed to the logger must still not leak an ID number, password, token or mobile.
 */
const REDACTED_PATHS = [
  'password',
  'idNumber',
  'mobile',
  'token',
  'authorization',
  'variables',
  '*.password',
  '*.idNumber',
  '*.mobile',
  '*.token',
  '*.authorization',
  '*.variables',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{3})\d{11}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const JWT = /eyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]{6,}/g;

/** Masks ID numbers and mobiles and drops bearer tokens in free text (error messages, stacks). */
export function scrubText(text: string): string {
  return text
    .replace(JWT, '[token]')
    .replace(ID_NUMBER, (_match, head: string, tail: string) => `${head}${'*'.repeat(11)}${tail}`)
    .replace(MOBILE, (_match, head: string, tail: string) => `${head}****${tail}`);
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return serializeError(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
}

/**
 * Errors as type, code, message and stack only: driver errors carry the statement's parameters (ID
 * numbers, mobiles, names), which must not reach a log. A database error keeps its SQLSTATE and the
 * names it is about, and a message and stack without the values the database quoted (dbErrors.ts).
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return scrub(error);
  const cause = error.cause ? { cause: serializeError(error.cause) } : {};
  const database = databaseErrorRecord(error);
  if (database) {
    // The stack starts with the message, so it is rebuilt from the frames alone.
    const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at\s/.test(line));
    const message = scrubText(database.message);
    return { type: error.name, ...database, message, stack: [`${error.name}: ${message}`, ...frames].join('\n'), ...cause };
  }
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrubText(error.message),
    stack: error.stack ? scrubText(error.stack) : undefined,
    ...cause,
  };
}

export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
  /** Append to this file (synchronously, so nothing is lost at exit) instead of standard output. */
  file?: string | undefined;
}

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: service,
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service },
      // Every line written while serving a request names it and its trace, across services.
      mixin: () => {
        const scope = currentRequestScope();
        return scope ? { requestId: scope.requestId, traceId: scope.traceId } : {};
      },
      serializers: { err: serializeError, error: serializeError },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        // Messages are scrubbed too: a message built from data is as risky as a field.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? (options.file ? destination({ dest: options.file, sync: true, mkdir: true }) : undefined),
  );
}

/** Logs every GraphQL operation once: its name, the caller's role, how long it took and the error codes. */
export function requestLogPlugin<TContext extends { caller?: { role: string } | null }>(logger: Logger) {
  return {
    requestDidStart: async () => {
      const started = performance.now();
      return {
        willSendResponse: async (request: {
          operationName?: string | null;
          contextValue: TContext;
          errors?: readonly { extensions?: Record<string, unknown> }[];
        }) => {
          logger.info(
            {
              // Named by the client: long numbers in it (a mobile, an ID number) are not logged.
              operation: request.operationName ? operationLabel(request.operationName) : null,
              role: request.contextValue.caller?.role ?? 'ANONYMOUS',
              ms: Math.round(performance.now() - started),
              errors: request.errors?.map((error) => error.extensions?.['code'] ?? 'UNKNOWN'),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
