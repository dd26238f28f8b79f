import { ErrorCode, UserError } from '@xueshi/subgraph-kit';
import type { Logger } from '@xueshi/subgraph-kit';
import { askRegistry } from './askRegistry';

/** How many seats of a session the registry counts as taken (paid, or held for payment). */
export type SeatsTaken = (sessionId: string) => Promise<number>;

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
      return await askRegistry(registryUrl(), QUERY, { id: sessionId }, (data) => {
        const seats = (data as { session?: { seatsTaken?: unknown } | null } | undefined)?.session?.seatsTaken;
        return typeof seats === 'number' && Number.isInteger(seats) && seats >= 0 ? seats : undefined;
      });
    } catch (error) {
      logger.warn({ err: error }, 'registry unreachable for a seat count');
      throw unavailable();
    }
  };
}
