import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { registerAndPay } from '../harness/journey';
import { signUpLearner } from '../harness/learners';

/** A span as OTLP/HTTP JSON carries it, with the service that exported it. */
interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        attributes?: OtlpAttribute[];
      }[];
    }[];
  }[];
}

const valueOf = (value: OtlpValue) => value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
const attributesOf = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, valueOf(value)]));

/** An OTLP/HTTP trace receiver on 127.0.0.1 that keeps every span it is sent. */
async function startReceiver(): Promise<{ server: Server; endpoint: string; spans: ExportedSpan[] }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url !== '/v1/traces' || !req.headers['content-type']?.startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      const sent = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const resource of sent.resourceSpans ?? []) {
        const service = String(attributesOf(resource.resource?.attributes)['service.name']);
        for (const scope of resource.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
              name: span.name,
              attributes: attributesOf(span.attributes),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

const CLIENT_TRACE = '5e1a7c0d9b3f4a2e8c6d0b1a2f3e4d5c';
const CLIENT_SPAN = '1a2b3c4d5e6f7a8b';
/** The learner's record: the registry's learner and registrations, each institution's sessions, the registry's institutions. */
const MY_RECORD = `query MyRecord {
  me { name idNumberMasked registrations { status session { startsAt course { title hours institution { name } } } } }
}`;

describe('one trace across the gateway and the subgraphs, exported over OTLP', () => {
  let graph: TestGraph;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let token: string;
  let idNumber: string;
  /** What the learner signed up with: none of it may reach a span. */
  const personal = {
    name: '欧阳娜娜',
    mobile: '13987654321',
    employer: '上海追踪测试有限公司',
    password: 'trace me not 7',
  };
  const logged: { requestId?: string; traceId?: string }[] = [];

  const send = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
  /** The spans of one trace, after every service has sent what it has. */
  const traceOf = async (traceId: string) => {
    await graph.flushTraces();
    return receiver.spans.filter((span) => span.traceId === traceId);
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logged.push(JSON.parse(line) as never);
        done();
      },
    });
    graph = await startTestGraph({
      seed: 'plan',
      otlpEndpoint: receiver.endpoint,
      logger: createLogger('test-graph', { level: 'info', destination }),
    });
    const learner = await signUpLearner(graph, personal);
    idNumber = learner.idNumber;
    token = learner.token;
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-trace', capacity: 30 });
    await registerAndPay(graph, learner, sessionId);
  });
  afterAll(async () => {
    await graph?.close();
    receiver?.server.close();
  });

  it("continues the client's trace through planning, each subgraph fetch, the subgraphs' resolvers and their SQL", async () => {
    const response = await send(
      MY_RECORD,
      {},
      {
        authorization: `Bearer ${token}`,
        traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`,
      },
    );
    const body = (await response.json()) as { data?: { me?: { registrations: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.me?.registrations.length).toBeGreaterThan(0);

    const spans = await traceOf(CLIENT_TRACE);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    // One tree: every span's parent is in the trace, except the root's, which is the client's span.
    const roots = spans.filter((span) => !span.parentSpanId || !byId.has(span.parentSpanId));
    expect(roots.map((span) => [span.service, span.name, span.parentSpanId])).toEqual([
      ['gateway', 'POST /graphql', CLIENT_SPAN],
    ]);

    const gateway = spans.filter((span) => span.service === 'gateway').map((span) => span.name);
    expect(gateway).toContain('plan');
    expect(gateway).toContain('fetch registry');
    const institutions = new Set(
      spans.filter((span) => span.name.startsWith('fetch ') && span.name !== 'fetch registry').map((span) => span.name.slice(6)),
    );
    expect(institutions.size).toBeGreaterThanOrEqual(1);

    // Each subgraph served its fetch as a child of the gateway's fetch span, from its own resolvers, with SQL under them.
    for (const subgraph of ['registry', ...institutions]) {
      const served = spans.filter((span) => span.service === subgraph && span.name === 'POST /graphql');
      expect(served.length, subgraph).toBeGreaterThan(0);
      for (const server of served) expect(byId.get(server.parentSpanId ?? '')?.name).toBe(`fetch ${subgraph}`);
      const sql = spans.filter((span) => span.service === subgraph && typeof span.attributes['db.query.text'] === 'string');
      expect(sql.length, subgraph).toBeGreaterThan(0);
      for (const statement of sql) {
        const ancestors: string[] = [];
        for (let at = byId.get(statement.parentSpanId ?? ''); at; at = byId.get(at.parentSpanId ?? '')) ancestors.push(at.name);
        expect(
          ancestors.some((name) => /^(Query|Mutation)\.|^load /.test(name)),
          `${String(statement.attributes['db.query.text'])} < ${ancestors.join(' < ')}`,
        ).toBe(true);
      }
    }
    expect(spans.find((span) => span.service === 'registry' && span.name === 'Query.me')).toBeDefined();
    // The learner's institutions resolve the registry's courses as entities (ADR 0038: no fetch back to the registry).
    expect(spans.find((span) => institutions.has(span.service) && span.name === 'Query._entities')).toBeDefined();
  });

  it('logs each request under the trace id its spans are exported with, and a new request starts a new trace', async () => {
    const response = await send(MY_RECORD, {}, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id') ?? '';
    const traceIds = new Set(logged.filter((line) => line.requestId === requestId).map((line) => line.traceId));
    expect(traceIds.size).toBe(1);
    const [traceId] = [...traceIds];
    expect(traceId).not.toBe(CLIENT_TRACE);
    const spans = await traceOf(traceId ?? '');
    expect(new Set(spans.map((span) => span.service)).size).toBeGreaterThanOrEqual(3);
  });

  it('puts no personal data in any span: statements are shapes, arguments and variables are never recorded', async () => {
    await graph.flushTraces();
    const everything = JSON.stringify(receiver.spans);
    expect(receiver.spans.some((span) => span.name === 'Mutation.signUp')).toBe(true);
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    for (const value of [...Object.values(personal), idNumber, token]) expect(everything).not.toContain(value);
    const statements = receiver.spans.flatMap((span) => {
      const text = span.attributes['db.query.text'];
      return typeof text === 'string' ? [text] : [];
    });
    expect(statements.length).toBeGreaterThan(0);
    for (const text of statements) expect(text, text).not.toMatch(/'|\b\d{3,}\b/);
  });
});
