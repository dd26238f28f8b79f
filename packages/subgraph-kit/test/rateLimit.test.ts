import { randomUUID } from 'node:crypto';
import { ErrorCode, SIGN_IN_LIMITS, createRateLimiter, memoryRateLimitStore, redisRateLimitStore } from '@xueshi/subgraph-kit';
import type { RateLimitRule, RateLimitStore, RateLimiter } from '@xueshi/subgraph-kit';
import { ManualClock } from '@xueshi/subgraph-kit/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectUserError } from './support/userError';

const redisUrl = process.env['REDIS_URL'] || undefined;

const RULE: RateLimitRule = { name: 'test-rule', limit: 3, windowSeconds: 60 };
const OTHER_RULE: RateLimitRule = { name: 'other-rule', limit: 3, windowSeconds: 60 };
const SUBJECT = '310104198806150011';
/** 10:00:00 Beijing time: the start of a minute, and of a 10- and 15-minute window. */
const WINDOW_START = '2021-02-22T10:00:00+08:00';

/** A store under test, with a way to see every key it holds under a prefix, and their values and TTLs. */
interface StoreUnderTest {
  store: RateLimitStore;
  keys(prefix: string): Promise<string[]>;
  /** The key's count and seconds to live, as the store holds them. */
  inspect(key: string): Promise<{ count: number; ttlSeconds: number }>;
  close(): Promise<void>;
}

const stores: [string, (clock: ManualClock) => Promise<StoreUnderTest>][] = [
  [
    'memory',
    async (clock) => {
      const memory = memoryRateLimitStore(clock);
      // The memory store cannot be listed: remember every key it is given, and when it was told to forget it.
      const seen = new Map<string, number>();
      const store: RateLimitStore = {
        ...memory,
        increment: async (key, ttlSeconds, by = 1) => {
          const count = await memory.increment(key, ttlSeconds, by);
          if (count === by) seen.set(key, clock.now().getTime() + ttlSeconds * 1000);
          return count;
        },
      };
      const live = async (key: string) => (await memory.count(key)) > 0;
      return {
        store,
        keys: async (prefix) => {
          const held = [...seen.keys()].filter((key) => key.startsWith(`${prefix}:`));
          return (await Promise.all(held.map(async (key) => ((await live(key)) ? key : null)))).filter((key) => key !== null);
        },
        inspect: async (key) => ({
          count: await memory.count(key),
          ttlSeconds: Math.ceil(((seen.get(key) ?? 0) - clock.now().getTime()) / 1000),
        }),
        close: () => memory.close(),
      };
    },
  ],
];
if (redisUrl) {
  stores.push([
    'Redis',
    async () => {
      const store = await redisRateLimitStore(redisUrl);
      const inspector = new Redis(redisUrl);
      return {
        store,
        keys: (prefix) => inspector.keys(`${prefix}:*`),
        inspect: async (key) => ({ count: Number(await inspector.get(key)), ttlSeconds: await inspector.ttl(key) }),
        close: async () => {
          await store.close();
          await inspector.quit();
        },
      };
    },
  ]);
}

describe.each(stores)('createRateLimiter over the %s store', (_name, open) => {
  let clock: ManualClock;
  let underTest: StoreUnderTest;
  let prefix: string;
  let limiter: RateLimiter;
  const consumeTimes = async (times: number, rule = RULE, subject = SUBJECT) => {
    for (let count = 0; count < times; count += 1) await limiter.reserve(rule, subject);
  };

  beforeAll(async () => {
    clock = new ManualClock(WINDOW_START);
    underTest = await open(clock);
  });
  afterAll(() => underTest?.close());
  beforeEach(() => {
    clock.set(WINDOW_START);
    prefix = `xueshi:test:${randomUUID()}`;
    limiter = createRateLimiter(underTest.store, clock, prefix);
  });
  afterEach(async () => {
    // Each window the test visited is gone by now, but its keys would wait for their TTL.
    for (const key of await underTest.keys(prefix)) await underTest.store.reset(key);
    expect(await underTest.keys(prefix)).toEqual([]);
  });

  it('reserve: allows `limit` events in a window and refuses the next, with the seconds until the window ends', async () => {
    await consumeTimes(RULE.limit);
    clock.advance(20_500);
    const refused = await expectUserError(limiter.reserve(RULE, SUBJECT), ErrorCode.RATE_LIMITED);
    expect(refused.extensions['retryAfterSeconds']).toBe(40);
    expect(refused.message).toBe('尝试次数过多，请稍后再试 (Too many attempts; please try again later)');
  });

  it('reserve: parallel reservations never exceed the limit together', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => limiter.reserve(RULE, SUBJECT)));
    expect(outcomes.filter(({ status }) => status === 'fulfilled')).toHaveLength(RULE.limit);
    const many = await Promise.allSettled(Array.from({ length: 10 }, () => limiter.reserve(RULE, 'batches', 2)));
    expect(many.filter(({ status }) => status === 'fulfilled')).toHaveLength(1);
  });

  it('reserve: several events at once, all or none; refused ones are not counted', async () => {
    await limiter.reserve(RULE, SUBJECT, 2);
    await expectUserError(limiter.reserve(RULE, SUBJECT, 2), ErrorCode.RATE_LIMITED);
    await limiter.reserve(RULE, SUBJECT, 1);
    await expectUserError(limiter.reserve(RULE, SUBJECT), ErrorCode.RATE_LIMITED);
    await expectUserError(limiter.reserve(RULE, 'another subject', RULE.limit + 1), ErrorCode.RATE_LIMITED);
    await limiter.reserve(RULE, 'another subject', RULE.limit);
  });

  it('release: gives back events that turned out not to count, at most as many as were reserved', async () => {
    const first = await limiter.reserve(RULE, SUBJECT, 2);
    await first.release(1);
    await first.release(5);
    await first.release();
    await consumeTimes(RULE.limit);
    await expectUserError(limiter.reserve(RULE, SUBJECT), ErrorCode.RATE_LIMITED);
  });

  it('release: goes to the window the events were counted in', async () => {
    const late = await limiter.reserve(RULE, SUBJECT);
    clock.advance(RULE.windowSeconds * 1000);
    await consumeTimes(RULE.limit);
    await late.release();
    await expectUserError(limiter.reserve(RULE, SUBJECT), ErrorCode.RATE_LIMITED);
  });

  it('release: after a reset, never takes the count below zero', async () => {
    const before = await limiter.reserve(RULE, SUBJECT, 2);
    await limiter.reset(RULE, SUBJECT);
    await before.release();
    await consumeTimes(1);
    await before.release();
    await consumeTimes(RULE.limit - 1);
    await expectUserError(limiter.reserve(RULE, SUBJECT), ErrorCode.RATE_LIMITED);
  });

  it('reset: forgets the subject’s events under the rule, and nothing else', async () => {
    await consumeTimes(RULE.limit);
    await consumeTimes(RULE.limit, OTHER_RULE);
    await consumeTimes(RULE.limit, RULE, 'another subject');
    await limiter.reset(RULE, SUBJECT);
    await consumeTimes(RULE.limit);
    await expectUserError(limiter.reserve(RULE, SUBJECT), ErrorCode.RATE_LIMITED);
    await expectUserError(limiter.reserve(OTHER_RULE, SUBJECT), ErrorCode.RATE_LIMITED);
    await expectUserError(limiter.reserve(RULE, 'another subject'), ErrorCode.RATE_LIMITED);
  });

  it('keeps subjects, rules and prefixes apart', async () => {
    await consumeTimes(RULE.limit);
    await limiter.reserve(RULE, 'another subject');
    await limiter.reserve(OTHER_RULE, SUBJECT);
    await createRateLimiter(underTest.store, clock, `${prefix}:elsewhere`).reserve(RULE, SUBJECT);
  });

  it('counts in fixed windows: the last millisecond of one still refuses, the first of the next does not', async () => {
    await consumeTimes(RULE.limit);
    clock.advance(RULE.windowSeconds * 1000 - 1);
    const refused = await expectUserError(limiter.reserve(RULE, SUBJECT), ErrorCode.RATE_LIMITED);
    expect(refused.extensions['retryAfterSeconds']).toBe(1);
    clock.advance(1);
    await consumeTimes(RULE.limit);
    await expectUserError(limiter.reserve(RULE, SUBJECT), ErrorCode.RATE_LIMITED);
  });

  it('starts windows on multiples of their length, not at the first event', async () => {
    clock.advance(50_000);
    await consumeTimes(RULE.limit);
    clock.advance(10_000);
    await consumeTimes(RULE.limit);
  });

  it('refuses the attempts the sign-in limits allow no more of', async () => {
    const rule = SIGN_IN_LIMITS.failuresPerAddress;
    await consumeTimes(rule.limit, rule, '127.0.0.1');
    clock.advance(rule.windowSeconds * 1000 - 1000);
    await expectUserError(limiter.reserve(rule, '127.0.0.1'), ErrorCode.RATE_LIMITED);
    await limiter.reserve(rule, '127.0.0.2');
  });

  it('keeps no subject in the store: its keys hold a hash of it, and expire after two windows', async () => {
    const subjects = [SUBJECT, '127.0.0.1', 'shu-staff'];
    for (const subject of subjects) await consumeTimes(1, RULE, subject);
    const keys = await underTest.keys(prefix);
    expect(keys).toHaveLength(subjects.length);
    const windowIndex = Math.floor(clock.now().getTime() / (RULE.windowSeconds * 1000));
    for (const key of keys) {
      expect(key).toMatch(new RegExp(`^${prefix}:${RULE.name}:[0-9a-f]{32}:${windowIndex}$`));
      for (const subject of subjects) expect(key).not.toContain(subject);
      const { count, ttlSeconds } = await underTest.inspect(key);
      expect(count).toBe(1);
      expect(ttlSeconds).toBeGreaterThan(RULE.windowSeconds);
      expect(ttlSeconds).toBeLessThanOrEqual(RULE.windowSeconds * 2);
    }
  });
});

describe('memoryRateLimitStore', () => {
  it('counts a key until its TTL passes on the clock, then starts again', async () => {
    const clock = new ManualClock(WINDOW_START);
    const store = memoryRateLimitStore(clock);
    expect(await store.increment('key', 10)).toBe(1);
    expect(await store.increment('key', 10)).toBe(2);
    expect(await store.count('key')).toBe(2);
    expect(await store.count('other')).toBe(0);
    clock.advance(9_999);
    expect(await store.count('key')).toBe(2);
    clock.advance(1);
    expect(await store.count('key')).toBe(0);
    expect(await store.increment('key', 10)).toBe(1);
    expect(await store.increment('key', 10, 3)).toBe(4);
    await store.decrement('key', 5);
    expect(await store.count('key')).toBe(0);
    await store.reset('key');
    await store.decrement('key', 1);
    expect(await store.count('key')).toBe(0);
    await store.close();
  });
});
