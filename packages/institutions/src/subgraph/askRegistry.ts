/** How long an institution waits for the registry's answer to one of its questions. */
const TIMEOUT_MS = 5_000;

/**
 * Asks the registry's public GraphQL at `url` and gives what `read` finds in the answer's data; throws
 * when the registry does not answer in time, answers with an HTTP error, or `read` finds nothing.
 * Callers turn that into their own typed UNAVAILABLE, so a change that depends on it is refused, not guessed.
 */
export async function askRegistry<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  read: (data: unknown) => T | undefined,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { data?: unknown };
  const found = read(body.data);
  if (found === undefined) throw new Error('the answer lacks what was asked');
  return found;
}
