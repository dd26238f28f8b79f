import { z } from 'zod';
import type { JWK } from 'jose';

/** Thrown when the environment does not configure a service; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const jwk = z.string().transform((text, ctx): JWK => {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'kty' in parsed) return parsed as JWK;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'must be a JWK as JSON' });
  return z.NEVER;
});

/** What every subgraph reads from its environment. */
export const subgraphEnvShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(0).max(65535)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Append logs to this file instead of standard output. */
  LOG_FILE: z.string().optional(),
  /** PostgreSQL URL; without it the subgraph runs on an embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().default('.data'),
  /**
   * Without DATABASE_URL: the socket of the machine's embedded database server, which holds every
   * service's schema in one cluster (`pnpm start`); without it the service opens its own in DATA_DIR.
   */
  EMBEDDED_DATABASE_SOCKET: z.string().optional(),
  JWT_PUBLIC_JWK: jwk,
  /** Pins "now" to this instant at start (then runs at real speed): demos of a past year. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  /** Redis for what replicas share (rate limits); without it each process counts alone. */
  REDIS_URL: z.string().url().optional(),
  /** An OTLP/HTTP collector (e.g. http://jaeger:4318): spans are exported there; without it none are made. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  /** What to load on start: nothing, the 2021 plan, or the plan plus demo data. */
  SEED: z.enum(['none', 'plan', 'demo']).optional(),
};

export const subgraphEnv = z.object(subgraphEnvShape);
export type SubgraphEnv = z.infer<typeof subgraphEnv>;

/** Parses `env` with `schema`; throws ConfigError naming every bad or missing variable. */
export function parseEnv<Schema extends z.ZodType>(schema: Schema, env: Record<string, string | undefined>): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
}

/**
 * Which seed a service loads on start: the embedded demo loads everything unless told otherwise; a
 * configured database gets nothing unless SEED asks, and never the demo's accounts.
 */
export function seedOnStart(env: Pick<SubgraphEnv, 'SEED' | 'DATABASE_URL'>): 'none' | 'plan' | 'demo' {
  if (!env.DATABASE_URL) return env.SEED ?? 'demo';
  if (env.SEED === 'demo') {
    throw new ConfigError(['SEED: demo accounts load only into the embedded database; use SEED=plan with DATABASE_URL']);
  }
  return env.SEED ?? 'none';
}

/** Key ids of keys made for development and tests; production refuses them. */
const NON_PRODUCTION_KEY = /^(dev|test)-/;

/** Why `jwk` may not sign or verify in production, or null when it may. */
export function developmentKeyProblem(jwk: JWK, variable: string): string | null {
  if (!jwk.kid) return `${variable}: the key has no kid; generate production keys with pnpm keys`;
  if (NON_PRODUCTION_KEY.test(jwk.kid))
    return `${variable}: "${jwk.kid}" is a development key; generate production keys with pnpm keys`;
  return null;
}

/** What a subgraph may not run with in production: development keys, demo data, an embedded database. */
export function productionProblems(env: SubgraphEnv): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return [
    developmentKeyProblem(env.JWT_PUBLIC_JWK, 'JWT_PUBLIC_JWK'),
    env.SEED === 'demo' ? 'SEED: the demo data (with its published passwords) never loads in production' : null,
    env.DATABASE_URL ? null : 'DATABASE_URL: production runs on PostgreSQL, not the embedded database',
  ].filter((problem): problem is string => problem !== null);
}
