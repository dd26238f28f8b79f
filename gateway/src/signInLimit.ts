import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, SIGN_IN_LIMITS, UserError } from '@xueshi/subgraph-kit';
import type { Logger, RateLimitRule, RateLimiter, Reservation } from '@xueshi/subgraph-kit';
import { Kind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/** Root fields that try a password or create an account: what someone guessing passwords sends. */
export const SIGN_IN_FIELDS: ReadonlySet<string> = new Set([
  'signIn',
  'staffSignIn',
  'signUp',
  'employerSignIn',
  'employerSignUp',
]);

/** Root fields that create an account: also limited per address as sign-ups. */
const SIGN_UP_FIELDS: ReadonlySet<string> = new Set(['signUp', 'employerSignUp']);

/** The context the limit needs: who is asking, as the gateway sees them. */
export interface ClientAddressContext {
  /** The client's address: the socket's, or the one trusted proxies forwarded (TRUST_PROXY). */
  clientAddress: string;
}

/** A sign-in root field as an operation asks for it: the field, and its response key (its alias, if any). */
interface SignInField {
  field: string;
  key: string;
}

/**
 * The sign-in root fields of `operation` (aliased or not, through fragments too): twenty aliases of
 * signIn are twenty attempts.
 */
export function signInFields(document: DocumentNode, operation: OperationDefinitionNode): SignInField[] {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const keys = (selectionSet: SelectionSetNode, entered: ReadonlySet<string>): SignInField[] =>
    selectionSet.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) {
        const field = selection.name.value;
        return SIGN_IN_FIELDS.has(field) ? [{ field, key: selection.alias?.value ?? field }] : [];
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return keys(selection.selectionSet, entered);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || entered.has(fragment.name.value)) return [];
      return keys(fragment.selectionSet, new Set([...entered, fragment.name.value]));
    });
  return keys(operation.selectionSet, new Set());
}

/** How many sign-in attempts `operation` makes. */
export function signInAttempts(document: DocumentNode, operation: OperationDefinitionNode): number {
  return signInFields(document, operation).length;
}

/** Errors of a sign-in that mean a guess was wrong (or, for sign-up, an ID number probed). */
const FAILED_GUESS: ReadonlySet<unknown> = new Set([ErrorCode.UNAUTHENTICATED, ErrorCode.CONFLICT]);

/**
 * Limits sign-in attempts per client address (SIGN_IN_LIMITS.failuresPerAddress). Before the registry
 * hears of an operation, all its sign-in fields are reserved against the address's count in one atomic
 * step; an address that has no room left is refused with HTTP 429, RATE_LIMITED and
 * `retryAfterSeconds`. Parallel requests and batched operations each reserve their own, so together
 * they never make more attempts than the limit. Once answered, every reserved attempt that was not a
 * failed guess is given back: successful sign-ins never stay counted, so a whole office behind one
 * address signs in freely. The registry limits attempts per account on its own; this stops one address
 * from trying many accounts. Sign-ups are also limited per address by `signUpRule`, every one counted.
 *
 * When the counter store cannot be reached, sign-in is refused as UNAVAILABLE: an unlimited sign-in is
 * what the limit exists to prevent.
 */
export function signInLimitPlugin<TContext extends ClientAddressContext>(
  limiter: RateLimiter,
  logger: Logger,
  signUpRule: RateLimitRule,
): ApolloServerPlugin<TContext> {
  const rule = SIGN_IN_LIMITS.failuresPerAddress;
  const unavailable = (error: unknown) => {
    logger.error({ err: error }, 'sign-in limit unavailable; refusing sign-in');
    return new UserError(
      ErrorCode.UNAVAILABLE,
      { zh: '登录服务暂时不可用，请稍后再试', en: 'Sign-in is unavailable; please try again later' },
      { http: { status: 503 } },
    );
  };
  const tooMany = (error: unknown, message: { zh: string; en: string }) => {
    if (!(error instanceof UserError && error.code === ErrorCode.RATE_LIMITED)) return unavailable(error);
    const retryAfter = String(error.extensions['retryAfterSeconds']);
    return new UserError(ErrorCode.RATE_LIMITED, message, {
      retryAfterSeconds: error.extensions['retryAfterSeconds'],
      http: { status: 429, headers: new HeaderMap([['retry-after', retryAfter]]) },
    });
  };
  return {
    requestDidStart: async () => {
      let keys: string[] = [];
      let reservation: Reservation | undefined;
      return {
        didResolveOperation: async ({ document, operation, contextValue }) => {
          const fields = operation ? signInFields(document, operation) : [];
          keys = fields.map(({ key }) => key);
          if (keys.length === 0) return;
          const signUps = fields.filter(({ field }) => SIGN_UP_FIELDS.has(field)).length;
          // Sign-ups stay counted whatever their answer: each one probes or claims an ID number.
          if (signUps > 0) {
            try {
              await limiter.reserve(signUpRule, contextValue.clientAddress, signUps);
            } catch (error) {
              throw tooMany(error, {
                zh: '此地址的注册次数过多，请稍后再试',
                en: 'Too many sign-ups from this address; please try again later',
              });
            }
          }
          try {
            reservation = await limiter.reserve(rule, contextValue.clientAddress, keys.length);
          } catch (error) {
            throw tooMany(error, {
              zh: '此地址的登录尝试次数过多，请稍后再试',
              en: 'Too many sign-in attempts from this address; please try again later',
            });
          }
        },
        willSendResponse: async ({ response }) => {
          // An answer the gateway cannot read (incremental delivery) keeps every attempt counted.
          if (!reservation || response.body.kind !== 'single') return;
          const failures = (response.body.singleResult.errors ?? []).filter(
            (error) => keys.includes(String(error.path?.[0])) && FAILED_GUESS.has(error.extensions?.['code']),
          );
          try {
            await reservation.release(keys.length - failures.length);
          } catch (error) {
            logger.error({ err: error }, 'sign-in attempts not given back: the limit store is unavailable');
          }
        },
      };
    },
  };
}
