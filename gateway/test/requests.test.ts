import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/create';
import type { GraphQLResponse } from './support/gateway';
import { NOWHERE, post, send, startStubRegistry, startTestGateway } from './support/gateway';

const ONE_MB = 1024 * 1024;
const UNREACHABLE = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, NOWHERE]));
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A JSON body of exactly `bytes` bytes that asks for `{ __typename }`, padded with a variable. */
function bodyOf(bytes: number): string {
  const frame = (pad: string) => `{"query":"{ __typename }","variables":{"pad":"${pad}"}}`;
  return frame('x'.repeat(bytes - Buffer.byteLength(frame(''))));
}

/** A JSON error body, not Express's HTML page, with its code. */
function expectJsonError(response: Awaited<ReturnType<typeof send>>, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.text).not.toMatch(/<html|<pre|at .*\.js:\d+/i);
  const body = response.json();
  expect(body.errors?.[0]?.extensions?.['code']).toBe(code);
  return body;
}

describe('request bodies', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ development: false, subgraphUrls: UNREACHABLE });
  });
  afterAll(() => gateway?.close());

  it('takes a body of exactly 1 MB and refuses 1 MB and a byte with 413 and a JSON error', async () => {
    const atLimit = await send(gateway.url, { headers: JSON_HEADERS, body: bodyOf(ONE_MB) });
    expect(atLimit.status).toBe(200);
    expect(atLimit.json()).toEqual({ data: { __typename: 'Query' } });

    const over = await send(gateway.url, { headers: JSON_HEADERS, body: bodyOf(ONE_MB + 1) });
    const body = expectJsonError(over, 413, 'BAD_REQUEST');
    expect(body.errors?.[0]?.message).toBe('请求过大 (Request body too large)');
    expect(body.errors?.[0]?.extensions).toMatchObject({ zh: '请求过大', en: 'Request body too large' });
  });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const response = await send(gateway.url, { headers: JSON_HEADERS, body: '{"query": "{ __typename }", ' });
    const body = expectJsonError(response, 400, 'BAD_REQUEST');
    expect(body.errors?.[0]?.message).toBe('请求格式错误 (Malformed request)');
  });
});

describe('batched requests', () => {
  let registry: Awaited<ReturnType<typeof startStubRegistry>>;
  let gateway: RunningGateway;
  const batchOf = (count: number) =>
    // Distinct operations: identical ones in flight at once would share one subgraph fetch (ADR 0017).
    JSON.stringify(Array.from({ length: count }, (_, index) => ({ query: `{ institutions${index}: institutions { name } }` })));

  beforeAll(async () => {
    registry = await startStubRegistry();
    gateway = await startTestGateway({ development: false, subgraphUrls: { ...UNREACHABLE, registry: registry.url } });
  });
  afterAll(async () => {
    await gateway?.close();
    await registry?.close();
  });

  it('runs a batch of 10 operations and answers each', async () => {
    const before = registry.operations.count;
    const response = await send(gateway.url, { headers: JSON_HEADERS, body: batchOf(10) });
    expect(response.status).toBe(200);
    const results = response.json<GraphQLResponse<Record<string, { name: string }[]>>[]>();
    expect(results).toHaveLength(10);
    results.forEach((result, index) =>
      expect(result).toEqual({ data: { [`institutions${index}`]: [{ name: '上海继续工程教育协会' }] } }),
    );
    expect(registry.operations.count - before).toBe(10);
  });

  it('refuses a batch of 11 with 400 and a JSON error before any of it runs', async () => {
    const before = registry.operations.count;
    const response = await send(gateway.url, { headers: JSON_HEADERS, body: batchOf(11) });
    const body = expectJsonError(response, 400, 'BAD_REQUEST');
    expect(body.errors?.[0]?.extensions).toMatchObject({ maxOperations: 10 });
    expect(body.errors?.[0]?.message).toMatch(/最多.*10.*\(A batch may hold at most 10 operations; this one holds 11\)$/);
    expect(registry.operations.count).toBe(before);
  });

  it('takes its limit from the configuration', async () => {
    const two = await startTestGateway({ development: false, subgraphUrls: UNREACHABLE, maxBatchOperations: 2 });
    try {
      const typenames = (count: number) => JSON.stringify(Array.from({ length: count }, () => ({ query: '{ __typename }' })));
      expect((await send(two.url, { headers: JSON_HEADERS, body: typenames(2) })).status).toBe(200);
      expectJsonError(await send(two.url, { headers: JSON_HEADERS, body: typenames(3) }), 400, 'BAD_REQUEST');
    } finally {
      await two.close();
    }
  });
});

describe('cross-site request forgery', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ development: false, subgraphUrls: UNREACHABLE });
  });
  afterAll(() => gateway?.close());

  it('refuses a GET with a query and no preflight header, and answers one that has it', async () => {
    const url = `${gateway.url}?query=${encodeURIComponent('{ __typename }')}`;
    const refused = await send(url, { method: 'GET', headers: {} });
    expectJsonError(refused, 400, 'BAD_REQUEST');
    expect(refused.text).toMatch(/CSRF/);
    const preflighted = await send(url, { method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a POST a form could send (text/plain), and answers an application/json POST', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    expectJsonError(await send(gateway.url, { headers: { 'content-type': 'text/plain' }, body }), 400, 'BAD_REQUEST');
    expect(await post(gateway.url, '{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
  });
});

describe('cross-origin browsers', () => {
  const ALLOWED = 'http://localhost:5173';
  let allowing: RunningGateway;
  let unconfigured: RunningGateway;

  const preflight = (gateway: RunningGateway, origin: string) =>
    send(gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });

  beforeAll(async () => {
    allowing = await startTestGateway({
      development: false,
      subgraphUrls: UNREACHABLE,
      corsOrigins: [ALLOWED, 'https://xueshi.example.cn'],
    });
    unconfigured = await startTestGateway({ development: false, subgraphUrls: UNREACHABLE });
  });
  afterAll(async () => {
    await allowing?.close();
    await unconfigured?.close();
  });

  it('answers a preflight from an allowed origin with that origin, the methods and the headers asked for', async () => {
    const response = await preflight(allowing, ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(response.headers['access-control-allow-methods']).toBe('GET,POST,PUT');
    expect(response.headers['access-control-allow-headers']).toBe('content-type,authorization');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['vary']).toMatch(/origin/i);
  });

  it('gives the allowed origin its answer too', async () => {
    const response = await send(allowing.url, {
      headers: { ...JSON_HEADERS, origin: ALLOWED },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('allows no other origin', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:5174', 'null']) {
      expect((await preflight(allowing, origin)).headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('allows no origin at all unless configured', async () => {
    expect((await preflight(unconfigured, ALLOWED)).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('schema details in error messages', () => {
  const MISSPELT = '{ institutons { code } }';
  const INTROSPECTION = '{ __schema { queryType { name } } }';
  let development: RunningGateway;
  let production: RunningGateway;

  beforeAll(async () => {
    development = await startTestGateway({ development: true, subgraphUrls: UNREACHABLE });
    production = await startTestGateway({ development: false, subgraphUrls: UNREACHABLE });
  });
  afterAll(async () => {
    await development?.close();
    await production?.close();
  });

  it('suggests the field meant, and answers introspection, in development', async () => {
    const misspelt = await post(development.url, MISSPELT);
    expect(misspelt.status).toBe(400);
    expect(misspelt.errors?.[0]?.message).toMatch(/Did you mean "institutions"/);
    expect(await post(development.url, INTROSPECTION)).toEqual({
      status: 200,
      data: { __schema: { queryType: { name: 'Query' } } },
    });
  });

  it('suggests nothing, and refuses introspection, in production', async () => {
    const misspelt = await post(production.url, MISSPELT);
    expect(misspelt.status).toBe(400);
    expect(misspelt.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(misspelt.errors?.[0]?.message).toMatch(/institutons/);
    expect(misspelt.errors?.[0]?.message).not.toMatch(/Did you mean|institutions/);
    const introspection = await post(production.url, INTROSPECTION);
    expect(introspection.status).toBe(400);
    expect(introspection.data ?? null).toBeNull();
  });
});
