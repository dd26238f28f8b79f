import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  DEFAULT_CIRCUIT_BREAKER,
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_SUBGRAPH_MAX_IN_FLIGHT,
  createLogger,
} from '@xueshi/subgraph-kit';
import { parse } from 'graphql';
import type { OperationTypeNode } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../src/create';
import { SubgraphDataSource } from '../src/subgraphDataSource';
import type { SharedHow, SubgraphFetchLimits } from '../src/subgraphDataSource';

interface Received {
  headers: IncomingHttpHeaders;
  body: { query: string; variables?: Record<string, unknown> };
  answer(status: number, body: unknown, headers?: Record<string, string>): void;
}

/**
 * A subgraph that keeps every request it receives unanswered until the test answers it, so the test
 * decides what is in flight at once.
 */
async function heldSubgraph(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'],
        answer: (status, body, headers = {}) =>
          res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body)),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, received, server };
}

const INSTITUTIONS = 'query Catalogue__registry__0{institutions{code name}}';
const SIGN_IN =
  'mutation SignIn__registry__0($idNumber:String!$password:String!){signIn(idNumber:$idNumber password:$password){token}}';

/** What the gateway hands its data source for one fetch of an incoming operation of kind `incoming`. */
function fetchOf(
  query: string,
  incoming: OperationTypeNode,
  { authorization, variables }: { authorization?: string; variables?: Record<string, unknown> } = {},
): GraphQLDataSourceProcessOptions<GatewayContext> {
  const context: GatewayContext = { authorization, caller: null, clientAddress: '127.0.0.1' };
  return {
    kind: 'incoming operation',
    request: { query, variables: variables ?? {} },
    context,
    incomingRequestContext: { context, operation: { operation: incoming } },
    document: parse(query),
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

/** A data source for `url` with the gateway's default limits but for `limits`, telling `countShared` of each shared answer. */
function dataSource(
  name: string,
  url: string,
  limits: Partial<SubgraphFetchLimits> = {},
  countShared?: (how: SharedHow) => void,
): SubgraphDataSource {
  return new SubgraphDataSource(
    name,
    url,
    createLogger('test', { level: 'silent' }),
    {
      timeoutMs: DEFAULT_FETCH_TIMEOUT_MS,
      breaker: DEFAULT_CIRCUIT_BREAKER,
      maxInFlight: DEFAULT_SUBGRAPH_MAX_IN_FLIGHT,
      sharedAnswersMaxAgeMs: 0,
      ...limits,
    },
    countShared,
  );
}

/** Waits until the subgraph has received `count` requests. */
async function receivedAll(received: Received[], count: number): Promise<void> {
  while (received.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('identical subgraph requests in flight at once', () => {
  let subgraph: Awaited<ReturnType<typeof heldSubgraph>>;
  let source: SubgraphDataSource;
  const shared: SharedHow[] = [];

  beforeAll(async () => {
    subgraph = await heldSubgraph();
    source = dataSource('registry', subgraph.url, {}, (how) => shared.push(how));
  });
  afterEach(() => {
    subgraph.received.length = 0;
    shared.length = 0;
  });
  afterAll(() => new Promise((resolve) => subgraph.server.close(resolve)));

  it('are fetched once, and each caller gets an answer of its own', async () => {
    const answers = Promise.all([1, 2, 3, 4, 5].map(() => source.process(fetchOf(INSTITUTIONS, 'query' as OperationTypeNode))));
    await receivedAll(subgraph.received, 1);
    subgraph.received[0]?.answer(200, { data: { institutions: [{ code: 'sjtu', name: '上海交通大学' }] } });
    const [first, ...others] = await answers;

    expect(subgraph.received).toHaveLength(1);
    // Counted as answered without the subgraph: the four that joined, not the one that asked.
    expect(shared).toEqual(['in_flight', 'in_flight', 'in_flight', 'in_flight']);
    expect(subgraph.received[0]?.headers).not.toHaveProperty('x-xueshi-shareable');
    for (const other of others) {
      expect(other.data).toEqual(first?.data);
      expect(other.data).not.toBe(first?.data);
    }
    const [changed] = first?.data?.['institutions'] as { name: string }[];
    if (changed) changed.name = 'changed by the first caller';
    expect(others[0]?.data).toEqual({ institutions: [{ code: 'sjtu', name: '上海交通大学' }] });
  });

  it('are fetched again once an answer has arrived: nothing is kept', async () => {
    for (const round of [1, 2]) {
      const answer = source.process(fetchOf(INSTITUTIONS, 'query' as OperationTypeNode));
      await receivedAll(subgraph.received, round);
      subgraph.received[round - 1]?.answer(200, { data: { institutions: [] } });
      await answer;
    }
    expect(subgraph.received).toHaveLength(2);
  });

  it('are never shared between callers with different authorization, nor for different variables', async () => {
    const fetches = [
      fetchOf(INSTITUTIONS, 'query' as OperationTypeNode, { authorization: 'Bearer learner-a' }),
      fetchOf(INSTITUTIONS, 'query' as OperationTypeNode, { authorization: 'Bearer learner-b' }),
      fetchOf(INSTITUTIONS, 'query' as OperationTypeNode),
      fetchOf(INSTITUTIONS, 'query' as OperationTypeNode, { authorization: 'Bearer learner-a', variables: { year: 2022 } }),
    ];
    const answers = Promise.all(fetches.map((fetch) => source.process(fetch)));
    await receivedAll(subgraph.received, fetches.length);
    for (const request of subgraph.received) {
      const who = `${request.headers.authorization ?? 'anonymous'} ${JSON.stringify(request.body.variables)}`;
      request.answer(200, { data: { institutions: [{ code: 'sjtu', name: who }] } });
    }
    const names = (await answers).map((answer) => (answer.data?.['institutions'] as { name: string }[])[0]?.name);

    expect(subgraph.received).toHaveLength(4);
    expect(names).toEqual(['Bearer learner-a {}', 'Bearer learner-b {}', 'anonymous {}', 'Bearer learner-a {"year":2022}']);
  });

  it('are never shared for a mutation, nor for a query fetched as part of a mutation', async () => {
    const signIn = { variables: { idNumber: '310115198503121234', password: 'xueshi-demo' } };
    const fetches = [
      fetchOf(SIGN_IN, 'mutation' as OperationTypeNode, signIn),
      fetchOf(SIGN_IN, 'mutation' as OperationTypeNode, signIn),
      fetchOf(INSTITUTIONS, 'mutation' as OperationTypeNode),
      fetchOf(INSTITUTIONS, 'mutation' as OperationTypeNode),
    ];
    const answers = Promise.all(fetches.map((fetch) => source.process(fetch)));
    await receivedAll(subgraph.received, fetches.length);
    subgraph.received.forEach((request, index) => request.answer(200, { data: { signIn: { token: `token-${index}` } } }));
    await answers;

    expect(subgraph.received.map((request) => request.body.query).sort()).toEqual([SIGN_IN, SIGN_IN, INSTITUTIONS, INSTITUTIONS]);
  });

  it('deliver a subgraph that fails to every caller that waited, as UNAVAILABLE', async () => {
    const answers = [1, 2, 3].map(() => source.process(fetchOf(INSTITUTIONS, 'query' as OperationTypeNode)));
    await receivedAll(subgraph.received, 1);
    subgraph.received[0]?.answer(502, { error: 'bad gateway' });
    const settled = await Promise.allSettled(answers);

    expect(subgraph.received).toHaveLength(1);
    for (const outcome of settled) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({
        extensions: { code: 'UNAVAILABLE', serviceName: 'registry' },
      });
    }
  });

  it('deliver GraphQL errors and a refusal to every caller that waited', async () => {
    const refused = { errors: [{ message: 'Bad token', extensions: { code: 'UNAUTHENTICATED' } }] };
    for (const [status, body] of [
      [200, { data: null, ...refused }],
      [401, refused],
    ] as const) {
      subgraph.received.length = 0;
      const answers = Promise.all([1, 2, 3].map(() => source.process(fetchOf(INSTITUTIONS, 'query' as OperationTypeNode))));
      await receivedAll(subgraph.received, 1);
      subgraph.received[0]?.answer(status, body);
      const delivered = await answers;

      expect(subgraph.received).toHaveLength(1);
      for (const answer of delivered) expect(answer.errors).toEqual(refused.errors);
    }
  });
});

describe('a subgraph that does not answer in time', () => {
  let subgraph: Awaited<ReturnType<typeof heldSubgraph>>;
  let source: SubgraphDataSource;

  beforeAll(async () => {
    subgraph = await heldSubgraph();
    source = dataSource('registry', subgraph.url, { timeoutMs: 200 });
  });
  afterAll(() => {
    subgraph.server.closeAllConnections();
    return new Promise((resolve) => subgraph.server.close(resolve));
  });

  const refusal = async (query: string, incoming: string) => {
    const error = await source.process(fetchOf(query, incoming as OperationTypeNode)).then(
      () => null,
      (caught: unknown) => caught as { extensions: Record<string, unknown> },
    );
    return error?.extensions;
  };

  it('is UNAVAILABLE for a read, to be tried again later', async () => {
    expect(await refusal(INSTITUTIONS, 'query')).toMatchObject({ code: 'UNAVAILABLE', reason: 'timeout', en: /try again later/ });
  });

  it('says a change sent to it may have been made, so nobody retries it blindly', async () => {
    const extensions = await refusal(SIGN_IN, 'mutation');
    expect(extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'timeout', outcomeUnknown: true });
    expect(extensions?.['zh']).toMatch(/可能已经完成/);
    expect(extensions?.['en']).toMatch(/may have been made/);
  });
});

describe('fetches beyond the in-flight bound', () => {
  let subgraph: Awaited<ReturnType<typeof heldSubgraph>>;
  let source: SubgraphDataSource;

  beforeAll(async () => {
    subgraph = await heldSubgraph();
    source = dataSource('registry', subgraph.url, { timeoutMs: 300, maxInFlight: 1 });
  });
  afterAll(() => {
    subgraph.server.closeAllConnections();
    return new Promise((resolve) => subgraph.server.close(resolve));
  });

  it('wait their turn in the gateway, and a change never sent is not reported as perhaps made', async () => {
    const first = source.process(fetchOf(SIGN_IN, 'mutation' as OperationTypeNode, { variables: { idNumber: '1' } }));
    await receivedAll(subgraph.received, 1);
    // Sent once the first is answered, with a timeout of its own from then: waiting used none of it.
    const second = source.process(fetchOf(SIGN_IN, 'mutation' as OperationTypeNode, { variables: { idNumber: '2' } }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    subgraph.received[0]?.answer(200, { data: { signIn: { token: 'a' } } });
    await receivedAll(subgraph.received, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    subgraph.received[1]?.answer(200, { data: { signIn: { token: 'b' } } });
    expect((await first).data).toEqual({ signIn: { token: 'a' } });
    expect((await second).data).toEqual({ signIn: { token: 'b' } });

    // The subgraph holds this one past its timeout; the next never gets its turn and is never sent.
    const held = source.process(fetchOf(SIGN_IN, 'mutation' as OperationTypeNode, { variables: { idNumber: '3' } }));
    const waiting = source.process(fetchOf(SIGN_IN, 'mutation' as OperationTypeNode, { variables: { idNumber: '4' } }));
    const [heldOutcome, waitingOutcome] = await Promise.allSettled([held, waiting]);
    expect(heldOutcome).toMatchObject({
      status: 'rejected',
      reason: { extensions: { reason: 'timeout', outcomeUnknown: true } },
    });
    expect(waitingOutcome).toMatchObject({
      status: 'rejected',
      reason: { extensions: { code: 'UNAVAILABLE', reason: 'overloaded' } },
    });
    expect((waitingOutcome as PromiseRejectedResult).reason.extensions).not.toHaveProperty('outcomeUnknown');
    expect(subgraph.received.map(({ body }) => body.variables?.['idNumber'])).toEqual(['1', '2', '3']);
  });
});

describe('answers a subgraph marks public (ADR 0054)', () => {
  const SESSION =
    'query Register__sjtu__1($representations:[_Any!]!){_entities(representations:$representations){...on SjtuSession{course{title hours}}}}';
  const UPDATE = 'mutation UpdateSession__sjtu__0{updateSjtuSession(id:"s"){id}}';
  const PUBLIC = { 'cache-control': 'public, max-age=2' };
  const KEPT_MS = 300;
  let subgraph: Awaited<ReturnType<typeof heldSubgraph>>;
  let source: SubgraphDataSource;
  const shared: SharedHow[] = [];

  beforeAll(async () => {
    subgraph = await heldSubgraph();
    // The subgraph says two seconds; this gateway gives an answer again for KEPT_MS at most.
    source = dataSource('sjtu', subgraph.url, { sharedAnswersMaxAgeMs: KEPT_MS }, (how) => shared.push(how));
  });
  afterEach(async () => {
    // Whatever one test left kept runs out before the next.
    await new Promise((resolve) => setTimeout(resolve, KEPT_MS));
    subgraph.received.length = 0;
    shared.length = 0;
  });
  afterAll(() => new Promise((resolve) => subgraph.server.close(resolve)));

  const session = (id: string, authorization: string | undefined, incoming = 'mutation') =>
    source.process(
      fetchOf(SESSION, incoming as OperationTypeNode, {
        variables: { representations: [{ __typename: 'SjtuSession', id }] },
        ...(authorization ? { authorization } : {}),
      }),
    );
  const answered = (index: number, title: string, headers: Record<string, string> = PUBLIC) =>
    subgraph.received[index]?.answer(200, { data: { _entities: [{ course: { title, hours: 6 } }] } }, headers);

  it("are given to another caller asking the same, even for a mutation's fetch, each a copy of its own", async () => {
    const first = session('s1', 'Bearer learner-a');
    await receivedAll(subgraph.received, 1);
    answered(0, '数据分析基础');
    const mine = await first;
    const theirs = await session('s1', 'Bearer learner-b');
    const anonymous = await session('s1', undefined, 'query');

    expect(subgraph.received).toHaveLength(1);
    expect(shared).toEqual(['kept', 'kept']);
    expect(theirs.data).toEqual(mine.data);
    expect(anonymous.data).toEqual(mine.data);
    expect(theirs.data).not.toBe(mine.data);
  });

  it('are asked for again for other variables, and once their time is up', async () => {
    const first = session('s1', 'Bearer learner-a');
    await receivedAll(subgraph.received, 1);
    answered(0, 'one');
    await first;
    const other = session('s2', 'Bearer learner-a');
    await receivedAll(subgraph.received, 2);
    answered(1, 'two');
    expect((await other).data).toEqual({ _entities: [{ course: { title: 'two', hours: 6 } }] });

    await new Promise((resolve) => setTimeout(resolve, KEPT_MS + 50));
    const later = session('s1', 'Bearer learner-a');
    await receivedAll(subgraph.received, 3);
    answered(2, 'one, renamed');
    expect((await later).data).toEqual({ _entities: [{ course: { title: 'one, renamed', hours: 6 } }] });
  });

  it('are never kept when the subgraph does not say public', async () => {
    const notPublic: Record<string, string>[] = [
      {},
      { 'cache-control': 'private, max-age=2' },
      { 'cache-control': 'public, no-store' },
    ];
    for (const [index, headers] of notPublic.entries()) {
      const asked = session('s1', 'Bearer learner-a');
      await receivedAll(subgraph.received, index + 1);
      answered(index, 'not shared', headers);
      await asked;
    }
    const again = session('s1', 'Bearer learner-a');
    await receivedAll(subgraph.received, 4);
    answered(3, 'asked again');
    expect((await again).data).toEqual({ _entities: [{ course: { title: 'asked again', hours: 6 } }] });
    expect(shared).toEqual([]);
  });

  it('are forgotten when a change is sent to the subgraph, and one asked for before the change is not kept', async () => {
    const first = session('s1', 'Bearer learner-a');
    await receivedAll(subgraph.received, 1);
    answered(0, 'before');
    await first;
    const inFlight = session('s2', 'Bearer learner-a');
    await receivedAll(subgraph.received, 2);
    const change = source.process(fetchOf(UPDATE, 'mutation' as OperationTypeNode, { authorization: 'Bearer staff' }));
    await receivedAll(subgraph.received, 3);
    subgraph.received[2]?.answer(200, { data: { updateSjtuSession: { id: 's' } } });
    await change;
    answered(1, 'asked before the change');
    await inFlight;

    const afterChange = session('s1', 'Bearer learner-b');
    await receivedAll(subgraph.received, 4);
    answered(3, 'after');
    const secondAfter = session('s2', 'Bearer learner-b');
    await receivedAll(subgraph.received, 5);
    answered(4, 'after');
    expect((await afterChange).data).toEqual({ _entities: [{ course: { title: 'after', hours: 6 } }] });
    expect((await secondAfter).data).toEqual({ _entities: [{ course: { title: 'after', hours: 6 } }] });
  });
});
