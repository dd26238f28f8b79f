import type { TypedDocumentString } from './gql/graphql';

const TOKEN_KEY = 'xueshi.token';

export function signedInToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Dispatched on window when the graph no longer accepts the token: the person signs in again. */
export const SIGNED_OUT_EVENT = 'xueshi:signed-out';

export function keepToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

/** A typed error from the graph: its stable code and the message in both languages. */
export class GraphError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
  }
}

interface FormattedError {
  message: string;
  extensions?: { code?: string; zh?: string; en?: string };
}

/**
 * Sends one of the generated operations (each a trusted document) to the gateway with the signed-in
 * learner's token, and returns its data or throws the first error as a GraphError.
 */
export async function run<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  ...[variables]: Record<string, never> extends Variables ? [Variables?] : [Variables]
): Promise<Result> {
  const token = signedInToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: Result | null; errors?: FormattedError[] };
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED' && token) {
      keepToken(null);
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    }
    throw new GraphError(code, error.extensions?.zh ?? error.message, error.extensions?.en ?? error.message);
  }
  if (!body.data) throw new GraphError('UNAVAILABLE', '服务暂时不可用', 'The service is unavailable');
  return body.data;
}
