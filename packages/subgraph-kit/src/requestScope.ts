import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/** The ids a request carries through every service and into every log line written while serving it. */
export interface RequestScope {
  /** The client's `x-request-id` when well-formed, otherwise a new UUID; answered in `x-request-id`. */
  readonly requestId: string;
  /** The W3C trace id (32 hex digits): the caller's `traceparent`'s when valid, otherwise a new one. */
  readonly traceId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Printable ids of 8–128 characters from a conservative set: anything else is replaced, never logged. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
/** Eleven digits in a row could be a mobile or most of an ID number: such an id is replaced too. */
const PERSONAL_NUMBER = /\d{11}/;
/** version-traceid-parentid-flags, as W3C Trace Context writes it; all-zero ids are invalid. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The trace id of a `traceparent` header, or null when it is absent or malformed. */
export function traceIdOf(traceparent: string | undefined): string | null {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (!match?.[1] || /^0+$/.test(match[1]) || /^0+$/.test(match[2] ?? '')) return null;
  return match[1];
}

/** The request's scope from its headers: ids kept when well-formed, made afresh otherwise. */
export function scopeOfHeaders(headers: Record<string, string | string[] | undefined>): RequestScope {
  const requestId = header(headers['x-request-id']);
  return {
    requestId: requestId && REQUEST_ID.test(requestId) && !PERSONAL_NUMBER.test(requestId) ? requestId : randomUUID(),
    traceId: traceIdOf(header(headers['traceparent'])) ?? randomBytes(16).toString('hex'),
  };
}

/**
 * Express middleware that runs the rest of the request inside its scope and answers `x-request-id`.
 * Mount it first and again after a body parser: parsers resume in the socket's context, not the
 * request's, so the scope is entered again from the one kept on the response.
 */
export function requestScope(): RequestHandler {
  return (req, res, next) => {
    const locals = res.locals as { requestScope?: RequestScope };
    const scope = (locals.requestScope ??= scopeOfHeaders(req.headers));
    if (!res.headersSent) res.setHeader('x-request-id', scope.requestId);
    storage.run(scope, next);
  };
}

/** The scope of the request being served, or undefined outside any request. */
export const currentRequestScope = (): RequestScope | undefined => storage.getStore();

/**
 * Headers that carry the current request's ids on to another service: `x-request-id` and a
 * `traceparent` naming a new span of the same trace. Empty outside any request.
 */
export function propagationHeaders(): Record<string, string> {
  const scope = storage.getStore();
  if (!scope) return {};
  return { 'x-request-id': scope.requestId, traceparent: `00-${scope.traceId}-${randomBytes(8).toString('hex')}-01` };
}
