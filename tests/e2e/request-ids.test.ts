import { Writable } from 'node:stream';
import { createLogger } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph } from '../harness/graph';
import { signUpLearner } from '../harness/learners';
import type { TestGraph } from '../harness/graph';

interface LogLine {
  service?: string;
  msg?: string;
  operation?: string;
  requestId?: string;
  traceId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
/** Planned quickly, and fetched from the registry and then sjtu. */
const SJTU_PROFILE = 'query SjtuProfile { institution(code: "sjtu") { name profile { hotline } } }';

describe('request and trace ids in every log line, across services', () => {
  let graph: TestGraph;
  const lines: LogLine[] = [];
  const logged = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  // Asked for graphql-response+json, which the public cache never answers (ADR 0024): every request
  // reaches the subgraphs, however soon after the one before.
  const ask = (headers: Record<string, string>) =>
    fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query: SJTU_PROFILE }),
    });
  const linesOf = (requestId: string) => lines.filter((line) => line.requestId === requestId);

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan', logger: createLogger('test-graph', { level: 'debug', destination: logged }) });
  });
  afterAll(() => graph?.close());

  it("keeps a client's well-formed x-request-id and traceparent, answers the id, and logs both in the gateway and the subgraphs it asked", async () => {
    const response = await ask({ 'x-request-id': 'portal-7f3a9c21', traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('portal-7f3a9c21');
    const ours = linesOf('portal-7f3a9c21');
    const services = new Set(ours.map((line) => line.service));
    expect(services).toContain('gateway');
    expect(services).toContain('registry');
    expect(services).toContain('sjtu');
    for (const line of ours) expect(line.traceId).toBe(TRACE_ID);
  });

  it("carries the ids on from the registry to the institution it asks for a session's facts", async () => {
    const learner = await signUpLearner(graph);
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    // Only the registry is asked by the gateway for this selection: sjtu hears of it from the registry alone.
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${learner.token}`,
        'x-request-id': 'portal-register-0001',
        traceparent: `00-${traceId}-b7ad6b7169203331-01`,
      },
      body: JSON.stringify({
        query: 'mutation ($sessionId: ID!) { register(sessionId: $sessionId) { id status } }',
        variables: { sessionId: 'sjtu:session:2021-data-0311' },
      }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const sjtu = linesOf('portal-register-0001').filter((line) => line.service === 'sjtu');
    expect(sjtu.length).toBeGreaterThan(0);
    for (const line of sjtu) expect(line.traceId).toBe(traceId);
  });

  it('carries the ids on from an institution to the registry it asks before moving a session earlier', async () => {
    const traceId = '5e1b3c9a7d2f4e6a8b0c1d2e3f405162';
    const token = await graph.tokenFor({ role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' });
    // Moving a session earlier asks the registry who holds seats on it; the gateway asks sjtu alone.
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': 'portal-move-0001',
        traceparent: `00-${traceId}-a3ce929d0e0e4736-01`,
      },
      body: JSON.stringify({
        query: 'mutation ($id: ID!, $input: UpdateSessionInput!) { updateSjtuSession(id: $id, input: $input) { id } }',
        variables: {
          id: 'sjtu:session:2021-data-0311',
          input: { startsAt: '2021-03-10T09:00:00+08:00', endsAt: '2021-03-10T16:30:00+08:00' },
        },
      }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const registry = linesOf('portal-move-0001').filter((line) => line.service === 'registry');
    expect(registry.length).toBeGreaterThan(0);
    for (const line of registry) expect(line.traceId).toBe(traceId);
  });

  it('makes a new id for a request without one, or with one that is not well-formed, and never logs the bad one', async () => {
    const variants: Record<string, string>[] = [
      {},
      { 'x-request-id': 'short' },
      { 'x-request-id': 'has spaces and <markup>' },
      { 'x-request-id': 'x'.repeat(200) },
      { 'x-request-id': 'id-310115198503121234' },
    ];
    for (const headers of variants) {
      const response = await ask(headers);
      // Only an answer fetched from both subgraphs leaves lines in both.
      const answer = (await response.clone().json()) as {
        data?: { institution?: { profile?: object | null } };
        errors?: unknown[];
      };
      expect(answer.errors, JSON.stringify(answer)).toBeUndefined();
      expect(answer.data?.institution?.profile, JSON.stringify(answer)).toBeTruthy();
      const requestId = response.headers.get('x-request-id') ?? '';
      expect(requestId, JSON.stringify(headers)).toMatch(UUID);
      const ours = linesOf(requestId);
      expect(new Set(ours.map((line) => line.service))).toEqual(new Set(['gateway', 'registry', 'sjtu']));
      const traceIds = new Set(ours.map((line) => line.traceId));
      expect(traceIds.size).toBe(1);
      expect([...traceIds][0]).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(JSON.stringify(lines)).not.toContain('<markup>');
    expect(JSON.stringify(lines)).not.toContain('310115198503121234');
  });

  it('starts a new trace for a malformed traceparent', async () => {
    const response = await ask({ traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' });
    const ours = linesOf(response.headers.get('x-request-id') ?? '');
    expect(ours.length).toBeGreaterThan(0);
    for (const line of ours) expect(line.traceId).not.toBe('0'.repeat(32));
  });

  it('logs no long number a client put in an operation name', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Find310115198503121234x13912345678 { __typename }' }),
    });
    const ours = linesOf(response.headers.get('x-request-id') ?? '');
    expect(ours.find((line) => line.msg === 'graphql operation')).toMatchObject({ operation: 'Find#x#' });
    expect(JSON.stringify(ours)).not.toMatch(/31011519850312|13912345678/);
  });

  it('names the request in every line written while serving one', () => {
    const served = lines.filter((line) => line.msg === 'graphql operation');
    expect(served.length).toBeGreaterThanOrEqual(18);
    for (const line of served) {
      expect(line.requestId, JSON.stringify(line)).toBeDefined();
      expect(line.traceId, JSON.stringify(line)).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
