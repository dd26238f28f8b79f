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

export type CircuitState = 'closed' | 'open' | 'half-open';

/** Why a call to another service got no answer. */
export type FetchFailure = 'timeout' | 'unreachable' | 'circuit-open';

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

export interface BoundedFetchOptions {
  /** The service called, for errors and logs. */
  service: string;
  timeoutMs: number;
  breaker: CircuitBreaker;
  /**
   * Whether a request may be sent again after the connection was reset before any answer: true only
   * for reads, since a write may have happened before the reset.
   */
  retryable: (init: RequestInit) => boolean;
  fetch?: typeof fetch;
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
 */
export function boundedFetch(options: BoundedFetchOptions): typeof fetch {
  const send = options.fetch ?? fetch;
  return async (input, init = {}) => {
    if (!options.breaker.tryAcquire()) throw new FetchFailed(options.service, 'circuit-open');
    const attempts = options.retryable(init) ? 2 : 1;
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      try {
        const response = await send(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
        if (response.status >= 500) options.breaker.failed();
        else options.breaker.succeeded();
        return response;
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

/** Whether a GraphQL request body (JSON) holds a query, which may be sent again; mutations never are. */
export function isGraphQLRead(init: RequestInit): boolean {
  if (typeof init.body !== 'string') return false;
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
