import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { makeRoom } from '@xueshi/subgraph-kit';
import { Kind } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from './create';

/**
 * How old an answer from the public cache may be: seat counts in the catalogue lag at most this much
 * (issue 8 allows 2 s), counted from when the request that fetched them started.
 */
export const PUBLIC_CACHE_MAX_AGE_MS = 1_500;
const MAX_ENTRIES = 500;

/** The root fields of the public catalogue: the same answer for every anonymous caller. */
const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(['institutions', 'institution', '__typename']);

/** Only queries made of public root fields, written out plainly (no fragments or directives at the root). */
function isPublicCatalogue(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(selection.name.value) && (selection.directives ?? []).length === 0,
  );
}

interface Entry {
  /** When the request that fetched the answer started. */
  asOf: number;
  body: string;
}

/**
 * Apollo Server answers these Accept headers with plain JSON; a client asking for another media type
 * (application/graphql-response+json) goes through it every time.
 */
const PLAIN_JSON_ACCEPTS: ReadonlySet<string | undefined> = new Set([undefined, '*/*', 'application/json']);
const CONTENT_TYPE = 'application/json; charset=utf-8';

export interface PublicCacheOptions {
  maxAgeMs?: number | undefined;
  /** Milliseconds on a monotonic clock (performance.now by default). */
  now?: (() => number) | undefined;
}

/**
 * A short-lived cache of the public catalogue for anonymous callers (ADR 0024). The middleware answers
 * an anonymous POST of JSON whose exact body was answered within `maxAgeMs` with that
 * answer, before anything else runs; the plugin keeps an answer only when it is the catalogue's (a
 * query of public root fields), complete (data, no errors) and was asked anonymously. A request with
 * any authorization is never answered from the cache nor stored in it, so a signed-in learner always
 * sees their own registrations at once, and nothing of one caller reaches another.
 */
export function publicCache(options: PublicCacheOptions = {}): {
  middleware: RequestHandler;
  plugin: ApolloServerPlugin<GatewayContext>;
} {
  const maxAgeMs = options.maxAgeMs ?? PUBLIC_CACHE_MAX_AGE_MS;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, Entry>();
  /** Anonymous requests on their way through Apollo Server, by their parsed body (which it keeps). */
  const asked = new WeakMap<object, { key: string; asOf: number }>();

  const store = (key: string, entry: Entry) => {
    entries.delete(key);
    makeRoom(entries, MAX_ENTRIES, (kept) => entry.asOf - kept.asOf > maxAgeMs);
    entries.set(key, entry);
  };

  const middleware: RequestHandler = (req: Request, res, next) => {
    const body: unknown = req.body;
    if (req.method !== 'POST' || req.headers.authorization !== undefined || !req.is('application/json')) return next();
    if (!PLAIN_JSON_ACCEPTS.has(req.headers.accept)) return next();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return next();
    const key = JSON.stringify(body);
    const at = now();
    const entry = entries.get(key);
    if (entry && at - entry.asOf <= maxAgeMs) {
      res.status(200).type(CONTENT_TYPE).send(entry.body);
      return;
    }
    asked.set(body, { key, asOf: at });
    next();
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    requestDidStart: async () => ({
      willSendResponse: async ({ request, response, operation, contextValue }) => {
        const anonymous = request.http?.body;
        const pending = typeof anonymous === 'object' && anonymous !== null ? asked.get(anonymous) : undefined;
        if (!pending || contextValue.authorization !== undefined || !isPublicCatalogue(operation)) return;
        if (response.body.kind !== 'single' || (response.http.status ?? 200) !== 200) return;
        const result = response.body.singleResult;
        if (result.errors?.length || !result.data) return;
        store(pending.key, {
          asOf: pending.asOf,
          body: `${JSON.stringify(result)}\n`,
        });
      },
    }),
  };

  return { middleware, plugin };
}
