import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, SpanStatusCode, context, isSpanContextValid, trace } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { remoteParent, remoteSpanContext, traceparentOf } from './tracing';
import type { Tracing } from './tracing';

/** The ids a request carries through every service and into every log line written while serving it. */
export interface RequestScope {
  /** The client's `x-request-id` when well-formed, otherwise a new UUID; answered in `x-request-id`. */
  readonly requestId: string;
  /**
   * The W3C trace id (32 hex digits): the caller's `traceparent`'s when valid, otherwise a new one; with
   * tracing on, the id of the trace the request's spans are in.
   */
  readonly traceId: string;
}

/** The scope as kept while serving: with the service's tracing, for spans made far from the server (loaders). */
interface ServedScope extends RequestScope {
  readonly tracing?: Tracing | undefined;
}

const storage = new AsyncLocalStorage<ServedScope>();

/** Printable ids of 8–128 characters from a conservative set: anything else is replaced, never logged. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
/** Eleven digits in a row could be a mobile or most of an ID number: such an id is replaced too. */
const PERSONAL_NUMBER = /\d{11}/;
/** The endpoints whose requests are traced: not probes nor scrapes, which would bury them. */
const TRACED = /^\/(graphql|documents)(?=\/|$|\?)/;

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The trace id of a `traceparent` header, or null when it is absent or malformed. */
export const traceIdOf = (traceparent: string | undefined): string | null => remoteSpanContext(traceparent)?.traceId ?? null;

/** The request's scope from its headers: ids kept when well-formed, made afresh otherwise. */
export function scopeOfHeaders(headers: Record<string, string | string[] | undefined>): RequestScope {
  const requestId = header(headers['x-request-id']);
  return {
    requestId: requestId && REQUEST_ID.test(requestId) && !PERSONAL_NUMBER.test(requestId) ? requestId : randomUUID(),
    traceId: traceIdOf(header(headers['traceparent'])) ?? randomBytes(16).toString('hex'),
  };
}

/** A request's scope once opened, with the context of its server span when it is traced. */
interface OpenedScope {
  readonly scope: ServedScope;
  readonly traced?: Context | undefined;
}

/**
 * Opens the scope of a request to `url`: with `tracing`, a GraphQL or document request gets a server span,
 * a child of the caller's `traceparent`, whose trace id is the scope's, ended when the response closes.
 */
function openScope(tracing: Tracing | undefined, req: IncomingMessage, res: ServerResponse, url: string): OpenedScope {
  const scope = scopeOfHeaders(req.headers);
  const route = TRACED.exec(url)?.[0];
  if (!tracing || !route) return { scope };
  const parent = remoteParent(header(req.headers['traceparent']));
  // Named by the route alone: paths below it can hold document codes.
  const span = tracing.tracer.startSpan(
    `${req.method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route } },
    parent,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return {
    scope: { requestId: scope.requestId, traceId: span.spanContext().traceId, tracing },
    traced: trace.setSpan(parent, span),
  };
}

/** Runs `work` inside the opened scope (and its span's context), answering the scope's `x-request-id`. */
function runInScope<T>({ scope, traced }: OpenedScope, res: ServerResponse, work: () => T): T {
  if (!res.headersSent) res.setHeader('x-request-id', scope.requestId);
  return traced ? context.with(traced, () => storage.run(scope, work)) : storage.run(scope, work);
}

/**
 * Express middleware that runs the rest of the request inside its scope (see openScope). Mount it first
 * and again after a body parser: parsers resume in the socket's context, not the request's, so the scope
 * is entered again from the one kept on the response.
 */
export function requestScope(tracing?: Tracing): RequestHandler {
  return (req, res, next) => {
    const locals = res.locals as { requestScope?: OpenedScope };
    locals.requestScope ??= openScope(tracing, req, res, req.originalUrl);
    runInScope(locals.requestScope, res, next);
  };
}

/**
 * Runs `work` in a new request scope outside Express (see openScope), answering its `x-request-id`. The
 * scope follows `work`'s awaits, a body read included: only callbacks from the socket's own events would
 * leave it, which is why the Express middleware is mounted again after a body parser.
 */
export function inRequestScope<T>(tracing: Tracing | undefined, req: IncomingMessage, res: ServerResponse, work: () => T): T {
  return runInScope(openScope(tracing, req, res, req.url ?? ''), res, work);
}

/** The scope of the request being served, or undefined outside any request. */
export const currentRequestScope = (): RequestScope | undefined => storage.getStore();

/** The tracing of the service serving the current request, when the request is traced. */
export const currentTracing = (): Tracing | undefined => storage.getStore()?.tracing;

/**
 * Headers that carry the current request's ids on to another service: `x-request-id` and a
 * `traceparent` naming the active span (with tracing on) or a new span id of the same trace. Empty
 * outside any request.
 */
export function propagationHeaders(): Record<string, string> {
  const scope = storage.getStore();
  if (!scope) return {};
  const active = trace.getSpanContext(context.active());
  const parent =
    active && isSpanContextValid(active) && active.traceId === scope.traceId
      ? traceparentOf(active)
      : `00-${scope.traceId}-${randomBytes(8).toString('hex')}-01`;
  return { 'x-request-id': scope.requestId, traceparent: parent };
}
