import type { Logger } from './logger';

export interface CircuitBreakerSettings {
  /** Consecutive failures (timeouts, unreachable, HTTP 5xx) that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit fails every call at once before it lets one probe through. */
  openMs: number;
}

export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerSettings = { failureThreshold: 5, openMs: 10_000 };

/** The longest a service waits for another's answer unless told otherwise. */
export const DEFAULT_FETCH_TIMEOUT_MS = 5_000;

/**
 * Calls the gateway has out to one subgraph at once unless told otherwise (ADR 0041): far more than a
 * subgraph's database pool serves at once, so it only holds back a burst the subgraph could not answer
 * in time anyway, which then waits in the gateway rather than inside the subgraph, against its timeout.
 */
export const DEFAULT_SUBGRAPH_MAX_IN_FLIGHT = 64;

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Why a call to another service got no answer; 'overloaded': it waited its turn behind `maxInFlight`
 * calls for as long as it may and was never sent.
 */
export type FetchFailure = 'timeout' | 'unreachable' | 'circuit-open' | 'overloaded';

/**
 * A call to another service that got no usable answer; `reason` says why, and `mayHaveArrived` whether
 * the service may have received it and acted (timed out, or the connection dropped after sending).
 */
export class FetchFailed extends Error {
  constructor(
    readonly service: string,
    readonly reason: FetchFailure,
    options?: { cause?: unknown; mayHaveArrived?: boolean },
  ) {
    super(`${service}: ${reason}`, options);
    this.name = 'FetchFailed';
    this.mayHaveArrived = options?.mayHaveArrived ?? false;
  }

  readonly mayHaveArrived: boolean;
}

/**
 * One service's circuit: closed while it answers; open after `failureThreshold` failures in a row, when
 * every call fails at once; half-open after `openMs`, when one probe decides whether it closes again.
 * So a dead service costs callers nothing while it is dead, and is used again as soon as it answers.
 */
export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probing = false;

  constructor(
    readonly service: string,
    private readonly settings: CircuitBreakerSettings,
    private readonly logger: Logger,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get state(): CircuitState {
    if (this.#state === 'open' && this.now() - this.#openedAt >= this.settings.openMs) this.#state = 'half-open';
    return this.#state;
  }

  /** Whether a call may go out now; in half-open, only the one probe may. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.#probing) return false;
    this.#probing = true;
    return true;
  }

  succeeded(): void {
    if (this.#state !== 'closed') this.logger.info({ service: this.service }, 'circuit closed: the service answers again');
    this.#state = 'closed';
    this.#failures = 0;
    this.#probing = false;
  }

  failed(): void {
    this.#failures++;
    const probeFailed = this.#state === 'half-open';
    this.#probing = false;
    if (probeFailed || (this.#state === 'closed' && this.#failures >= this.settings.failureThreshold)) {
      if (!probeFailed) {
        this.logger.warn({ service: this.service, failures: this.#failures }, 'circuit opened: calls fail at once for a while');
      }
      this.#state = 'open';
      this.#openedAt = this.now();
    }
  }
}

export interface BoundedOptions<Init> {
  /** The service called, for errors and logs. */
  service: string;
  timeoutMs: number;
  breaker: CircuitBreaker;
  /**
   * Whether a request may be sent again after the connection was reset before any answer: true only
   * for reads, since a write may have happened before the reset.
   */
  retryable: (init: Init) => boolean;
  /**
   * Calls out to the service at once; more wait their turn, in order, for at most `timeoutMs` each, and
   * one not sent by then fails 'overloaded'. A call's own timeout starts when it is sent. Unbounded
   * when absent.
   */
  maxInFlight?: number;
}

export interface BoundedFetchOptions extends BoundedOptions<RequestInit> {
  fetch?: typeof fetch;
}

/** What a bounded call needs of its request and its answer. */
interface Signalled {
  signal?: AbortSignal | null;
}
interface WithStatus {
  readonly status: number;
}

/**
 * At most `size` holders at once; the rest wait in arrival order. `acquire` resolves with the release
 * function, or with null when `waitMs` passed (or `signal` aborted) first, leaving the queue.
 */
class Slots {
  #free: number;
  readonly #waiting: ((release: () => void) => boolean)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  acquire(waitMs: number, signal?: AbortSignal | null): Promise<(() => void) | null> {
    if (this.#free > 0 && this.#waiting.length === 0) {
      this.#free--;
      return Promise.resolve(this.#releaser());
    }
    if (signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      let settled = false;
      const giveUp = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', giveUp);
        resolve(null);
      };
      const timer = setTimeout(giveUp, waitMs);
      signal?.addEventListener('abort', giveUp, { once: true });
      this.#waiting.push((release) => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', giveUp);
        resolve(release);
        return true;
      });
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes to the first waiter still waiting; those that gave up are skipped.
      for (let next = this.#waiting.shift(); next; next = this.#waiting.shift()) {
        if (next(this.#releaser())) return;
      }
      this.#free++;
    };
  }
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Whether a fetch failed because the connection was dropped, as opposed to refused or timed out. */
function wasReset(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ('code' in cause && typeof cause.code === 'string' && RESET_CODES.has(cause.code)) return true;
  }
  return false;
}

const isTimeout = (error: unknown) => error instanceof DOMException && error.name === 'TimeoutError';

/**
 * `fetch`, bounded: each attempt must answer within `timeoutMs`; a read is sent once more if the
 * connection was reset, nothing else is retried; calls fail at once (FetchFailed 'circuit-open') while
 * the service's circuit is open. A 5xx answer counts against the circuit but is returned as it is.
 * With `maxInFlight`, calls beyond it wait their turn here (see BoundedOptions); one that never got
 * its turn fails 'overloaded', is known not to have arrived, and does not count against the circuit.
 */
export function boundedFetch(options: BoundedFetchOptions): typeof fetch {
  const bounded = boundedSend(options, options.fetch ?? fetch);
  return (input, init = {}) => bounded(input, init);
}

/**
 * Any sender, bounded as `boundedFetch` bounds fetch. A call's slot is held until `send` resolves: a
 * GraphQL service has done its work once the answer's headers arrive.
 */
export function boundedSend<Target, Init extends Signalled, Answer extends WithStatus>(
  options: BoundedOptions<Init>,
  send: (target: Target, init: Init) => Promise<Answer>,
): (target: Target, init: Init) => Promise<Answer> {
  const slots = options.maxInFlight === undefined ? null : new Slots(options.maxInFlight);
  const attempt = sentWithinBounds(options, send);
  if (!slots) return attempt;
  return async (target, init) => {
    if (options.breaker.state === 'open') throw new FetchFailed(options.service, 'circuit-open');
    const release = await slots.acquire(options.timeoutMs, init.signal);
    if (!release) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw new FetchFailed(options.service, 'overloaded');
    }
    try {
      return await attempt(target, init);
    } finally {
      release();
    }
  };
}

/** One call: the circuit asked, each attempt timed, a read sent again after a reset (no waiting turn). */
function sentWithinBounds<Target, Init extends Signalled, Answer extends WithStatus>(
  options: BoundedOptions<Init>,
  send: (target: Target, init: Init) => Promise<Answer>,
): (target: Target, init: Init) => Promise<Answer> {
  return async (target, init) => {
    if (!options.breaker.tryAcquire()) throw new FetchFailed(options.service, 'circuit-open');
    const attempts = options.retryable(init) ? 2 : 1;
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      try {
        const answer = await send(target, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
        if (answer.status >= 500) options.breaker.failed();
        else options.breaker.succeeded();
        return answer;
      } catch (error) {
        if (attempt < attempts && wasReset(error)) continue;
        options.breaker.failed();
        if (init.signal?.aborted) throw error;
        const timedOut = isTimeout(error);
        throw new FetchFailed(options.service, timedOut ? 'timeout' : 'unreachable', {
          cause: error,
          mayHaveArrived: timedOut || wasReset(error),
        });
      }
    }
  };
}

/** How the gateway's and JSON.stringify's GraphQL bodies begin, so most are told apart without parsing. */
const QUERY_FIELD = '{"query":"';

/** Whether a GraphQL request body (JSON) holds a query, which may be sent again; mutations never are. */
export function isGraphQLRead(init: { body?: unknown }): boolean {
  if (typeof init.body !== 'string') return false;
  if (init.body.startsWith(QUERY_FIELD)) {
    const operation = init.body.slice(QUERY_FIELD.length, QUERY_FIELD.length + 13);
    if (/^(query\b|\{)/.test(operation)) return true;
    if (/^(mutation|subscription)\b/.test(operation)) return false;
  }
  try {
    const { query } = JSON.parse(init.body) as { query?: unknown };
    return typeof query === 'string' && isReadOperation(query);
  } catch {
    return false;
  }
}

/** Whether an operation's text (one operation, as the gateway sends a subgraph) is a query. */
export function isReadOperation(query: string): boolean {
  return /^\s*(query\b|\{)/.test(query);
}
