import type { Logger } from '@xueshi/subgraph-kit';
import { askRegistry } from './askRegistry';

/** Tells the registry a session's facts changed, as the staff who changed it (`authorization`). */
export type AnnounceSessionChange = (sessionId: string, authorization: string | undefined) => Promise<void>;

const MUTATION = 'mutation SessionChanged($id: ID!) { sessionChanged(sessionId: $id) }';

/**
 * Sends the registry at `registryUrl()` (read on each call) the notice that a session changed, so no
 * registry takes a seat on the facts it kept from before (ADR 0055). The change is already saved when
 * this is sent: a notice the registry does not take is logged, and registries read the session again
 * once what they kept is older than SESSION_FACTS_MAX_AGE_MS.
 */
export function registrySessionChanges(registryUrl: () => string, logger: Logger): AnnounceSessionChange {
  return async (sessionId, authorization) => {
    try {
      await askRegistry(
        registryUrl(),
        MUTATION,
        { id: sessionId },
        (data) => ((data as { sessionChanged?: unknown } | undefined)?.sessionChanged === true ? true : undefined),
        authorization,
      );
    } catch (error) {
      logger.warn({ err: error, sessionId }, 'registry did not take the notice of a changed session');
    }
  };
}
