import { readFileSync } from 'node:fs';
import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { registerAndPay } from '../harness/journey';
import { sample } from '../harness/metrics';
import { errorCode, signUpLearner } from '../harness/learners';

const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const NAME = '公孙测量';
const MOBILE = '13912345678';

describe('/metrics on every service', () => {
  let graph: TestGraph;
  let idNumber = '';
  let busy = '';
  const metricsOf = async (service: string) => {
    const origin = service === 'gateway' ? new URL(graph.gatewayUrl).origin : `http://127.0.0.1:${graph.subgraph(service).port}`;
    const response = await fetch(`${origin}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan', seatsMeasureIntervalMs: 200 });
    const sjtu = graph.subgraph('sjtu').database;
    const session = await insertSjtuSession(sjtu, { local: '2021-metrics', capacity: 1 });
    const learner = await signUpLearner(graph, { name: NAME, mobile: MOBILE });
    idNumber = learner.idNumber;
    const registrationId = await registerAndPay(graph, learner, session);
    const second = await signUpLearner(graph);
    const refused = await graph.execute(contractOperation('Register'), { sessionId: session }, second.caller);
    expect(errorCode(refused)).toBe('SESSION_FULL');
    expect(errorCode(await graph.execute(contractOperation('SignIn'), { idNumber, password: 'not the password' }))).toBe(
      'UNAUTHENTICATED',
    );
    graph.clock.set('2021-03-20T10:00:00+08:00');
    const reported = await graph.execute(
      contractOperation('ReportOutcome'),
      { registrationId, attendedFully: true, examPassed: true },
      SJTU_STAFF,
    );
    expect(reported.errors).toBeUndefined();
    // A September session with 4 seats, one held unpaid; the full March one has started by now.
    busy = await insertSjtuSession(sjtu, { local: '2021-metrics-busy', firstDay: '2021-09-16', capacity: 4 });
    expect((await graph.execute(contractOperation('Register'), { sessionId: busy }, second.caller)).errors).toBeUndefined();
    expect((await graph.execute(contractOperation('Catalogue'), { year: 2021 })).errors).toBeUndefined();
  });
  afterAll(() => graph?.close());

  it('serves Prometheus text at the gateway and at each of the seven subgraphs', async () => {
    for (const service of ['gateway', ...graph.subgraphs.keys()]) {
      const text = await metricsOf(service);
      expect(sample(text, 'graphql_requests_total', { service }), service).toBeGreaterThan(0);
      expect(sample(text, 'process_cpu_seconds_total', { service }), service).toBeDefined();
    }
    expect(graph.subgraphs.size).toBe(7);
  });

  it('counts operations by name and outcome, with a latency histogram', async () => {
    const gateway = await metricsOf('gateway');
    expect(sample(gateway, 'graphql_requests_total', { operation: 'Catalogue', outcome: 'ok' })).toBe(1);
    expect(sample(gateway, 'graphql_requests_total', { operation: 'Register', outcome: 'SESSION_FULL' })).toBe(1);
    expect(sample(gateway, 'graphql_requests_total', { operation: 'SignIn', outcome: 'UNAUTHENTICATED' })).toBe(1);
    expect(sample(gateway, 'graphql_request_duration_seconds_count', { operation: 'Catalogue' })).toBe(1);
    expect(sample(gateway, 'graphql_request_duration_seconds_bucket', { operation: 'Catalogue', le: '+Inf' })).toBe(1);
  });

  it("counts each of the gateway's fetches by subgraph, and a subgraph that cannot be reached as failed", async () => {
    const before = await metricsOf('gateway');
    expect(sample(before, 'gateway_subgraph_fetches_total', { subgraph: 'sjtu', outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(before, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'registry' })).toBeGreaterThan(0);
    await graph.subgraph('shu').stop();
    try {
      await graph.execute(contractOperation('Catalogue'), { year: 2021 });
    } finally {
      await graph.subgraph('shu').restart();
    }
    expect(sample(await metricsOf('gateway'), 'gateway_subgraph_fetches_total', { subgraph: 'shu', outcome: 'failed' })).toBe(1);
  });

  it("times each service's database statements and shows its pool", async () => {
    const registry = await metricsOf('registry');
    expect(sample(registry, 'db_statement_duration_seconds_count', { failed: 'false' })).toBeGreaterThan(0);
    // The seats-left measure runs in the background here (every 200 ms): a statement may be in flight.
    const poolSize = sample(registry, 'db_pool_size');
    expect(poolSize).toBeGreaterThan(0);
    expect(sample(registry, 'db_statements_in_flight')).toBeGreaterThanOrEqual(0);
    expect(sample(registry, 'db_statements_in_flight')).toBeLessThanOrEqual(poolSize ?? 0);
    expect(sample(await metricsOf('sjtu'), 'db_statement_duration_seconds_count', { failed: 'false' })).toBeGreaterThan(0);
  });

  it("counts the registry's own events: registrations, seats refused as full, payments, outcomes, sign-ins refused", async () => {
    const registry = await metricsOf('registry');
    expect(sample(registry, 'xueshi_registrations_taken_total', { institution: 'sjtu' })).toBe(2);
    expect(sample(registry, 'xueshi_seats_refused_full_total', { institution: 'sjtu' })).toBe(1);
    expect(sample(registry, 'xueshi_payments_total', { status: 'SUCCEEDED' })).toBe(1);
    expect(sample(registry, 'xueshi_outcomes_reported_total', { status: 'COMPLETED' })).toBe(1);
    expect(sample(registry, 'xueshi_sign_ins_refused_total', { who: 'learner', code: 'UNAUTHENTICATED' })).toBe(1);
  });

  it('shows seats left on the busiest sessions still to start, by institution and session only', async () => {
    // Measured in the background every 200 ms here.
    await expect.poll(async () => sample(await metricsOf('registry'), 'xueshi_session_seats_left', { session: busy })).toBe(3);
    const registry = await metricsOf('registry');
    const series = registry.split('\n').filter((line) => line.startsWith('xueshi_session_seats_left{'));
    expect(series).toHaveLength(1);
    expect(series[0]).toMatch(/^xueshi_session_seats_left\{institution="sjtu",session="[^"]+",service="registry"\} 3$/);
  });

  it('scrapes every service in docker-compose, and the committed dashboard asks only for series they serve', async () => {
    const scraped = readFileSync(new URL('../../ops/prometheus.yml', import.meta.url), 'utf8');
    for (const service of ['gateway', ...graph.subgraphs.keys()]) expect(scraped).toMatch(new RegExp(`- ${service}:\\d+`));
    const served = new Set(
      (await Promise.all(['gateway', ...graph.subgraphs.keys()].map(metricsOf))).flatMap((text) =>
        text.split('\n').map((line) => /^[a-z_:][\w:]*/.exec(line)?.[0] ?? ''),
      ),
    );
    const dashboard = JSON.parse(readFileSync(new URL('../../ops/grafana/dashboards/xueshi.json', import.meta.url), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const asked = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) => target.expr.match(/\b(?:graphql|gateway|db|xueshi)_\w+/g) ?? []),
    );
    expect(asked.length).toBeGreaterThan(10);
    for (const series of asked) expect(served, series).toContain(series);
  });

  it('puts no personal data in a label, even in an operation name a client chose', async () => {
    await graph.execute(`query Probe${MOBILE}x${idNumber.slice(0, 17)} { __typename }`);
    const texts = await Promise.all(['gateway', ...graph.subgraphs.keys()].map(metricsOf));
    expect(sample(texts[0] ?? '', 'graphql_requests_total', { operation: 'Probe#x#' })).toBe(1);
    for (const text of texts) {
      for (const secret of [idNumber, idNumber.slice(0, 17), MOBILE, NAME]) expect(text).not.toContain(secret);
    }
  });
});
