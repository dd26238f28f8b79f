import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Clock } from './clock';
import { ErrorCode, UserError } from './errors';
import type { Logger } from './logger';

/** Counters that every replica shares (Redis), or that one process keeps (memory, the embedded demo). */
export interface RateLimitStore {
  /** Adds one to `key` and returns the new count; the key is forgotten after `ttlSeconds`. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  count(key: string): Promise<number>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

/** A store in this process's memory: right for one process, wrong behind a load balancer. */
export function memoryRateLimitStore(clock: Clock): RateLimitStore {
  const counters = new Map<string, { count: number; expiresAt: number }>();
  let nextSweep = 0;
  // Windows of addresses never seen again would otherwise stay forever.
  const sweep = () => {
    const now = clock.now().getTime();
    if (now < nextSweep) return;
    nextSweep = now + 60_000;
    for (const [key, counter] of counters) if (counter.expiresAt <= now) counters.delete(key);
  };
  const live = (key: string) => {
    sweep();
    const counter = counters.get(key);
    if (counter && counter.expiresAt <= clock.now().getTime()) counters.delete(key);
    return counters.get(key);
  };
  return {
    increment: async (key, ttlSeconds) => {
      const counter = live(key) ?? { count: 0, expiresAt: clock.now().getTime() + ttlSeconds * 1000 };
      counter.count += 1;
      counters.set(key, counter);
      return counter.count;
    },
    count: async (key) => live(key)?.count ?? 0,
    reset: async (key) => {
      counters.delete(key);
    },
    close: async () => counters.clear(),
  };
}

/**
 * A store in Redis, shared by every replica; throws on start when Redis cannot be reached. Later
 * outages make each call fail (callers refuse rather than go unlimited) while the client reconnects.
 */
export async function redisRateLimitStore(url: string, logger?: Logger): Promise<RateLimitStore> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
  redis.on('error', (error: Error) => logger?.warn({ err: error }, 'redis connection problem'));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return {
    increment: async (key, ttlSeconds) => {
      const results = await redis.multi().incr(key).expire(key, ttlSeconds).exec();
      const [error, count] = results?.[0] ?? [new Error('Redis returned no result'), 0];
      if (error) throw error;
      return Number(count);
    },
    count: async (key) => Number((await redis.get(key)) ?? 0),
    reset: async (key) => {
      await redis.del(key);
    },
    close: async () => {
      await redis.quit();
    },
  };
}

/** A limit: at most `limit` counted events per fixed window of `windowSeconds`. */
export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** RATE_LIMITED when `subject` has used up `rule` in the current window. */
  check(rule: RateLimitRule, subject: string): Promise<void>;
  /** Counts one event for `subject`; RATE_LIMITED when that goes over the limit. */
  consume(rule: RateLimitRule, subject: string): Promise<void>;
  /** Counts one event without refusing (e.g. a failed sign-in, refused on the next attempt). */
  record(rule: RateLimitRule, subject: string): Promise<void>;
  reset(rule: RateLimitRule, subject: string): Promise<void>;
}

/**
 * Fixed-window limits over a shared store. Windows follow the injected clock, so tests move time; the
 * subject (an ID number, an address) is hashed, so the store never holds it.
 */
export function createRateLimiter(store: RateLimitStore, clock: Clock, prefix = 'xueshi:rate'): RateLimiter {
  const window = (rule: RateLimitRule) => {
    const now = clock.now().getTime();
    const index = Math.floor(now / (rule.windowSeconds * 1000));
    return { index, retryAfter: Math.ceil(((index + 1) * rule.windowSeconds * 1000 - now) / 1000) };
  };
  const keyOf = (rule: RateLimitRule, subject: string) =>
    `${prefix}:${rule.name}:${createHash('sha256').update(subject).digest('hex').slice(0, 32)}:${window(rule).index}`;
  const refuse = (rule: RateLimitRule) =>
    new UserError(
      ErrorCode.RATE_LIMITED,
      { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; please try again later' },
      { retryAfterSeconds: window(rule).retryAfter },
    );
  return {
    check: async (rule, subject) => {
      if ((await store.count(keyOf(rule, subject))) >= rule.limit) throw refuse(rule);
    },
    consume: async (rule, subject) => {
      if ((await store.increment(keyOf(rule, subject), rule.windowSeconds * 2)) > rule.limit) throw refuse(rule);
    },
    record: async (rule, subject) => {
      await store.increment(keyOf(rule, subject), rule.windowSeconds * 2);
    },
    reset: (rule, subject) => store.reset(keyOf(rule, subject)),
  };
}

/**
 * The sign-in limits: failures per account, and failures per client address. Only failures count, so
 * an office of people signing in from one address at registration opening is never held up.
 */
export const SIGN_IN_LIMITS = {
  failuresPerAccount: { name: 'sign-in-failures', limit: 5, windowSeconds: 15 * 60 },
  failuresPerAddress: { name: 'sign-in-address-failures', limit: 30, windowSeconds: 10 * 60 },
} as const satisfies Record<string, RateLimitRule>;
