import { SUBGRAPHS, GATEWAY_DEFAULT_PORT, subgraphUrlVariable } from '@xueshi/institutions';
import { parseEnv, subgraphEnvShape } from '@xueshi/subgraph-kit';
import { z } from 'zod';

const gatewayEnv = z.object({
  NODE_ENV: subgraphEnvShape.NODE_ENV,
  HOST: subgraphEnvShape.HOST,
  PORT: subgraphEnvShape.PORT.default(GATEWAY_DEFAULT_PORT),
  LOG_LEVEL: subgraphEnvShape.LOG_LEVEL,
  LOG_FILE: subgraphEnvShape.LOG_FILE,
  JWT_PUBLIC_JWK: subgraphEnvShape.JWT_PUBLIC_JWK,
  CLOCK_START: subgraphEnvShape.CLOCK_START,
  /** The composed supergraph to serve; defaults to the committed gateway/supergraph.graphql. */
  SUPERGRAPH_FILE: z.string().optional(),
  ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphUrlVariable(name), z.string().url().optional()])),
});

export interface GatewayEnv extends z.infer<typeof gatewayEnv> {
  subgraphUrls: Record<string, string>;
}

/** The gateway's configuration; throws a ConfigError listing every bad variable. */
export function readGatewayEnv(env: Record<string, string | undefined>): GatewayEnv {
  const parsed = parseEnv(gatewayEnv, env) as z.infer<typeof gatewayEnv> & Record<string, string | undefined>;
  const subgraphUrls: Record<string, string> = {};
  for (const { name } of SUBGRAPHS) {
    const url = parsed[subgraphUrlVariable(name)];
    if (url) subgraphUrls[name] = url;
  }
  return { ...parsed, subgraphUrls };
}
