import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/create';
import { NOWHERE, post, startTestGateway } from './support/gateway';

/** What a browser sends when it navigates to a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const INTROSPECTION = '{ __schema { queryType { name } } }';

const pageOf = (gateway: RunningGateway) => fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
const originOf = (gateway: RunningGateway) => new URL(gateway.url).origin;

/** The subgraphs are never reached here: GraphiQL, introspection and refusals are the gateway's own. */
const subgraphUrls = { registry: NOWHERE };

describe('GraphiQL in development', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ development: true, subgraphUrls });
  });
  afterAll(() => gateway?.close());

  it('serves the page to a browser on GET /graphql, with a Content-Security-Policy that keeps it to its origin', async () => {
    const response = await pageOf(gateway);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
    const html = await response.text();
    expect(html).toContain('<div id="graphiql">');
    // Every asset is referenced by path on the gateway itself, never from another host.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves every asset the page references under /graphiql/, with its content type', async () => {
    const html = await (await pageOf(gateway)).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.sort()).toEqual([
      '/graphiql/graphiql.css',
      '/graphiql/graphiql.js',
      '/graphiql/init.js',
      '/graphiql/react-dom.js',
      '/graphiql/react.js',
    ]);
    for (const asset of assets) {
      const response = await fetch(`${originOf(gateway)}${asset}`);
      expect(response.status, asset).toBe(200);
      const body = await response.text();
      expect(body.length, asset).toBeGreaterThan(asset.endsWith('init.js') ? 100 : 10_000);
      expect(response.headers.get('content-type'), asset).toMatch(
        asset.endsWith('.css') ? /^text\/css/ : /^(application|text)\/javascript/,
      );
    }
    expect(await fetch(`${originOf(gateway)}/graphiql/init.js`).then((response) => response.text())).toContain(
      'window.location.pathname',
    );
  });

  it('still answers GraphQL on the same path: JSON POSTs, and GETs that do not ask for HTML', async () => {
    const result = await post<{ __schema: { queryType: { name: string } } }>(gateway.url, INTROSPECTION);
    expect(result.status).toBe(200);
    expect(result.data?.__schema.queryType.name).toBe('Query');

    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('GraphiQL in production', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ development: false, subgraphUrls });
  });
  afterAll(() => gateway?.close());

  it('serves no page to a browser and none of the assets', async () => {
    const response = await pageOf(gateway);
    expect(response.status).not.toBe(200);
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/graphiql|<html/i);
    for (const asset of ['/graphiql/graphiql.js', '/graphiql/init.js', '/graphiql/react.js']) {
      expect((await fetch(`${originOf(gateway)}${asset}`)).status, asset).toBe(404);
    }
  });

  it('refuses introspection but answers other operations', async () => {
    for (const query of [INTROSPECTION, '{ __type(name: "Query") { name } }']) {
      const refused = await post(gateway.url, query);
      expect(refused.status, query).toBe(400);
      expect(refused.data ?? null, query).toBeNull();
      expect(refused.errors, query).toHaveLength(1);
    }
    expect(await post(gateway.url, '{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it('says introspection is what was refused', async () => {
    const refused = await post(gateway.url, INTROSPECTION);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
