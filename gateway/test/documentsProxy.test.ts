import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rawGet } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/create';
import { documentTarget } from '../src/documentsProxy';
import { startTestGateway } from './support/gateway';

const INVOICE = '5b0e4a52-7f3c-4d41-9a8e-2f1c3b6d7e90';
const LINK_TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const BEARER = 'Bearer caller-secret-token';

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
}

/** A throw-away HTTP server that records every request it gets and answers with `answer`. */
async function recordingServer(answer: (url: string, res: ServerResponse) => void) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    answer(req.url ?? '', res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the /documents proxy', () => {
  let attacker: Awaited<ReturnType<typeof recordingServer>>;
  let registry: Awaited<ReturnType<typeof recordingServer>>;
  let gateway: RunningGateway;
  let gatewayPort: number;

  beforeAll(async () => {
    attacker = await recordingServer((_url, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('stolen'));
    registry = await recordingServer((url, res) => {
      if (url.startsWith('/documents/verify/REDIRECT')) res.writeHead(302, { location: `${attacker.origin}/collect` }).end();
      else if (url.startsWith('/documents/verify/SLOW')) setTimeout(() => res.end('late'), 4_000);
      else if (url.startsWith('/documents/'))
        res.writeHead(200, { 'content-type': 'application/pdf', 'set-cookie': 'registry=1', server: 'registry' }).end('%PDF-1.7');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready","service":"registry"}');
    });
    gateway = await startTestGateway({ development: false, documentsOrigin: registry.origin, documentsTimeoutMs: 1_000 });
    gatewayPort = gateway.port;
  });
  afterAll(async () => {
    await gateway?.close();
    await registry?.close();
    await attacker?.close();
  });
  beforeEach(() => {
    attacker.received.length = 0;
    registry.received.length = 0;
  });

  const hostileTargets = () => [
    `http://127.0.0.1:${attacker.port}/documents/verify/X`,
    `http://127.0.0.1:${attacker.port}/documents/invoices/${INVOICE}.pdf`,
    `http://127.0.0.1:${registry.port}/documents/../ready`,
    `//127.0.0.1:${attacker.port}/documents/verify/X`,
    '/documents/../ready',
    '/documents/./../ready',
    '/documents/%2e%2e/ready',
    '/documents/%2E%2E/%2e%2e/ready',
    '/documents/verify/..',
    '/documents/verify/%2e%2e',
    '/documents/verify/..%2f..%2fready',
    '/documents/verify/%2e%2e%2fready',
    '/documents/verify/%252e%252e%252fready',
    '/documents/verify/%5c..%5cready',
    '/documents/verify/..\\..\\ready',
    '/documents/verify/X/../../ready',
    `/documents/invoices/..%2f..%2f${INVOICE}.pdf`,
    `/documents/invoices/${INVOICE}.pdf/..%2f..%2fready`,
    '/documents/ready',
    '/documents/%2e%2e%2fready',
    '/documents/verify/%00',
    '/documents/verify/%E0%A4%A',
  ];

  it('never lets a crafted target reach anything but the document routes, and answers 404 (400 when undecodable)', async () => {
    for (const target of hostileTargets()) {
      const response = await rawGet(gatewayPort, target, { authorization: BEARER });
      expect(response.status, target).toBe(target.endsWith('%A') ? 400 : 404);
      expect(response.text, target).not.toMatch(/stolen|"service":"registry"/);
    }
    expect(attacker.received).toEqual([]);
    expect(registry.received).toEqual([]);
  });

  it('answers a refused target with a typed JSON error that does not echo it', async () => {
    const response = await rawGet(gatewayPort, '/documents/verify/..%2f..%2fetc%2fpasswd', { authorization: BEARER });
    expect(JSON.parse(response.body)).toEqual({
      errors: [
        {
          message: '未找到该文档 (No such document)',
          extensions: { code: 'NOT_FOUND', zh: '未找到该文档', en: 'No such document' },
        },
      ],
    });
  });

  it('passes a download with its link token only, and neither the bearer token nor other headers or parameters', async () => {
    const response = await rawGet(
      gatewayPort,
      `/documents/invoices/${INVOICE}.pdf?token=${LINK_TOKEN}&next=http://127.0.0.1:${attacker.port}/`,
      { authorization: BEARER, cookie: 'session=1', 'x-forwarded-for': '10.0.0.1' },
    );
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/content-type: application\/pdf/i);
    expect(response.text).not.toMatch(/set-cookie|registry=1|server: registry/i);
    expect(registry.received.map(({ url }) => url)).toEqual([`/documents/invoices/${INVOICE}.pdf?token=${LINK_TOKEN}`]);
    expect(registry.received[0]?.headers).not.toHaveProperty('authorization');
    expect(registry.received[0]?.headers).not.toHaveProperty('cookie');
    expect(registry.received[0]?.headers).not.toHaveProperty('x-forwarded-for');
  });

  it('sends the bearer token along with a download that has no link token', async () => {
    await rawGet(gatewayPort, `/documents/transcripts/${INVOICE}.csv`, { authorization: BEARER });
    expect(registry.received.map(({ url, headers }) => [url, headers.authorization])).toEqual([
      [`/documents/transcripts/${INVOICE}.csv`, BEARER],
    ]);
  });

  it('never sends the bearer token to the public verification page, and re-encodes its code as one segment', async () => {
    const response = await rawGet(gatewayPort, '/documents/verify/7K3M%209QPA%3F2HTD?token=x', { authorization: BEARER });
    expect(response.status).toBe(200);
    expect(registry.received.map(({ url }) => url)).toEqual(['/documents/verify/7K3M%209QPA%3F2HTD']);
    expect(registry.received[0]?.headers).not.toHaveProperty('authorization');
  });

  it('refuses a malformed link token before asking the registry', async () => {
    const response = await rawGet(gatewayPort, `/documents/invoices/${INVOICE}.pdf?token=..%2F..%2Fready`);
    expect(response.status).toBe(404);
    expect(registry.received).toEqual([]);
  });

  it('does not follow a redirect from the registry, and answers 502', async () => {
    const response = await rawGet(gatewayPort, '/documents/verify/REDIRECT', { authorization: BEARER });
    expect(response.status).toBe(502);
    expect(response.text).toContain('"code":"UNAVAILABLE"');
    expect(response.text).not.toMatch(/location|127\.0\.0\.1/i);
    expect(registry.received).toHaveLength(1);
    expect(attacker.received).toEqual([]);
  });

  it('gives up on a registry that does not answer in time, with 504', async () => {
    const started = Date.now();
    const response = await rawGet(gatewayPort, '/documents/verify/SLOW');
    expect(response.status).toBe(504);
    expect(response.text).toContain('"code":"UNAVAILABLE"');
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('documentTarget', () => {
  const ORIGIN = 'http://registry.internal:4001';
  it('rebuilds each document route on the registry origin', () => {
    expect(documentTarget(`/documents/invoices/${INVOICE}.pdf?token=${LINK_TOKEN}`, ORIGIN)).toEqual({
      route: 'invoices',
      url: new URL(`${ORIGIN}/documents/invoices/${INVOICE}.pdf?token=${LINK_TOKEN}`),
      forwardsAuthorization: false,
    });
    expect(documentTarget(`/documents/transcripts/${INVOICE}.pdf`, ORIGIN)?.forwardsAuthorization).toBe(true);
    expect(documentTarget('/documents/verify/%3Cscript%3E', ORIGIN)?.url.href).toBe(`${ORIGIN}/documents/verify/%3Cscript%3E`);
  });
  it.each([
    'http://evil.example/documents/verify/X',
    '//evil.example/documents/verify/X',
    '/documents/verify/X#frag',
    `/documents/invoices/${INVOICE}.exe`,
    '/documents/verify/A65',
    '/documents/invoices/a10000.pdf',
    '/documents/verify/...',
    '/documents/verify/%252e%252e',
    '/documents/unknown/X',
    '/documents/verify',
    '/documents/verify/',
  ])('refuses %s', (target) => {
    const long = target.replace('A65', 'A'.repeat(65)).replace('a10000', 'a'.repeat(10_000));
    expect(documentTarget(long, ORIGIN)).toBeNull();
  });
});
