import { ConfigError, parseEnv, seedOnStart, subgraphEnv } from '@xueshi/subgraph-kit';
import { describe, expect, it } from 'vitest';

const JWK = JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k' });

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseEnv(subgraphEnv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('reports every bad or missing variable at once, each by name', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'not a url',
      DATABASE_SCHEMA: 'Bad-Schema',
      DATABASE_POOL_SIZE: '0',
      JWT_PUBLIC_JWK: '{"not":"a jwk"}',
      CLOCK_START: '2021-02-22T10:00:00',
      SEED: 'everything',
      NODE_ENV: 'staging',
    });
    const named = problems.map((problem) => problem.split(':')[0]);
    expect(named.sort()).toEqual(
      [
        'CLOCK_START',
        'DATABASE_POOL_SIZE',
        'DATABASE_SCHEMA',
        'DATABASE_URL',
        'JWT_PUBLIC_JWK',
        'LOG_LEVEL',
        'NODE_ENV',
        'PORT',
        'SEED',
      ].sort(),
    );
    expect(problems.find((problem) => problem.startsWith('JWT_PUBLIC_JWK'))).toMatch(/must be a JWK as JSON/);
  });

  it('names required variables that are missing, and says so in the message', () => {
    const problems = problemsOf({});
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['JWT_PUBLIC_JWK', 'PORT']);
    expect(() => parseEnv(subgraphEnv, { PORT: '-1', JWT_PUBLIC_JWK: 'not json' })).toThrow(
      /^Invalid configuration:\n {2}- PORT: .*\n {2}- JWT_PUBLIC_JWK: /,
    );
  });

  it('parses a good environment with its defaults and coercions', () => {
    const env = parseEnv(subgraphEnv, { PORT: '4001', JWT_PUBLIC_JWK: JWK, DATABASE_POOL_SIZE: '4' });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 4001,
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: 4,
      DATA_DIR: '.data',
      JWT_PUBLIC_JWK: { kty: 'EC', kid: 'k' },
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(
      parseEnv(subgraphEnv, {
        PORT: '0',
        JWT_PUBLIC_JWK: JWK,
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/xueshi',
        CLOCK_START: '2021-02-22T10:00:00+08:00',
      }).CLOCK_START,
    ).toBe('2021-02-22T10:00:00+08:00');
  });
});

describe('seedOnStart', () => {
  const url = 'postgres://postgres@127.0.0.1:5432/xueshi';

  it('loads the demo into the embedded database unless told otherwise', () => {
    expect(seedOnStart({})).toBe('demo');
    expect(seedOnStart({ SEED: 'plan' })).toBe('plan');
    expect(seedOnStart({ SEED: 'none' })).toBe('none');
  });

  it('loads nothing into a configured database unless asked, and never the demo accounts', () => {
    expect(seedOnStart({ DATABASE_URL: url })).toBe('none');
    expect(seedOnStart({ DATABASE_URL: url, SEED: 'plan' })).toBe('plan');
    expect(() => seedOnStart({ DATABASE_URL: url, SEED: 'demo' })).toThrow(ConfigError);
  });
});
