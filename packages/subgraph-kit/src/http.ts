import type { Server } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { Caller, TokenVerifier } from './auth';
import { UserError } from './errors';
import type { Bilingual } from './errors';
import type { Logger } from './logger';
import type { AddressInfo } from 'node:net';

/** Starts `server` on `port` (0 picks a free one); throws when the port is taken. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return { url: `http://${reachable}:${address.port}/graphql`, port: address.port };
}

/**
 * The caller of an HTTP request, for a GraphQL context: a bad or expired token is refused with HTTP 401
 * and UNAUTHENTICATED before any resolver runs.
 */
export async function callerOfRequest(verifier: TokenVerifier, authorization: string | undefined): Promise<Caller | null> {
  try {
    return await verifier.fromAuthorizationHeader(authorization);
  } catch (error) {
    if (error instanceof UserError) {
      throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } });
    }
    throw error;
  }
}

/**
 * Answers what never reaches GraphQL (malformed JSON, a body over the limit) as a GraphQL-shaped JSON
 * error instead of Express's HTML page with a stack trace.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status =
      typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
    if (status >= 500) logger.error({ err: error }, 'request failed');
    res.status(status).json(requestFailure(status));
  };
}

/** The GraphQL-shaped answer to a request that never reached GraphQL, by its HTTP status. */
export function requestFailure(status: number): { errors: GraphQLFormattedError[] } {
  const message: Bilingual =
    status === 413
      ? { zh: '请求过大', en: 'Request body too large' }
      : status < 500
        ? { zh: '请求格式错误', en: 'Malformed request' }
        : { zh: '服务内部错误', en: 'Internal server error' };
  return {
    errors: [
      {
        message: `${message.zh} (${message.en})`,
        extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', zh: message.zh, en: message.en },
      },
    ],
  };
}

const ROUTE_STATUS: Readonly<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Answers an HTTP route's failure as GraphQL-shaped JSON: a typed error with the status its code means
 * (401, 403, 404, 409, else 400) and its extensions; anything else is logged and masked as a 500.
 */
export function sendError(response: Response, error: unknown, logger: Logger): void {
  if (error instanceof UserError) {
    response.status(ROUTE_STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    return;
  }
  logger.error({ err: error }, 'request failed');
  response
    .status(500)
    .json({ errors: [{ message: '服务内部错误 (Internal server error)', extensions: { code: 'UNAVAILABLE' } }] });
}

/**
 * Answers a public page asked for too often: HTTP 429 with Retry-After and a page in Chinese and
 * English saying how many seconds to wait.
 */
export function sendTooManyRequests(response: Response, retryAfterSeconds: number): void {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  response
    .status(429)
    .set('Retry-After', String(seconds))
    .set('Cache-Control', 'no-store')
    .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
    .type('html')
    .send(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>请求过于频繁 · Too many requests</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><h1>请求过于频繁 · Too many requests</h1><p>请 ${seconds} 秒后再试。Please try again in ${seconds} seconds.</p></body></html>`,
    );
}
