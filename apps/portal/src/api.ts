import type { TypedDocumentString } from './gql/graphql';

const TOKEN_KEY = 'xueshi.token';
const ACCOUNT_KEY = 'xueshi.account';

/** Who a token signs in: a learner, or a member of staff (institution staff, the registrar, an analyst). */
export type Account = 'learner' | 'staff';

export function signedInToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The kind of account signed in, or null when no one is. */
export function signedInAccount(): Account | null {
  if (signedInToken() === null) return null;
  return sessionStorage.getItem(ACCOUNT_KEY) === 'staff' ? 'staff' : 'learner';
}

/** Dispatched on window when the graph no longer accepts the token: the person signs in again. */
export const SIGNED_OUT_EVENT = 'xueshi:signed-out';

export function keepToken(token: string | null, account: Account = 'learner'): void {
  if (token === null) {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ACCOUNT_KEY);
  } else {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(ACCOUNT_KEY, account);
  }
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

type Answer<Result> = { status: number; body: { data?: Result | null; errors?: FormattedError[] } };

async function post<Result>(query: string, variables: unknown, token: string | null): Promise<Answer<Result>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Answer<Result>['body'] };
}

/**
 * Sends one of the generated operations (each a trusted document) to the gateway with the signed-in
 * person's token, and returns its data or throws the first error as a GraphError.
 */
export async function run<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  ...[variables]: Record<string, never> extends Variables ? [Variables?] : [Variables]
): Promise<Result> {
  const token = signedInToken();
  const refused = (answer: Answer<Result>) => answer.body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
  let answer = await post<Result>(document.toString(), variables, token);
  if (token && refused(answer)) {
    // The token expired: the page asks the person to sign in again, and forms kept by useKeptForm
    // come back filled in once they have.
    keepToken(null);
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    // Refused before anything ran (401), so asked again as anyone: public pages such as the catalogue
    // still show. What needs a sign-in keeps the first refusal, which says the session expired.
    if (answer.status === 401) {
      const asAnyone = await post<Result>(document.toString(), variables, null);
      if (!refused(asAnyone)) answer = asAnyone;
    }
  }
  const { body } = answer;
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    throw new GraphError(code, error.extensions?.zh ?? error.message, error.extensions?.en ?? error.message);
  }
  if (!body.data) throw new GraphError('UNAVAILABLE', '服务暂时不可用', 'The service is unavailable');
  return body.data;
}
