import {
  createLogger,
  createTokenSigner,
  createTokenVerifier,
  generateSigningKeys,
  startSubgraphServer,
} from '@xueshi/subgraph-kit';
import type { Caller, Database, Db, RunningServer, TokenSigner } from '@xueshi/subgraph-kit';
import { ManualClock } from '@xueshi/subgraph-kit/testing';
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TYPE_DEFS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
  type Query {
    hello: String!
    "Answers once the test opens the gate, to hold a request in flight."
    slow: String!
    "Reads the database: fails as the driver does while it is out of reach."
    pinged: Boolean!
  }
`);

/** A database that is never queried: only its ping matters here, and the test decides how that goes. */
function fakeDatabase() {
  const state = { down: false, hung: false, closed: false };
  const database: Database = {
    kind: 'pglite',
    poolSize: 1,
    observe: () => undefined,
    trace: () => undefined,
    schema: 'tiny',
    db: {} as Db,
    raw: {
      query: () => Promise.reject(new Error('not used')),
      exec: () => Promise.reject(new Error('not used')),
      transaction: () => Promise.reject(new Error('not used')),
    },
    statements: { count: 0 },
    ping: async () => {
      // As Node reports a refused connection: the address in the message, the reason in the code.
      if (state.down) throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432'), { code: 'ECONNREFUSED' });
      if (state.hung) await new Promise(() => undefined);
    },
    close: async () => {
      state.closed = true;
    },
  };
  return { database, state };
}

function gate(): { opened: Promise<unknown>; open(): void } {
  let open: (value?: unknown) => void = () => undefined;
  const opened = new Promise((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
}

describe('startSubgraphServer', () => {
  let server: RunningServer;
  let base: string;
  let signer: TokenSigner;
  const fake = fakeDatabase();
  let slowGate = gate();
  let slowStarted = gate();

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const clock = new ManualClock('2021-02-22T10:00:00+08:00');
    const keys = await generateSigningKeys('server-test');
    signer = await createTokenSigner(keys.privateJwk, clock);
    server = await startSubgraphServer<{ caller: Caller | null }>(
      {
        name: 'tiny',
        typeDefs: TYPE_DEFS,
        resolvers: {
          Query: {
            hello: (_: unknown, _args: unknown, context: { caller: Caller | null }) =>
              `你好 ${context.caller?.subject ?? 'guest'}`,
            slow: async () => {
              slowStarted.open();
              await slowGate.opened;
              return 'done';
            },
            pinged: async () => {
              await fake.database.ping();
              return true;
            },
          },
        },
        database: fake.database,
        verifier: await createTokenVerifier(keys.publicJwk, clock),
        logger: createLogger('tiny', { level: 'silent' }),
        createContext: (caller) => ({ caller }),
      },
      { port: 0 },
    );
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.close());

  it('listens on a free port and names it in its URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/graphql`);
  });

  it('answers /health, and /ready while the database answers its ping', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', service: 'tiny' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', service: 'tiny', database: 'pglite' });
  });

  it('answers /ready with 503 while the database ping fails, saying why but not where it is, and recovers', async () => {
    fake.state.down = true;
    try {
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      const text = await ready.text();
      expect(JSON.parse(text)).toEqual({
        status: 'database unavailable',
        service: 'tiny',
        reason: 'the pglite database cannot be reached (ECONNREFUSED)',
      });
      expect(text).not.toContain('10.0.0.9');
      // Liveness is not readiness: a database outage must not get the process restarted.
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      fake.state.down = false;
    }
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('answers /ready with 503 within its bound while the database does not answer at all', async () => {
    fake.state.hung = true;
    try {
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'database unavailable',
        service: 'tiny',
        reason: 'the pglite database did not answer within 2000 ms',
      });
    } finally {
      fake.state.hung = false;
    }
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('answers a resolver whose database is out of reach with UNAVAILABLE in both languages, not an internal error', async () => {
    fake.state.down = true;
    try {
      const answer = (await (await post({ query: '{ pinged }' })).json()) as {
        errors: { message: string; path: string[]; extensions: Record<string, unknown> }[];
      };
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors[0]?.path).toEqual(['pinged']);
      expect(answer.errors[0]?.extensions).toEqual({
        code: 'UNAVAILABLE',
        zh: '数据库暂时无法访问，本次操作未执行，请稍后重试',
        en: 'The database is out of reach for the moment; nothing was done, please try again shortly',
      });
      expect(JSON.stringify(answer)).not.toContain('10.0.0.9');
    } finally {
      fake.state.down = false;
    }
    expect(await (await post({ query: '{ pinged }' })).json()).toEqual({ data: { pinged: true } });
  });

  it('serves /graphql with the verified caller in the context', async () => {
    const anonymous = await post({ query: '{ hello }' });
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ data: { hello: '你好 guest' } });
    const token = await signer.sign({ role: 'LEARNER', subject: 'learner-1' });
    const signedIn = await post({ query: '{ hello }' }, { authorization: `Bearer ${token}` });
    expect(await signedIn.json()).toEqual({ data: { hello: '你好 learner-1' } });
  });

  it('never runs a resolver for a request whose token is bad', async () => {
    const response = await post({ query: '{ hello }' }, { authorization: 'Bearer not.a.token' });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
  });

  it('answers a bad token with 401 and UNAUTHENTICATED', async () => {
    const response = await post({ query: '{ hello }' }, { authorization: 'Bearer not.a.token' });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.status).toBe(401);
  });

  it('is a federation subgraph: it answers _service { sdl }', async () => {
    const body = (await (await post({ query: '{ _service { sdl } }' })).json()) as { data: { _service: { sdl: string } } };
    expect(body.data._service.sdl).toContain('slow: String!');
  });

  it('refuses a GET without a preflight header and a text/plain POST (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ hello }');
    // Under Vitest the CSRF message itself is masked (see errors.test.ts), so the proof that CSRF
    // prevention refused them is that the same requests made non-simple are served.
    const simpleGet = await fetch(`${server.url}?query=${query}`);
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.json()).not.toHaveProperty('data');

    const textPost = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(textPost.status).toBe(400);
    expect(await textPost.json()).not.toHaveProperty('data');

    const jsonPost = await post({ query: '{ hello }' });
    expect(await jsonPost.json()).toEqual({ data: { hello: '你好 guest' } });
    const preflighted = await fetch(`${server.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { hello: '你好 guest' } });
  });

  it('refuses a body over 1 MB with 413 and accepts one just under', async () => {
    const padding = (size: number) => ({ query: '{ hello }', variables: { padding: 'x'.repeat(size) } });
    const tooLarge = await post(padding(1024 * 1024));
    expect(tooLarge.status).toBe(413);
    const justUnder = await post(padding(1024 * 1024 - 200));
    expect(justUnder.status).toBe(200);
  });

  it('refuses a body over 1 MB sent in chunks without a declared length with 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(server.url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write(`{"query":"{ hello }","variables":{"padding":"`);
      for (let sent = 0; sent < 1100; sent += 1) request.write('x'.repeat(1024));
      request.end('"}}');
    });
    expect(status).toBe(413);
  });

  it('answers malformed JSON, and JSON that is not an object, with 400 BAD_REQUEST in both languages and its x-request-id', async () => {
    for (const body of ['{"query": ', '42', '"{ hello }"']) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'malformed-0001' },
        body,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-request-id')).toBe('malformed-0001');
      expect(await response.json()).toEqual({
        errors: [
          {
            message: '请求格式错误 (Malformed request)',
            extensions: { code: 'BAD_REQUEST', zh: '请求格式错误', en: 'Malformed request' },
          },
        ],
      });
    }
  });

  it('serves a JSON POST with a charset, and a gzip-compressed one, alike, each answering its x-request-id', async () => {
    const query = JSON.stringify({ query: '{ hello }' });
    const withCharset = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'bench-request-0001' },
      body: query,
    });
    expect(withCharset.headers.get('x-request-id')).toBe('bench-request-0001');
    expect(await withCharset.json()).toEqual({ data: { hello: '你好 guest' } });
    const compressed = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-request-id': 'bench-request-0002' },
      body: gzipSync(query),
    });
    expect(compressed.headers.get('x-request-id')).toBe('bench-request-0002');
    expect(await compressed.json()).toEqual({ data: { hello: '你好 guest' } });
  });

  it('on close, finishes the request in flight, then refuses new ones and leaves the database open', async () => {
    slowGate = gate();
    slowStarted = gate();
    const inFlight = post({ query: '{ slow }' });
    await slowStarted.opened;

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);

    slowGate.open();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { slow: 'done' } });
    await closing;
    expect(closed).toBe(true);
    expect(server.close()).toBe(server.close());
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    expect(fake.state.closed).toBe(false);
  });
});
