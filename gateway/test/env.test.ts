import { ConfigError } from '@xueshi/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BATCH_OPERATIONS } from '../src/batchLimit';
import { DEVELOPMENT_CORS_ORIGINS, readGatewayEnv } from '../src/env';
import { DEFAULT_QUERY_LIMITS } from '@xueshi/subgraph-kit';

const JWT_PUBLIC_JWK = JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k' });

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    readGatewayEnv({ JWT_PUBLIC_JWK, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('readGatewayEnv', () => {
  it('defaults the limits, allows the local frontends in development, trusts no proxy and counts in memory', () => {
    const env = readGatewayEnv({ JWT_PUBLIC_JWK });
    expect(env.queryLimits).toEqual(DEFAULT_QUERY_LIMITS);
    expect(env.BATCH_MAX_OPERATIONS).toBe(DEFAULT_MAX_BATCH_OPERATIONS);
    expect(env.corsOrigins).toEqual(['http://localhost:3000', 'http://localhost:5173']);
    expect(env.corsOrigins).toEqual(DEVELOPMENT_CORS_ORIGINS);
    expect(env.trustProxy).toBe(false);
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('allows no origin in production unless told', () => {
    expect(readGatewayEnv({ JWT_PUBLIC_JWK, NODE_ENV: 'production' }).corsOrigins).toEqual([]);
    expect(readGatewayEnv({ JWT_PUBLIC_JWK, NODE_ENV: 'production', CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(readGatewayEnv({ JWT_PUBLIC_JWK, CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(
      readGatewayEnv({
        JWT_PUBLIC_JWK,
        NODE_ENV: 'production',
        CORS_ORIGINS: 'https://xueshi.example.cn, https://admin.xueshi.example.cn:8443',
      }).corsOrigins,
    ).toEqual(['https://xueshi.example.cn', 'https://admin.xueshi.example.cn:8443']);
  });

  it('reads every limit, the proxies to trust and Redis', () => {
    const env = readGatewayEnv({
      JWT_PUBLIC_JWK,
      QUERY_MAX_DEPTH: '12',
      QUERY_MAX_ALIASES: '30',
      QUERY_MAX_DIRECTIVES: '5',
      QUERY_MAX_TOKENS: '2000',
      QUERY_MAX_COST: '4000',
      BATCH_MAX_OPERATIONS: '3',
      TRUST_PROXY: '2',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(env.queryLimits).toEqual({ maxDepth: 12, maxAliases: 30, maxDirectives: 5, maxTokens: 2000, maxCost: 4000 });
    expect(env.BATCH_MAX_OPERATIONS).toBe(3);
    expect(env.trustProxy).toBe(2);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(readGatewayEnv({ JWT_PUBLIC_JWK, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readGatewayEnv({ JWT_PUBLIC_JWK, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readGatewayEnv({ JWT_PUBLIC_JWK, QUERY_MAX_DEPTH: '' }).queryLimits.maxDepth).toBe(DEFAULT_QUERY_LIMITS.maxDepth);
  });

  it('reports every bad value at once, each by name', () => {
    const problems = problemsOf({
      QUERY_MAX_DEPTH: '0',
      QUERY_MAX_ALIASES: 'many',
      QUERY_MAX_DIRECTIVES: '-1',
      QUERY_MAX_TOKENS: '1.5',
      QUERY_MAX_COST: 'lots',
      BATCH_MAX_OPERATIONS: '0',
      CORS_ORIGINS: 'https://ok.example.cn,*,https://xueshi.example.cn/app',
      TRUST_PROXY: 'yes',
      REDIS_URL: 'not a url',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'BATCH_MAX_OPERATIONS',
      'CORS_ORIGINS',
      'CORS_ORIGINS',
      'QUERY_MAX_ALIASES',
      'QUERY_MAX_COST',
      'QUERY_MAX_DEPTH',
      'QUERY_MAX_DIRECTIVES',
      'QUERY_MAX_TOKENS',
      'REDIS_URL',
      'TRUST_PROXY',
    ]);
    expect(problems.join('\n')).toMatch(/"\*" is not an origin/);
    expect(problems.join('\n')).toMatch(/"https:\/\/xueshi.example.cn\/app" is not an origin/);
  });
});
