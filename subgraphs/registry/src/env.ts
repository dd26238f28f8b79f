import { parseEnv, subgraphEnvShape } from '@xueshi/subgraph-kit';
import { z } from 'zod';

const registryEnv = z.object({
  ...subgraphEnvShape,
  PORT: subgraphEnvShape.PORT.default(4001),
});

export type RegistryEnv = z.infer<typeof registryEnv>;

/** The registry's configuration; throws a ConfigError listing every bad variable. */
export const readRegistryEnv = (env: Record<string, string | undefined>): RegistryEnv => parseEnv(registryEnv, env);
