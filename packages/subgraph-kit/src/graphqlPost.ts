import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { requestFailure } from './http';
import type { Logger } from './logger';
import { inRequestScope } from './requestScope';
import type { Tracing } from './tracing';

/** A JSON body in UTF-8 and not compressed: all a GraphQL client sends, and all this path reads. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** A request body this path will not take, by the HTTP status it is answered with. */
class BodyRefused extends Error {
  constructor(readonly status: 400 | 413) {
    super(`request body refused with ${status}`);
  }
}

/** A request target cut at its query string: the path, and the search with its `?` (or empty). */
function targetOf(req: IncomingMessage): { path: string; search: string } {
  const url = req.url ?? '';
  const at = url.indexOf('?');
  return at < 0 ? { path: url, search: '' } : { path: url.slice(0, at), search: url.slice(at) };
}

/**
 * Whether `req` is a GraphQL POST this path answers: to /graphql, with a plain JSON body. Anything else
 * (GET, another content type or encoding) goes through Express's full pipeline, which answers it as before.
 */
export function isPlainGraphQLPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const { path } = targetOf(req);
  if (path !== '/graphql' && path !== '/graphql/') return false;
  const encoding = req.headers['content-encoding'];
  return PLAIN_JSON.test(req.headers['content-type'] ?? '') && (encoding === undefined || encoding === 'identity');
}

/** Reads the whole body as JSON, an object or array as Express's JSON parser requires; empty is `{}`. */
function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limitBytes) {
      req.resume();
      reject(new BodyRefused(413));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        chunks.length = 0;
        reject(new BodyRefused(413));
      } else {
        chunks.push(chunk);
      }
    });
    req.on('error', () => reject(new BodyRefused(400)));
    req.on('end', () => {
      if (received > limitBytes) return;
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') {
        resolve({});
        return;
      }
      if (text[0] !== '{' && text[0] !== '[') {
        reject(new BodyRefused(400));
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BodyRefused(400));
      }
    });
  });
}

export interface GraphQLPostOptions<TContext extends BaseContext> {
  bodyLimitBytes: number;
  tracing: Tracing | undefined;
  logger: Logger;
  context: (req: IncomingMessage) => Promise<TContext>;
}

/**
 * Answers a plain GraphQL POST (isPlainGraphQLPost) with Apollo Server straight from Node's HTTP server:
 * the same request scope, body limit, error shapes and Apollo pipeline as the Express route, without
 * Express's routing, body parsing and response helpers, which cost about a tenth of a subgraph's CPU per
 * call (ADR 0049).
 */
export function graphqlPostHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: GraphQLPostOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const answerFailure = (res: ServerResponse, status: number) => {
    const body = JSON.stringify(requestFailure(status));
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readJsonBody(req, options.bodyLimitBytes);
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const answered = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: targetOf(req).search, body },
        context: () => options.context(req),
      });
      for (const [name, value] of answered.headers) res.setHeader(name, value);
      res.statusCode = answered.status ?? 200;
      if (answered.body.kind === 'complete') {
        res.setHeader('content-length', Buffer.byteLength(answered.body.string));
        res.end(answered.body.string);
        return;
      }
      for await (const chunk of answered.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      const status = error instanceof BodyRefused ? error.status : 500;
      if (status >= 500) options.logger.error({ err: error }, 'request failed');
      if (res.headersSent) res.destroy();
      else answerFailure(res, status);
    }
  };
  return (req, res) => inRequestScope(options.tracing, req, res, () => void answer(req, res));
}
