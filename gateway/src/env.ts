import { SUBGRAPHS, GATEWAY_DEFAULT_PORT, subgraphUrlVariable } from '@xueshi/institutions/topology';
import { parseEnv, subgraphEnvShape } from '@xueshi/subgraph-kit';
import { z } from 'zod';
import { DEFAULT_MAX_BATCH_OPERATIONS } from './batchLimit';
import { DEFAULT_PLANNING_LIMITS } from './planning/planner';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_MAX_IN_FLIGHT } from '@xueshi/subgraph-kit';
import type { QueryLimits } from '@xueshi/subgraph-kit';

/** Where the frontends run in development (Next.js, Vite). */
export const DEVELOPMENT_CORS_ORIGINS = ['http://localhost:3000', 'http://localhost:5173'];

const limit = (fallback: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).default(fallback));

const subgraphTimeoutVariable = (name: string) => subgraphUrlVariable(name).replace('SUBGRAPH_URL_', 'SUBGRAPH_TIMEOUT_MS_');

const optionalMilliseconds = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.coerce.number().int().min(1).optional(),
);

const origins = z.string().transform((text, ctx): string[] => {
  const listed = text
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of listed) {
    let parsed: string | undefined;
    try {
      parsed = new URL(origin).origin;
    } catch {
      // reported below
    }
    if (parsed !== origin) ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin such as https://example.cn` });
  }
  return listed;
});

const trustProxy = z
  .string()
  .regex(/^(true|false|\d+)$/, 'must be true, false or the number of proxies in front of the gateway')
  .transform((text) => (text === 'true' ? true : text === 'false' ? false : Number(text)));

const gatewayEnv = z.object({
  NODE_ENV: subgraphEnvShape.NODE_ENV,
  HOST: subgraphEnvShape.HOST,
  PORT: subgraphEnvShape.PORT.default(GATEWAY_DEFAULT_PORT),
  LOG_LEVEL: subgraphEnvShape.LOG_LEVEL,
  LOG_FILE: subgraphEnvShape.LOG_FILE,
  JWT_PUBLIC_JWK: subgraphEnvShape.JWT_PUBLIC_JWK,
  CLOCK_START: subgraphEnvShape.CLOCK_START,
  /** Counters every replica shares (sign-in attempts per address); without it each process counts alone. */
  REDIS_URL: subgraphEnvShape.REDIS_URL,
  OTEL_EXPORTER_OTLP_ENDPOINT: subgraphEnvShape.OTEL_EXPORTER_OTLP_ENDPOINT,
  /** Serve /metrics on this port only (kept off the public one); beside /graphql when unset. */
  METRICS_PORT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(65535).optional()),
  /** The composed supergraph to serve; defaults to the committed gateway/supergraph.graphql. */
  SUPERGRAPH_FILE: z.string().optional(),
  QUERY_MAX_DEPTH: limit(DEFAULT_QUERY_LIMITS.maxDepth),
  QUERY_MAX_ALIASES: limit(DEFAULT_QUERY_LIMITS.maxAliases),
  QUERY_MAX_DIRECTIVES: limit(DEFAULT_QUERY_LIMITS.maxDirectives),
  QUERY_MAX_TOKENS: limit(DEFAULT_QUERY_LIMITS.maxTokens),
  QUERY_MAX_COST: limit(DEFAULT_QUERY_LIMITS.maxCost),
  BATCH_MAX_OPERATIONS: limit(DEFAULT_MAX_BATCH_OPERATIONS),
  /** Who may send operations the frontends do not ship: staff (default in production) or anyone (development). */
  AD_HOC_OPERATIONS: z.enum(['anyone', 'staff']).optional(),
  /** The longest one operation may take to plan, in milliseconds. */
  QUERY_PLANNING_BUDGET_MS: limit(DEFAULT_PLANNING_LIMITS.budgetMs),
  /** Comma-separated origins browsers may call from; unset: the local frontends in development, none in production. */
  CORS_ORIGINS: origins.optional(),
  /** How many proxies' X-Forwarded-For to believe about the client's address; unset or false: none. */
  TRUST_PROXY: trustProxy.optional(),
  ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphUrlVariable(name), z.string().url().optional()])),
  /** How long to wait for a subgraph's answer, in milliseconds; SUBGRAPH_TIMEOUT_MS_<NAME> for one subgraph. */
  SUBGRAPH_TIMEOUT_MS: limit(DEFAULT_FETCH_TIMEOUT_MS),
  /** Fetches out to each subgraph at once; more wait their turn in the gateway, each for up to its timeout. */
  SUBGRAPH_MAX_IN_FLIGHT: limit(DEFAULT_SUBGRAPH_MAX_IN_FLIGHT),
  ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphTimeoutVariable(name), optionalMilliseconds])),
});

export interface GatewayEnv extends z.infer<typeof gatewayEnv> {
  subgraphUrls: Record<string, string>;
  /** The registry's origin, which serves the printable documents the gateway passes on. */
  documentsOrigin: string;
  /** The association's origin, which serves employers' training request documents. */
  trainingDocumentsOrigin: string;
  queryLimits: QueryLimits;
  /** Per-subgraph fetch timeouts that differ from SUBGRAPH_TIMEOUT_MS. */
  subgraphTimeoutsMs: Record<string, number>;
  corsOrigins: string[];
  trustProxy: boolean | number;
}

/** The gateway's configuration; throws a ConfigError listing every bad variable. */
export function readGatewayEnv(env: Record<string, string | undefined>): GatewayEnv {
  const parsed = parseEnv(gatewayEnv, env);
  const subgraphUrls: Record<string, string> = {};
  const subgraphTimeoutsMs: Record<string, number> = {};
  for (const { name } of SUBGRAPHS) {
    const url: unknown = (parsed as Record<string, unknown>)[subgraphUrlVariable(name)];
    if (typeof url === 'string' && url) subgraphUrls[name] = url;
    const timeout: unknown = (parsed as Record<string, unknown>)[subgraphTimeoutVariable(name)];
    if (typeof timeout === 'number') subgraphTimeoutsMs[name] = timeout;
  }
  const registryPort = SUBGRAPHS.find(({ name }) => name === 'registry')?.defaultPort;
  const associationPort = SUBGRAPHS.find(({ name }) => name === 'association')?.defaultPort;
  return {
    ...parsed,
    subgraphUrls,
    subgraphTimeoutsMs,
    documentsOrigin: new URL(subgraphUrls['registry'] ?? `http://127.0.0.1:${registryPort}/graphql`).origin,
    trainingDocumentsOrigin: new URL(subgraphUrls['association'] ?? `http://127.0.0.1:${associationPort}/graphql`).origin,
    queryLimits: {
      maxDepth: parsed.QUERY_MAX_DEPTH,
      maxAliases: parsed.QUERY_MAX_ALIASES,
      maxDirectives: parsed.QUERY_MAX_DIRECTIVES,
      maxTokens: parsed.QUERY_MAX_TOKENS,
      maxCost: parsed.QUERY_MAX_COST,
    },
    corsOrigins: parsed.CORS_ORIGINS ?? (parsed.NODE_ENV === 'production' ? [] : DEVELOPMENT_CORS_ORIGINS),
    trustProxy: parsed.TRUST_PROXY ?? false,
  };
}
