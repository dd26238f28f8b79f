import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/create';
import { NOWHERE, send, startTestGateway } from './support/gateway';

const UNREACHABLE = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, NOWHERE]));

/** A registry that answers every request with `status`, `contentType` and `body`. */
async function cannedRegistry(status: number, contentType: string, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': contentType }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

describe('a subgraph that answers with an HTTP error', () => {
  const registries: { url: string; server: Server }[] = [];
  const gateways: RunningGateway[] = [];

  const through = async (status: number, contentType: string, body: string) => {
    const registry = await cannedRegistry(status, contentType, body);
    registries.push(registry);
    const gateway = await startTestGateway({ development: false, subgraphUrls: { ...UNREACHABLE, registry: registry.url } });
    gateways.push(gateway);
    const response = await send(gateway.url, { body: JSON.stringify({ query: '{ institutions { name } }' }) });
    return { registry, response, errors: response.json().errors ?? [] };
  };

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await Promise.all(registries.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  });

  it('passes on its refusal (HTTP 4xx with GraphQL errors) as the typed errors it gave, without its address', async () => {
    const refusal = {
      errors: [
        {
          message: 'Variable "$input" got invalid value "2021-02-30" at "input.completedOn"; Date must be YYYY-MM-DD',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    };
    const { registry, response, errors } = await through(400, 'application/json', JSON.stringify(refusal));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe(refusal.errors[0]?.message);
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', serviceName: 'registry' });
    expect(errors[0]?.extensions).not.toHaveProperty('response');
    expect(response.text).not.toContain(new URL(registry.url).host);
    expect(response.text).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it.each([
    ['a 500 with an HTML page', 500, 'text/html', '<html><body>Internal error at /srv/registry</body></html>'],
    ['a 502 from a proxy', 502, 'text/plain', 'Bad Gateway'],
    ['a 404 that is not GraphQL', 404, 'application/json', '{"error":"no such route"}'],
  ])('reports %s as UNAVAILABLE, without its address or its words', async (_what, status, contentType, body) => {
    const { registry, response, errors } = await through(status, contentType, body);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions).toEqual({
      code: 'UNAVAILABLE',
      serviceName: 'registry',
      reason: 'bad-answer',
      zh: expect.any(String),
      en: expect.any(String),
    });
    expect(response.text).not.toContain(new URL(registry.url).host);
    expect(response.text).not.toContain(body);
  });
});
