import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/create';
import { NOWHERE, startTestGateway } from './support/gateway';

const UNREACHABLE = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, NOWHERE]));

describe('/metrics on an internal port', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ development: false, subgraphUrls: UNREACHABLE, metricsPort: 0 });
  });
  afterAll(() => gateway?.close());

  it('serves /metrics only on its own port, and 404 beside /graphql', async () => {
    const asked = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Probe { __typename }' }),
    });
    expect(asked.status).toBe(200);
    const publicMetrics = await fetch(new URL('/metrics', gateway.url));
    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.text()).not.toContain('graphql_requests_total');

    expect(gateway.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(gateway.metricsUrl ?? '').port).not.toBe(new URL(gateway.url).port);
    const internal = await fetch(gateway.metricsUrl ?? '');
    expect(internal.status).toBe(200);
    expect(await internal.text()).toMatch(/^graphql_requests_total\{operation="Probe",outcome="ok",service="gateway"\} 1$/m);
  });
});
