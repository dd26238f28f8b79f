import http from 'node:http';
import https from 'node:https';
import { propagationHeaders } from './requestScope';

/** A service's whole HTTP answer: status, headers in the order sent, and the body as text. */
export interface HttpAnswer {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

export interface HttpPostInit {
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal | null;
}

/** Sends a POST and resolves with the whole answer; rejects with the signal's reason when it aborts. */
export type HttpPost = (url: string, init: HttpPostInit) => Promise<HttpAnswer>;

/**
 * Idle connections are closed before a Node server's 5 s keep-alive timeout, so a request is rarely sent
 * down a connection the server is closing (Node's agent also honours a shorter `Keep-Alive` hint).
 */
const IDLE_CONNECTION_MS = 4_000;

/**
 * A POST sender over node:http with connections kept alive, for a caller that reads every answer whole
 * (the gateway's subgraph calls): `fetch` (undici) wraps each answer in web streams, which took about a
 * fifth of the gateway's CPU (ADR 0044). With `carryRequestIds`, each POST carries the current request's
 * `x-request-id` and `traceparent` (propagationHeaders), so the called service's log lines and spans
 * join the caller's trace; the gateway sets them itself, inside each subgraph call's span.
 */
export function createHttpPost(options: { carryRequestIds?: boolean } = {}): HttpPost {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
    'https:': new https.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  };
  return (url, init) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const { signal } = init;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const target = new URL(url);
      const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
      const body = init.body ?? '';
      const request = (target.protocol === 'https:' ? https : http).request(target, {
        method: 'POST',
        agent,
        headers: {
          ...(options.carryRequestIds ? propagationHeaders() : {}),
          ...init.headers,
          'content-length': String(Buffer.byteLength(body)),
        },
      });
      const onAbort = () => {
        reject(signal?.reason);
        request.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      request.once('error', (error) => {
        settle();
        reject(error);
      });
      request.once('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', (error) => {
          settle();
          reject(error);
        });
        response.once('end', () => {
          settle();
          const headers: [string, string][] = [];
          const raw = response.rawHeaders;
          for (let index = 0; index + 1 < raw.length; index += 2) {
            headers.push([String(raw[index]).toLowerCase(), String(raw[index + 1])]);
          }
          resolve({
            url,
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      request.end(body);
    });
}
