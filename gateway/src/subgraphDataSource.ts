import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  CircuitBreaker,
  ErrorCode,
  FetchFailed,
  InFlight,
  UserError,
  boundedSend,
  createHttpPost,
  isGraphQLRead,
  isReadOperation,
} from '@xueshi/subgraph-kit';
import type { CircuitBreakerSettings, HttpAnswer, HttpPostInit, Logger } from '@xueshi/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './create';
import { SharedAnswers } from './sharedAnswers';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * Marks a subgraph request that may share an identical one in flight (see `shareable`); the data
 * source's fetcher removes it before sending.
 */
const SHAREABLE = 'x-xueshi-shareable';

/**
 * Only the fetches of a query are shared (a query's plan fetches nothing but queries), so no mutation,
 * nor any fetch made for a mutation, is ever answered from another caller's request.
 */
function shareable(options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  return 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'query';
}

/**
 * A response to a subgraph's answer, read whole: what @apollo/gateway reads of a fetch response, served
 * from the answer's text, which each request sharing it parses into its own objects. A fetch `Response`
 * would wrap the text in web streams, which cost more than the parse itself.
 */
class AnswerResponse implements FetcherResponse {
  readonly redirected = false;
  readonly headers: Headers;
  private used = false;

  constructor(private readonly answer: HttpAnswer) {
    this.headers = new Headers(answer.headers.map(([name, value]): [string, string] => [name, value]));
  }

  get url(): string {
    return this.answer.url;
  }
  get status(): number {
    return this.answer.status;
  }
  get statusText(): string {
    return this.answer.statusText;
  }
  get ok(): boolean {
    return this.answer.status >= 200 && this.answer.status < 300;
  }
  get bodyUsed(): boolean {
    return this.used;
  }

  /** The body, once, as a fetch response gives it. */
  async text(): Promise<string> {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.answer.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = new TextEncoder().encode(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  clone(): FetcherResponse {
    if (this.used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new AnswerResponse(this.answer);
  }
}

/** How long the gateway waits for a subgraph, and when it stops asking one that does not answer. */
export interface SubgraphFetchLimits {
  timeoutMs: number;
  breaker: CircuitBreakerSettings;
  /** Fetches out to the subgraph at once; more wait their turn in the gateway (boundedFetch's `maxInFlight`). */
  maxInFlight: number;
  /** The longest an answer the subgraph marks public is given again (ADR 0054); 0: never. */
  sharedAnswersMaxAgeMs: number;
}

/**
 * The GraphQL errors of a subgraph's HTTP 4xx answer (a variable its scalar refused, a bad token), which
 * @apollo/gateway reports as "400: Bad Request" with the subgraph's URL and raw body; null for anything
 * else. The subgraph formatted (and masked) them itself, as it does the errors of a 200.
 */
function refusalOf(error: unknown): GraphQLFormattedError[] | null {
  if (!(error instanceof GraphQLError)) return null;
  const response: unknown = error.extensions['response'];
  if (typeof response !== 'object' || response === null || !('status' in response) || !('body' in response)) return null;
  const { status, body } = response;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return null;
  const errors = body.errors.filter(
    (entry: unknown): entry is GraphQLFormattedError =>
      typeof entry === 'object' && entry !== null && 'message' in entry && typeof entry.message === 'string',
  );
  return errors.length > 0 ? errors : null;
}

/**
 * How a fetch was answered without reaching its subgraph: joined to an identical one in flight (ADR 0017)
 * or given an answer the subgraph marked public (ADR 0054).
 */
export type SharedHow = 'in_flight' | 'kept';

/** Headers that name the request and its trace (metrics.ts sets them), left out of the sharing key. */
const PROPAGATION_HEADERS = new Set(['x-request-id', 'traceparent']);

/**
 * Forwards the caller's token to every subgraph (a subgraph never trusts the gateway's word for who
 * calls); lets identical read requests in flight at once share one fetch, keyed by everything sent (the
 * subgraph's URL, every header, the caller's authorization included, and the body: query, variables and
 * operation name), each getting its own parsed copy of the answer (ADR 0017); gives an answer the
 * subgraph marked public to anyone sending the same request while it lasts (ADR 0054); passes on a subgraph's refusal of a request as its typed errors; and turns a subgraph that
 * cannot be reached or fails wholesale into a typed UNAVAILABLE error. Neither reveals its address.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly name: string,
    url: string,
    private readonly logger: Logger,
    limits: SubgraphFetchLimits,
    /** Told of each fetch answered without reaching the subgraph, so metrics count what it was really asked. */
    countShared: (how: SharedHow) => void = () => undefined,
  ) {
    const send = boundedSend(
      {
        service: name,
        timeoutMs: limits.timeoutMs,
        breaker: new CircuitBreaker(name, limits.breaker, logger),
        retryable: isGraphQLRead,
        maxInFlight: limits.maxInFlight,
      },
      createHttpPost(),
    );
    super({ url });
    const inFlight = new InFlight<HttpAnswer>();
    const sharedAnswers = limits.sharedAnswersMaxAgeMs > 0 ? new SharedAnswers(limits.sharedAnswersMaxAgeMs) : undefined;
    const ask = async (target: string, sent: HttpPostInit, shared: boolean): Promise<HttpAnswer> => {
      if (!shared) return send(target, sent);
      // The ids every request carries differ each time and do not change the answer; a shared fetch
      // carries those of the request that started it.
      const answerHeaders = Object.entries(sent.headers ?? {}).filter(([name]) => !PROPAGATION_HEADERS.has(name.toLowerCase()));
      const key = JSON.stringify([target, answerHeaders.sort(([a], [b]) => (a < b ? -1 : 1)), sent.body]);
      let started = false;
      const answer = inFlight.run(key, () => {
        started = true;
        return send(target, sent);
      });
      if (!started) countShared('in_flight');
      return answer;
    };
    this.fetcher = async (target, init = {}) => {
      const { [SHAREABLE]: shared, ...headers } = init.headers ?? {};
      // The gateway sends JSON text bodies.
      const body = typeof init.body === 'string' ? init.body : undefined;
      const sent: HttpPostInit = { headers, body, signal: init.signal };
      if (!sharedAnswers || body === undefined) return new AnswerResponse(await ask(target, sent, shared !== undefined));
      if (!isGraphQLRead(sent)) {
        sharedAnswers.forget();
        return new AnswerResponse(await send(target, sent));
      }
      // An answer the subgraph said is everyone's is given to anyone sending the same body (ADR 0054).
      const kept = sharedAnswers.get(body);
      if (kept) {
        countShared('kept');
        return new AnswerResponse(kept);
      }
      const asked = sharedAnswers.ask();
      const answer = await ask(target, sent, shared !== undefined);
      sharedAnswers.keep(body, answer, asked);
      return new AnswerResponse(answer);
    };
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    if ('authorization' in context && context.authorization) {
      request.http?.headers.set('authorization', context.authorization);
    }
    if (shareable(options)) request.http?.headers.set(SHAREABLE, '1');
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return { errors: refusal };
      if (error instanceof GraphQLError && !('response' in error.extensions)) throw error;
      const reason = error instanceof FetchFailed ? error.reason : 'bad-answer';
      // An open circuit was logged when it opened; each call it turns away is not news.
      if (reason !== 'circuit-open') this.logger.warn({ err: error, subgraph: this.name, reason }, 'subgraph unreachable');
      // A change sent without an answer may still have been made: say so, rather than invite a blind retry.
      const outcomeUnknown =
        error instanceof FetchFailed && error.mayHaveArrived && !isReadOperation(options.request.query ?? '');
      throw new UserError(
        ErrorCode.UNAVAILABLE,
        outcomeUnknown
          ? {
              zh: `服务 ${this.name} 未及时答复，操作可能已经完成，请先查看结果再决定是否重试`,
              en: `The ${this.name} service did not answer in time; the change may have been made, so check before trying again`,
            }
          : {
              zh: `服务 ${this.name} 暂时不可用，请稍后再试`,
              en: `The ${this.name} service is unavailable; please try again later`,
            },
        { serviceName: this.name, reason, ...(outcomeUnknown ? { outcomeUnknown: true } : {}) },
      );
    }
  }
}
