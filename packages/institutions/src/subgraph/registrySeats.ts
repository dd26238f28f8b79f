import { ErrorCode, UserError } from '@xueshi/subgraph-kit';
import type { Logger } from '@xueshi/subgraph-kit';

/** How many seats of a session the registry counts as taken (paid, or held for payment). */
export type SeatsTaken = (sessionId: string) => Promise<number>;

const TIMEOUT_MS = 5_000;
const QUERY = 'query SeatsTaken($id: ID!) { session(id: $id) { seatsTaken } }';

/**
 * Asks the registry at `registryUrl()` (read on each call, so a test graph can learn it after starting)
 * for a session's public seat count. UNAVAILABLE when the registry does not answer with one, so a date
 * change that depends on it is refused rather than guessed.
 */
export function registrySeatsTaken(registryUrl: () => string, logger: Logger): SeatsTaken {
  const unavailable = () =>
    new UserError(
      ErrorCode.UNAVAILABLE,
      {
        zh: '报名系统暂时不可用，无法确认该班次的报名情况，请稍后再试',
        en: 'The registry is unavailable to confirm who holds seats on this session; please try again later',
      },
      { serviceName: 'registry' },
    );
  return async (sessionId) => {
    try {
      const response = await fetch(registryUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { id: sessionId } }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { data?: { session?: { seatsTaken?: unknown } | null } };
      const seats = body.data?.session?.seatsTaken;
      if (typeof seats !== 'number' || !Number.isInteger(seats) || seats < 0) throw new Error('no seat count in the answer');
      return seats;
    } catch (error) {
      logger.warn({ err: error }, 'registry unreachable for a seat count');
      throw unavailable();
    }
  };
}
