import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Clock } from './clock';
import { ErrorCode, UserError } from './errors';
import type { Logger } from './logger';

/** Counters that every replica shares (Redis), or that one process keeps (memory, the embedded demo). */
export interface RateLimitStore {
  /**
   * Adds `by` (default 1) to `key` and returns the new count, in one step no concurrent caller can come
   * between; the key is forgotten after `ttlSeconds`.
   */
  increment(key: string, ttlSeconds: number, by?: number): Promise<number>;
  /** Takes `by` off `key` in one step, never below zero; nothing when the key is gone. */
  decrement(key: string, by: number): Promise<void>;
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
    // No await between reading and writing a counter: one process's calls cannot interleave.
    increment: async (key, ttlSeconds, by = 1) => {
      const counter = live(key) ?? { count: 0, expiresAt: clock.now().getTime() + ttlSeconds * 1000 };
      counter.count += by;
      counters.set(key, counter);
      return counter.count;
    },
    decrement: async (key, by) => {
      const counter = live(key);
      if (counter) counter.count = Math.max(0, counter.count - by);
    },
    count: async (key) => live(key)?.count ?? 0,
    reset: async (key) => {
      counters.delete(key);
    },
    close: async () => counters.clear(),
  };
}

/** DECRBY on a key that still exists, floored at zero; DECRBY and INCRBY keep the key's TTL. */
const DECREMENT_TO_ZERO = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local count = redis.call('DECRBY', KEYS[1], ARGV[1])
if count < 0 then redis.call('INCRBY', KEYS[1], -count) end
return 0`;

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
    increment: async (key, ttlSeconds, by = 1) => {
      const results = await redis.multi().incrby(key, by).expire(key, ttlSeconds).exec();
      const [error, count] = results?.[0] ?? [new Error('Redis returned no result'), 0];
      if (error) throw error;
      return Number(count);
    },
    decrement: async (key, by) => {
      await redis.eval(DECREMENT_TO_ZERO, 1, key, by);
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

/** Events counted ahead of time; those that turn out not to count are given back. */
export interface Reservation {
  /** Gives back `events` of the reserved events (all by default), in the window they were counted in. */
  release(events?: number): Promise<void>;
}

export interface RateLimiter {
  /**
   * Counts `events` (default 1) for `subject` in one atomic step, before they happen: RATE_LIMITED, and
   * nothing counted, when that would go over the limit. Concurrent callers can never together exceed it,
   * as checking first and counting afterwards would let them.
   */
  reserve(rule: RateLimitRule, subject: string, events?: number): Promise<Reservation>;
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
    reserve: async (rule, subject, events = 1) => {
      const key = keyOf(rule, subject);
      if ((await store.increment(key, rule.windowSeconds * 2, events)) > rule.limit) {
        // Refused events never happen: giving them back leaves room for fewer at once.
        await store.decrement(key, events);
        throw refuse(rule);
      }
      let held = events;
      return {
        release: async (count = held) => {
          const given = Math.min(count, held);
          held -= given;
          if (given > 0) await store.decrement(key, given);
        },
      };
    },
    reset: (rule, subject) => store.reset(keyOf(rule, subject)),
  };
}

/**
 * The sign-in limits: attempts per account, and per client address. Every attempt is reserved before
 * its password is checked; only failures stay counted (successes are given back), so an office of
 * people signing in from one address at registration opening is never held up, while no number of
 * parallel guesses checks more passwords than the limit (ADR 0010).
 */
export const SIGN_IN_LIMITS = {
  failuresPerAccount: { name: 'sign-in-failures', limit: 5, windowSeconds: 15 * 60 },
  failuresPerAddress: { name: 'sign-in-address-failures', limit: 30, windowSeconds: 10 * 60 },
} as const satisfies Record<string, RateLimitRule>;

/** How many sign-ups one client address and one mobile may attempt. */
export interface SignUpLimits {
  perAddress: RateLimitRule;
  perMobile: RateLimitRule;
}

/**
 * Sign-up limits. Every attempt counts, whatever its answer, and is reserved before the ID number is
 * looked at: probing which ID numbers have an account (CONFLICT) or claiming them runs at a trickle.
 * Production is tight; the embedded demo lets a script sign up a few dozen test learners.
 */
export const SIGN_UP_LIMITS = {
  production: {
    perAddress: { name: 'sign-up-address', limit: 10, windowSeconds: 60 * 60 },
    perMobile: { name: 'sign-up-mobile', limit: 3, windowSeconds: 24 * 60 * 60 },
  },
  demo: {
    perAddress: { name: 'sign-up-address', limit: 100, windowSeconds: 60 * 60 },
    perMobile: { name: 'sign-up-mobile', limit: 100, windowSeconds: 60 * 60 },
  },
} as const satisfies Record<string, SignUpLimits>;

/**
 * The public transcript verification page. Per client address at the gateway, which the public goes
 * through. The registry, reached directly, counts per connecting address too; through the gateway that
 * address is the gateway's, so its limit is a backstop sized for all the public's verifications at once.
 */
export const VERIFICATION_LIMITS = {
  perClient: { name: 'verify-client', limit: 30, windowSeconds: 60 },
  perConnection: { name: 'verify-connection', limit: 300, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;
