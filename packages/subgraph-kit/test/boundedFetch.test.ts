import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CircuitBreaker,
  FetchFailed,
  boundedFetch,
  boundedSend,
  createHttpPost,
  createLogger,
  isGraphQLRead,
} from '@xueshi/subgraph-kit';
import type { BoundedOptions, CircuitBreakerSettings, HttpAnswer, HttpPostInit } from '@xueshi/subgraph-kit';
import { afterEach, describe, expect, it } from 'vitest';

const silent = createLogger('bounded-fetch-test', { level: 'silent' });
const QUERY = JSON.stringify({ query: 'query Sessions { sessions { id } }' });
const MUTATION = JSON.stringify({ query: 'mutation Register { register(sessionId: "x") { id } }' });

/** A server that answers each request as `handle` says, counting them. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse, count: number) => void) {
  const seen = { count: 0 };
  const server: Server = createServer((req, res) => {
    seen.count++;
    handle(req, res, seen.count);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  servers.push(server);
  return { url, seen };
}
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

type Post = { method: string; headers: Record<string, string>; body: string };
type Sender = (url: string, init: Post) => Promise<{ status: number }>;

type Bounds = Omit<BoundedOptions<unknown>, 'retryable'>;

/** The same bounds over fetch (other services' calls) and over node:http (the gateway's subgraph calls). */
const senders: [string, (bounds: Bounds) => Sender][] = [
  ['fetch', (bounds) => boundedFetch({ ...bounds, retryable: isGraphQLRead })],
  [
    'node:http',
    (bounds) => boundedSend<string, HttpPostInit, HttpAnswer>({ ...bounds, retryable: isGraphQLRead }, createHttpPost()),
  ],
];

const post = (body: string): Post => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchFailed);
  return (error as FetchFailed).reason;
};

describe.each(senders)('bounded calls over %s', (_name, boundedOver) => {
  function bounded(settings: Partial<CircuitBreakerSettings> = {}, timeoutMs = 2_000, now?: () => number) {
    const breaker = new CircuitBreaker('sjtu', { failureThreshold: 2, openMs: 1_000, ...settings }, silent, now);
    return { breaker, send: boundedOver({ service: 'sjtu', timeoutMs, breaker }) };
  }

  it('gives up on a service that does not answer within the timeout', async () => {
    const { url } = await serve(() => undefined);
    const { send } = bounded({}, 300);
    const started = performance.now();
    expect(await failure(send(url, post(QUERY)))).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('sends a query once more when the connection was reset, a mutation never', async () => {
    const resetFirst = (req: IncomingMessage, res: ServerResponse, count: number) => {
      if (count === 1) req.socket.destroy();
      else res.end('{"data":{}}');
    };
    const query = await serve(resetFirst);
    expect((await bounded().send(query.url, post(QUERY))).status).toBe(200);
    expect(query.seen.count).toBe(2);

    const mutation = await serve(resetFirst);
    expect(await failure(bounded().send(mutation.url, post(MUTATION)))).toBe('unreachable');
    expect(mutation.seen.count).toBe(1);
  });

  it('opens the circuit after repeated failures, fails at once while open, and closes after a probe answers', async () => {
    let healthy = false;
    const { url, seen } = await serve((_req, res) => {
      res.statusCode = healthy ? 200 : 503;
      res.end('{}');
    });
    let now = 0;
    const { breaker, send } = bounded({ failureThreshold: 2, openMs: 1_000 }, 2_000, () => now);
    // A 5xx answer is handed back as it is, but counts against the circuit.
    expect((await send(url, post(QUERY))).status).toBe(503);
    expect((await send(url, post(QUERY))).status).toBe(503);
    expect(breaker.state).toBe('open');
    expect(await failure(send(url, post(QUERY)))).toBe('circuit-open');
    expect(seen.count).toBe(2);

    now = 1_000;
    expect(breaker.state).toBe('half-open');
    healthy = true;
    const probe = send(url, post(QUERY));
    // While the probe is out, everyone else still fails at once.
    expect(await failure(send(url, post(QUERY)))).toBe('circuit-open');
    expect((await probe).status).toBe(200);
    expect(breaker.state).toBe('closed');
    expect((await send(url, post(QUERY))).status).toBe(200);
    expect(seen.count).toBe(4);
  });

  it('opens again at once when the probe fails', async () => {
    const { url } = await serve((_req, res) => {
      res.statusCode = 502;
      res.end();
    });
    let now = 0;
    const { breaker, send } = bounded({ failureThreshold: 1, openMs: 500 }, 2_000, () => now);
    await send(url, post(QUERY));
    expect(breaker.state).toBe('open');
    now = 500;
    await send(url, post(QUERY));
    expect(breaker.state).toBe('open');
    now = 999;
    expect(breaker.state).toBe('open');
  });

  it('holds calls beyond maxInFlight back in order, each timed from when it is sent; one never sent fails overloaded', async () => {
    const held: ServerResponse[] = [];
    const { url, seen } = await serve((_req, res) => held.push(res));
    const breaker = new CircuitBreaker('sjtu', { failureThreshold: 1, openMs: 1_000 }, silent);
    const send = boundedOver({ service: 'sjtu', timeoutMs: 300, breaker, maxInFlight: 1 });
    const first = send(url, post(MUTATION));
    const second = send(url, post(MUTATION));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.count).toBe(1);
    held[0]?.end('{"data":{}}');
    expect((await first).status).toBe(200);
    // Waited 200 ms of its 300 before it was sent; its own 300 start now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.count).toBe(2);
    held[1]?.end('{"data":{}}');
    expect((await second).status).toBe(200);

    const [third, fourth] = await Promise.allSettled([send(url, post(MUTATION)), send(url, post(MUTATION))]);
    expect(third).toMatchObject({ status: 'rejected', reason: { reason: 'timeout', mayHaveArrived: true } });
    expect(fourth).toMatchObject({ status: 'rejected', reason: { reason: 'overloaded', mayHaveArrived: false } });
    expect(seen.count).toBe(3);
  });

  it('passes a freed slot to the longest waiting call, and does not hold a call never sent against the circuit', async () => {
    const held: { res: ServerResponse; body: string }[] = [];
    const { url } = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => held.push({ res, body }));
    });
    const breaker = new CircuitBreaker('sjtu', { failureThreshold: 1, openMs: 60_000 }, silent);
    const send = boundedOver({ service: 'sjtu', timeoutMs: 1_000, breaker, maxInFlight: 1 });
    const call = (name: string) =>
      send(url, post(JSON.stringify({ query: `mutation ${name} { register(sessionId: "x") { id } }` })));
    const received = () => held.map(({ body }) => (JSON.parse(body) as { query: string }).query.split(' ')[1]);
    const answer = (index: number) => held[index]?.res.end('{"data":{}}');
    const until = async (count: number) => {
      while (held.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };

    const first = call('First');
    await until(1);
    const second = call('Second');
    const third = call('Third');
    await new Promise((resolve) => setTimeout(resolve, 400));
    answer(0);
    await until(2);
    // The second waited longest and is sent; the third's wait runs out while the second is still out.
    const [thirdOutcome] = await Promise.allSettled([third]);
    expect(thirdOutcome).toMatchObject({ status: 'rejected', reason: { reason: 'overloaded', mayHaveArrived: false } });
    // With a threshold of one failure: the call never sent did not open the circuit.
    expect(breaker.state).toBe('closed');
    answer(1);
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);

    const fourth = call('Fourth');
    await until(3);
    answer(2);
    expect((await fourth).status).toBe(200);
    expect(received()).toEqual(['First', 'Second', 'Fourth']);
  });

  it('hands back the answer whole: status, headers and body', async () => {
    const { url } = await serve((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.statusCode = 400;
      res.end('{"errors":[{"message":"学时"}]}');
    });
    const answer = await bounded().send(url, post(QUERY));
    expect(answer.status).toBe(400);
    const body = 'body' in answer && typeof answer.body === 'string' ? answer.body : await (answer as Response).text();
    expect(JSON.parse(body)).toEqual({ errors: [{ message: '学时' }] });
  });
});

describe('isGraphQLRead', () => {
  it('tells reads from writes by the GraphQL body', () => {
    expect(isGraphQLRead(post(QUERY))).toBe(true);
    expect(isGraphQLRead(post(JSON.stringify({ query: '{ institutions { code } }' })))).toBe(true);
    expect(isGraphQLRead(post(MUTATION))).toBe(false);
    expect(isGraphQLRead(post('not json'))).toBe(false);
    expect(isGraphQLRead({})).toBe(false);
    // Bodies that do not begin as the gateway writes them are parsed.
    expect(isGraphQLRead(post(JSON.stringify({ variables: {}, query: '  query Q { a }' })))).toBe(true);
    expect(isGraphQLRead(post(JSON.stringify({ query: '\n mutation M { a }' })))).toBe(false);
    expect(isGraphQLRead(post(JSON.stringify({ query: 'subscription S { a }' })))).toBe(false);
    expect(isGraphQLRead(post(JSON.stringify({ query: 'queryX' })))).toBe(false);
  });
});
