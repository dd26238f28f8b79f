import { randomUUID } from 'node:crypto';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { SIGN_IN_LIMITS, createRateLimiter, memoryRateLimitStore, redisRateLimitStore } from '@xueshi/subgraph-kit';
import type { RateLimitStore, RateLimiter } from '@xueshi/subgraph-kit';
import { ManualClock } from '@xueshi/subgraph-kit/testing';
import { Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/create';
import { signInAttempts } from '../src/signInLimit';
import type { GatewayOptions } from '../src/create';
import type { GraphQLResponse } from './support/gateway';
import { NOWHERE, STUB_PASSWORD, capturingLogger, send, startStubRegistry, startTestGateway } from './support/gateway';

const RULE = SIGN_IN_LIMITS.failuresPerAddress;
const WINDOW_MS = RULE.windowSeconds * 1000;
const UNREACHABLE = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, NOWHERE]));
const SIGN_IN = 'mutation ($id: String!, $password: String!) { signIn(idNumber: $id, password: $password) { token } }';
const redisUrl = process.env['REDIS_URL'] || undefined;

function attemptsIn(text: string): number {
  const document = parse(text);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  return signInAttempts(document, operation);
}

describe('signInAttempts', () => {
  it('counts each sign-in root field: aliased, in fragments, and of every kind', () => {
    expect(attemptsIn('mutation { signIn(idNumber: "a", password: "b") { token } }')).toBe(1);
    expect(
      attemptsIn(
        'mutation { a: signIn(idNumber: "a", password: "b") { token } b: signIn(idNumber: "c", password: "d") { token } }',
      ),
    ).toBe(2);
    expect(
      attemptsIn(`
        mutation { ...Guesses ... on Mutation { staffSignIn(username: "u", password: "p") { token } } }
        fragment Guesses on Mutation { signUp(input: {}) { token } signIn(idNumber: "a", password: "b") { token } }
      `),
    ).toBe(3);
  });

  it('counts nothing else, nor a sign-in field below the root', () => {
    expect(attemptsIn('{ institutions { name } }')).toBe(0);
    expect(attemptsIn('mutation { register(sessionId: "s") { id } }')).toBe(0);
    expect(attemptsIn('{ me { signIn } }')).toBe(0);
  });
});

/** One client's view of a gateway: sign in from an address, through proxies if told. */
function clientOf(gateway: RunningGateway) {
  return async (options: { from?: string; forwardedFor?: string; query?: string; password?: string } = {}) => {
    const response = await send(gateway.url, {
      localAddress: options.from ?? '127.0.0.1',
      headers: {
        'content-type': 'application/json',
        ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
      },
      body: JSON.stringify({
        query: options.query ?? SIGN_IN,
        variables: { id: '310104198806150011', password: options.password ?? 'guess' },
      }),
    });
    return {
      ...response.json<GraphQLResponse<{ signIn?: { token: string } }>>(),
      status: response.status,
      retryAfter: response.headers['retry-after'],
    };
  };
}

const repeat = async (times: number, attempt: () => Promise<{ status: number }>) => {
  for (let count = 0; count < times; count += 1) expect((await attempt()).status).toBe(200);
};

describe('sign-in attempts per client address', () => {
  let registry: Awaited<ReturnType<typeof startStubRegistry>>;
  const clock = new ManualClock('2021-02-22T10:00:00+08:00');
  const gateways: RunningGateway[] = [];

  const gatewayWith = async (options: Partial<GatewayOptions> & { signInLimiter: RateLimiter }) => {
    const gateway = await startTestGateway({
      development: false,
      subgraphUrls: { ...UNREACHABLE, registry: registry.url },
      ...options,
    });
    gateways.push(gateway);
    return gateway;
  };
  const limiter = (store: RateLimitStore = memoryRateLimitStore(clock)) =>
    createRateLimiter(store, clock, `test:${randomUUID()}`);

  beforeAll(async () => {
    registry = await startStubRegistry();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await registry?.close();
  });
  // Each test starts at the start of a window of its own.
  beforeEach(() => clock.set(new Date((Math.floor(clock.now().getTime() / WINDOW_MS) + 1) * WINDOW_MS)));

  it('refuses an address after 30 failed sign-ins within 10 minutes, without forwarding, but not another address, until the window passes', async () => {
    const signIn = clientOf(await gatewayWith({ signInLimiter: limiter() }));
    const before = registry.operations.count;
    await repeat(15, () => signIn());
    clock.advance(9 * 60 * 1000);
    await repeat(15, () => signIn());
    expect(registry.operations.count - before).toBe(30);

    const refused = await signIn();
    expect(refused.status).toBe(429);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
    expect(refused.errors?.[0]?.message).toBe(
      '此地址的登录尝试次数过多，请稍后再试 (Too many sign-in attempts from this address; please try again later)',
    );
    expect(refused.retryAfter).toBe('60');
    expect(registry.operations.count - before).toBe(30);

    expect(await signIn({ from: '127.0.0.2', password: STUB_PASSWORD })).toMatchObject({
      status: 200,
      data: { signIn: { token: 'stub-token' } },
    });
    expect((await signIn({ password: STUB_PASSWORD })).status).toBe(429);
    expect(await signIn({ query: '{ institutions { name } }' })).toMatchObject({
      status: 200,
      data: { institutions: [{ name: '上海继续工程教育协会' }] },
    });

    clock.advance(60 * 1000);
    expect(await signIn({ password: STUB_PASSWORD })).toMatchObject({ status: 200, data: { signIn: { token: 'stub-token' } } });
  });

  it('never counts a successful sign-in, so an office behind one address is not held up', async () => {
    const signIn = clientOf(await gatewayWith({ signInLimiter: limiter() }));
    await repeat(100, () => signIn({ password: STUB_PASSWORD }));
    expect(await signIn({ password: STUB_PASSWORD })).toMatchObject({ status: 200, data: { signIn: { token: 'stub-token' } } });
  });

  // Sign-ins are non-null mutation fields: the first failure ends the operation, so aliases cannot
  // multiply guesses. All its sign-in fields are reserved up front; each failure reported stays counted.
  it('reserves each sign-in field of an aliased operation, and keeps counted the failures it reports', async () => {
    const signIn = clientOf(await gatewayWith({ signInLimiter: limiter() }));
    const three = `mutation {
      a: signIn(idNumber: "1", password: "a") { token }
      b: signIn(idNumber: "2", password: "b") { token }
      staffSignIn(username: "shu-staff", password: "c") { token }
    }`;
    await repeat(28, async () => {
      const result = await signIn({ query: three });
      expect(result.errors).toHaveLength(1);
      return result;
    });
    expect((await signIn({ query: three })).status).toBe(429);
    await repeat(2, () => signIn());
    expect((await signIn()).errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
  });

  it('reserves before forwarding: parallel requests and batches from one address make at most 30 attempts', async () => {
    const gateway = await gatewayWith({ signInLimiter: limiter() });
    const signIn = clientOf(gateway);
    const before = registry.operations.count;
    const single = await Promise.all(Array.from({ length: 20 }, () => signIn()));
    const batch = JSON.stringify(
      Array.from({ length: 10 }, () => ({ query: SIGN_IN, variables: { id: '310104198806150011', password: 'guess' } })),
    );
    const batches = await Promise.all(
      Array.from({ length: 6 }, () =>
        send(gateway.url, { headers: { 'content-type': 'application/json' }, body: batch }).then((response) =>
          response.json<{ errors?: { extensions?: Record<string, unknown> }[] }[]>(),
        ),
      ),
    );
    const codes = [
      ...single.map((result) => result.errors?.[0]?.extensions?.['code']),
      ...batches.flat().map((result) => result.errors?.[0]?.extensions?.['code']),
    ];
    expect(codes).toHaveLength(80);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(RULE.limit);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(80 - RULE.limit);
    expect(registry.operations.count - before).toBe(RULE.limit);
  });

  it('gives back the attempts of successful sign-ins made in parallel', async () => {
    const signIn = clientOf(await gatewayWith({ signInLimiter: limiter() }));
    const results = await Promise.all(Array.from({ length: 25 }, () => signIn({ password: STUB_PASSWORD })));
    expect(results.every((result) => result.status === 200)).toBe(true);
    await repeat(RULE.limit, () => signIn());
    expect((await signIn()).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless told to trust proxies', async () => {
    const signIn = clientOf(await gatewayWith({ signInLimiter: limiter() }));
    let host = 0;
    await repeat(30, () => signIn({ forwardedFor: `203.0.113.${(host += 1)}` }));
    expect((await signIn({ forwardedFor: '198.51.100.1' })).status).toBe(429);
  });

  it('keys by the address the trusted proxy saw, which a client cannot forge by prepending its own', async () => {
    const signIn = clientOf(await gatewayWith({ signInLimiter: limiter(), trustProxy: 1 }));
    await repeat(30, () => signIn({ forwardedFor: '203.0.113.7' }));
    expect((await signIn({ forwardedFor: '203.0.113.7' })).status).toBe(429);
    expect((await signIn({ forwardedFor: '10.1.2.3, 203.0.113.7' })).status).toBe(429);
    expect(await signIn({ forwardedFor: '203.0.113.8', password: STUB_PASSWORD })).toMatchObject({
      status: 200,
      data: { signIn: { token: 'stub-token' } },
    });
  });

  it('refuses sign-in as UNAVAILABLE, without forwarding it, when the counters cannot be reached', async () => {
    const broken: RateLimitStore = {
      increment: () => Promise.reject(new Error('connection refused')),
      decrement: () => Promise.reject(new Error('connection refused')),
      count: () => Promise.reject(new Error('connection refused')),
      reset: () => Promise.reject(new Error('connection refused')),
      close: async () => undefined,
    };
    const { logger, lines } = capturingLogger();
    const signIn = clientOf(await gatewayWith({ signInLimiter: limiter(broken), logger }));
    const before = registry.operations.count;
    const refused = await signIn();
    expect(refused.status).toBe(503);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAVAILABLE');
    expect(refused.errors?.[0]?.message).not.toMatch(/connection refused/);
    expect(registry.operations.count).toBe(before);
    expect(lines.some((line) => line['msg'] === 'sign-in limit unavailable; refusing sign-in')).toBe(true);
    // Everything else still works.
    expect(await signIn({ query: '{ institutions { name } }' })).toMatchObject({ status: 200 });
  });

  it.skipIf(!redisUrl)('counts across replicas that share one Redis', async () => {
    const prefix = `xueshi:test:${randomUUID()}`;
    const stores = [await redisRateLimitStore(redisUrl ?? ''), await redisRateLimitStore(redisUrl ?? '')];
    const [first, second] = stores.map((store) => createRateLimiter(store, clock, prefix));
    try {
      const one = clientOf(await gatewayWith({ signInLimiter: first ?? limiter() }));
      const other = clientOf(await gatewayWith({ signInLimiter: second ?? limiter() }));
      await repeat(15, () => one());
      await repeat(15, () => other());
      expect((await one()).status).toBe(429);
      expect((await other()).status).toBe(429);
      expect((await other({ from: '127.0.0.2' })).status).toBe(200);
    } finally {
      for (const address of ['127.0.0.1', '127.0.0.2']) await first?.reset(RULE, address);
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
