import { SUBGRAPHS, subgraphUrlVariable } from '@xueshi/institutions/topology';
import { MAX_TOKEN_LIFETIME_SECONDS, parseEnv, subgraphEnvShape } from '@xueshi/subgraph-kit';
import { z } from 'zod';

const institutionUrls = Object.fromEntries(
  SUBGRAPHS.filter(({ name }) => name !== 'registry').map(({ name, defaultPort }) => [
    subgraphUrlVariable(name),
    z.string().url().default(`http://127.0.0.1:${defaultPort}/graphql`),
  ]),
);

const registryEnv = z.object({
  ...subgraphEnvShape,
  PORT: subgraphEnvShape.PORT.default(4001),
  /** The private half of the signing key: only the registry issues tokens. */
  JWT_PRIVATE_JWK: subgraphEnvShape.JWT_PUBLIC_JWK,
  TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_LIFETIME_SECONDS / 60)
    .default(30),
  /** How long an unpaid registration holds its seat. */
  HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** scrypt cost as log2(N); 17 is OWASP's minimum. */
  PASSWORD_HASH_COST: z.coerce.number().int().min(14).max(20).default(17),
  PAYMENT_PROVIDER: z.enum(['sandbox']).default('sandbox'),
  /** Where the sandbox provider keeps its side of every charge and refund across restarts (in memory when unset). */
  SANDBOX_LEDGER_FILE: z.string().min(1).optional(),
  /**
   * A fault injected by the test suite only (NODE_ENV=test): the registry kills itself (SIGKILL) once the
   * provider has answered a charge, before recording it.
   */
  TEST_CRASH_AFTER_CHARGE: z.literal('1').optional(),
  SMS_PROVIDER: z.enum(['sandbox']).default('sandbox'),
  /** Mobile verification by SMS code before registering or paying: required in production (the default there), off by default otherwise. */
  MOBILE_VERIFICATION: z.enum(['required', 'off']).optional(),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** How often payments and refunds a crash left unfinished are looked for (also once at start). */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Where the public reaches the gateway; printed on transcripts for verification. */
  PUBLIC_URL: z.string().url().default('http://localhost:4000'),
  ...institutionUrls,
});

export type RegistryEnv = z.infer<typeof registryEnv>;

/** The registry's configuration; throws a ConfigError listing every bad variable. */
export const readRegistryEnv = (env: Record<string, string | undefined>): RegistryEnv => parseEnv(registryEnv, env);

/** Each institution subgraph's URL, by institution code. */
export function institutionUrlsOf(env: RegistryEnv): Record<string, string> {
  const values = env as unknown as Record<string, string>;
  return Object.fromEntries(
    SUBGRAPHS.filter(({ name }) => name !== 'registry').map(({ name }) => [name, values[subgraphUrlVariable(name)] ?? '']),
  );
}
