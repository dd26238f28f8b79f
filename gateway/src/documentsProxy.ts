import {
  CircuitBreaker,
  DEFAULT_CIRCUIT_BREAKER,
  ErrorCode,
  FetchFailed,
  UserError,
  VERIFICATION_LIMITS,
  boundedFetch,
  sendTooManyRequests,
} from '@xueshi/subgraph-kit';
import type { CircuitBreakerSettings, Logger, RateLimiter } from '@xueshi/subgraph-kit';
import express from 'express';
import type { RequestHandler, Response } from 'express';

/** How long one document may take, rendering included; a PDF takes well under a second. */
export const DEFAULT_DOCUMENTS_TIMEOUT_MS = 10_000;

/** The registry's document routes: the only paths the gateway ever asks the registry for. */
export type DocumentRoute = 'invoices' | 'transcripts' | 'verify';

/** A request for a document, rebuilt from validated parts: where to fetch it and what to send along. */
export interface DocumentTarget {
  route: DocumentRoute;
  /** On the registry's origin, under /documents/<route>/, one encoded segment, the link token at most. */
  url: URL;
  /**
   * Whether the caller's bearer token goes along: only to a download without a link token, which the
   * registry then opens for the signed-in caller. The public verification page never gets it.
   */
  forwardsAuthorization: boolean;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FILE_SHAPES: Record<Exclude<DocumentRoute, 'verify'>, RegExp> = {
  invoices: new RegExp(`^${UUID}\\.pdf$`, 'i'),
  transcripts: new RegExp(`^${UUID}\\.(pdf|csv)$`, 'i'),
};
/**
 * A verification code as a person may type it (the registry forgives case, spaces and look-alikes and
 * escapes what it shows): no separators, no escapes, nothing invisible, not only dots.
 */
const CODE_SHAPE = /^(?!\.+$)[^/\\%\p{C}]{1,64}$/u;
/** A link token is a compact JWS. */
const LINK_TOKEN = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const MAX_LINK_TOKEN_LENGTH = 4096;

const decoded = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/**
 * The registry URL a gateway request target stands for, or null when it is not exactly one document
 * route: absolute-form and protocol-relative targets, dot segments (plain or encoded, once or twice),
 * encoded slashes or backslashes, extra segments and unknown routes are all null. Only the link token
 * of a download survives from the query; the verification page takes none.
 */
export function documentTarget(requestTarget: string, origin: string): DocumentTarget | null {
  const prefix = '/documents/';
  if (!requestTarget.startsWith(prefix) || requestTarget.includes('#')) return null;
  const queryAt = requestTarget.indexOf('?');
  const path = queryAt === -1 ? requestTarget : requestTarget.slice(0, queryAt);
  const segments = path.slice(prefix.length).split('/');
  if (segments.length !== 2) return null;
  const [route, rawFile = ''] = segments;
  const file = decoded(rawFile);
  if (file === null) return null;

  const url = new URL(origin);
  if (route === 'verify') {
    if (!CODE_SHAPE.test(file)) return null;
    url.pathname = `${prefix}verify/${encodeURIComponent(file)}`;
    return { route, url, forwardsAuthorization: false };
  }
  if (route !== 'invoices' && route !== 'transcripts') return null;
  if (!FILE_SHAPES[route].test(file)) return null;
  url.pathname = `${prefix}${route}/${file}`;
  const token = queryAt === -1 ? null : new URLSearchParams(requestTarget.slice(queryAt + 1)).get('token');
  if (token !== null) {
    if (token.length > MAX_LINK_TOKEN_LENGTH || !LINK_TOKEN.test(token)) return null;
    url.search = new URLSearchParams({ token }).toString();
  }
  return { route, url, forwardsAuthorization: token === null };
}

/** Headers of the registry's answer the caller gets; nothing else (cookies, server details) passes. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'content-security-policy'];

const refuse = (res: Response, status: number, code: string, zh: string, en: string) =>
  res.status(status).json({ errors: [{ message: `${zh} (${en})`, extensions: { code, zh, en } }] });

export interface DocumentsProxyOptions {
  /** The registry's origin. */
  origin: string;
  logger: Logger;
  /** The whole answer, body included, within this; else 504 (default DEFAULT_DOCUMENTS_TIMEOUT_MS). */
  timeoutMs?: number | undefined;
  /** Counts views of the verification page per client address (VERIFICATION_LIMITS.perClient); none without one. */
  limiter?: RateLimiter | undefined;
  /** When to stop asking a registry that does not answer (DEFAULT_CIRCUIT_BREAKER unless given). */
  breaker?: CircuitBreakerSettings | undefined;
}

/**
 * Answers a document request that got no answer: 504 when the service was too slow, else 503. An open
 * circuit was logged when it opened, so the calls it turns away are not.
 */
function refuseUnanswered(res: Response, logger: Logger, error: unknown, context: Record<string, string>): void {
  const timedOut =
    (error instanceof FetchFailed && error.reason === 'timeout') ||
    (error instanceof DOMException && error.name === 'TimeoutError');
  if (!(error instanceof FetchFailed && error.reason === 'circuit-open')) {
    logger.warn({ err: error, ...context }, timedOut ? 'document service too slow' : 'document service unreachable');
  }
  refuse(res, timedOut ? 504 : 503, 'UNAVAILABLE', '文档服务暂时不可用', 'Documents are unavailable');
}

/**
 * Serves GET /documents/* from the registry's document routes, and nothing else: the target is rebuilt
 * from validated segments (documentTarget), redirects are refused rather than followed, only the
 * bearer token a download needs is sent along, and the answer must arrive within the timeout.
 */
export function documentsProxy(options: DocumentsProxyOptions): RequestHandler {
  const { logger } = options;
  // Documents are reads: one sent again after a dropped connection changes nothing.
  const send = boundedFetch({
    service: 'documents',
    timeoutMs: options.timeoutMs ?? DEFAULT_DOCUMENTS_TIMEOUT_MS,
    breaker: new CircuitBreaker('documents', options.breaker ?? DEFAULT_CIRCUIT_BREAKER, logger),
    retryable: () => true,
  });
  return async (req, res) => {
    const target = documentTarget(req.originalUrl, options.origin);
    if (!target) {
      refuse(res, 404, 'NOT_FOUND', '未找到该文档', 'No such document');
      return;
    }
    if (target.route === 'verify' && options.limiter) {
      try {
        await options.limiter.reserve(VERIFICATION_LIMITS.perClient, req.ip ?? req.socket.remoteAddress ?? 'unknown');
      } catch (error) {
        if (error instanceof UserError && error.code === ErrorCode.RATE_LIMITED) {
          sendTooManyRequests(res, Number(error.extensions['retryAfterSeconds']));
          return;
        }
        // Without its counter the page is not served unlimited.
        logger.error({ err: error }, 'verification limit unavailable; refusing the page');
        refuse(res, 503, 'UNAVAILABLE', '文档服务暂时不可用', 'Documents are unavailable');
        return;
      }
    }
    const authorization = target.forwardsAuthorization ? req.headers.authorization : undefined;
    try {
      const upstream = await send(target.url, { headers: authorization ? { authorization } : {}, redirect: 'manual' });
      if (upstream.type === 'opaqueredirect' || (upstream.status >= 300 && upstream.status < 400)) {
        await upstream.body?.cancel();
        logger.warn({ route: target.route, status: upstream.status }, 'document service answered with a redirect; refused');
        refuse(res, 502, 'UNAVAILABLE', '文档服务暂时不可用', 'Documents are unavailable');
        return;
      }
      const body = Buffer.from(await upstream.arrayBuffer());
      for (const header of PASSED_HEADERS) {
        const value = upstream.headers.get(header);
        if (value) res.set(header, value);
      }
      res.set('x-content-type-options', 'nosniff').status(upstream.status).send(body);
    } catch (error) {
      refuseUnanswered(res, logger, error, { service: 'documents', route: target.route });
    }
  };
}

/** The largest stamped scan the association takes (5 MB); the gateway passes one byte more so it can say so. */
const MAX_SCAN_BYTES = 5 * 1024 * 1024;
const TRAINING_FILES: ReadonlySet<string> = new Set(['form.pdf', 'scan']);
const TRAINING_UUID = new RegExp(`^${UUID}$`, 'i');

export interface TrainingDocumentsProxyOptions {
  /** The association's origin. */
  origin: string;
  logger: Logger;
  timeoutMs?: number | undefined;
  /** When to stop asking an association that does not answer (DEFAULT_CIRCUIT_BREAKER unless given). */
  breaker?: CircuitBreakerSettings | undefined;
}

/**
 * Serves an employer's training request documents from the association: GET of the pre-filled form
 * (`/documents/training-requests/<id>/form.pdf`) and GET or PUT of the stamped scan (`…/<id>/scan`, the
 * body passed on as it came, at most 5 MB and a byte). Only these paths, rebuilt from a validated id;
 * the caller's bearer token goes along, since the association opens them for the signed-in caller.
 * Redirects are refused and the answer must arrive within the timeout.
 */
export function trainingDocumentsProxy(options: TrainingDocumentsProxyOptions): RequestHandler[] {
  const { logger } = options;
  // An upload is never sent twice: the association may have stored it before the connection dropped.
  const send = boundedFetch({
    service: 'training-documents',
    timeoutMs: options.timeoutMs ?? DEFAULT_DOCUMENTS_TIMEOUT_MS,
    breaker: new CircuitBreaker('training-documents', options.breaker ?? DEFAULT_CIRCUIT_BREAKER, logger),
    retryable: (init) => (init.method ?? 'GET') === 'GET',
  });
  const handler: RequestHandler = async (req, res) => {
    const id = String(req.params['id'] ?? '');
    const file = String(req.params['file'] ?? '');
    if (!TRAINING_UUID.test(id) || !TRAINING_FILES.has(file) || (req.method === 'PUT' && file !== 'scan')) {
      refuse(res, 404, 'NOT_FOUND', '未找到该文档', 'No such document');
      return;
    }
    const url = new URL(origin(options.origin));
    url.pathname = `/documents/training-requests/${id.toLowerCase()}/${file}`;
    const body: unknown = req.body;
    const upload = req.method === 'PUT' && body instanceof Buffer ? body : undefined;
    try {
      const upstream = await send(url, {
        method: req.method === 'PUT' ? 'PUT' : 'GET',
        headers: {
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          ...(upload && req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}),
        },
        ...(upload ? { body: upload } : {}),
        redirect: 'manual',
      });
      if (upstream.type === 'opaqueredirect' || (upstream.status >= 300 && upstream.status < 400)) {
        await upstream.body?.cancel();
        logger.warn({ status: upstream.status }, 'association answered a document with a redirect; refused');
        refuse(res, 502, 'UNAVAILABLE', '文档服务暂时不可用', 'Documents are unavailable');
        return;
      }
      const answer = Buffer.from(await upstream.arrayBuffer());
      for (const header of PASSED_HEADERS) {
        const value = upstream.headers.get(header);
        if (value) res.set(header, value);
      }
      res.set('x-content-type-options', 'nosniff').status(upstream.status).send(answer);
    } catch (error) {
      refuseUnanswered(res, logger, error, { service: 'training-documents' });
    }
  };
  return [express.raw({ type: () => true, limit: MAX_SCAN_BYTES + 1 }), handler];
}

const origin = (value: string): string => new URL(value).origin;
