import { createHttpPost } from '@xueshi/subgraph-kit';

/** How long an institution waits for the registry's answer to one of its questions. */
const TIMEOUT_MS = 5_000;

/** One process's connections to the registry, kept alive between questions (ADR 0044), carrying the request's ids. */
const httpPost = createHttpPost({ carryRequestIds: true });

/**
 * Asks the registry's GraphQL at `url` (as `authorization`, when given; anonymously otherwise) and gives
 * what `read` finds in the answer's data; throws when the registry does not answer in time, answers with
 * an HTTP error, or `read` finds nothing. Callers turn that into their own typed UNAVAILABLE, so a change
 * that depends on it is refused, not guessed.
 */
export async function askRegistry<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  read: (data: unknown) => T | undefined,
  authorization?: string,
): Promise<T> {
  const answer = await httpPost(url, {
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (answer.status < 200 || answer.status >= 300) throw new Error(`HTTP ${answer.status}`);
  const body = JSON.parse(answer.body) as { data?: unknown };
  const found = read(body.data);
  if (found === undefined) throw new Error('the answer lacks what was asked');
  return found;
}
