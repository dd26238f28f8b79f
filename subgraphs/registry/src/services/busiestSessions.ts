import type { Clock, Db } from '@xueshi/subgraph-kit';
import { and, count, desc, gt } from 'drizzle-orm';
import { registrations } from '../db/schema';
import { holdsSeatAt } from '../store/registrations';
import type { InstitutionDirectory } from './institutionDirectory';

/** How many sessions the dashboard shows: few, so the series stay few whatever the catalogue holds. */
export const BUSIEST_SESSIONS = 10;
/** How often the registry measures them: about as often as Prometheus scrapes. */
export const SEATS_MEASURE_INTERVAL_MS = 15_000;
/** The sessions holding the most seats, whose capacity is asked of their institutions at each look. */
const CANDIDATES = 30;

/** A session still to start, with the seats it holds and has. */
export interface SessionFill {
  institution: string;
  sessionId: string;
  held: number;
  capacity: number;
}

/** The `limit` fullest sessions: by share of seats held, then fewest seats left, then id. */
export function fullest(sessions: readonly SessionFill[], limit: number): SessionFill[] {
  return [...sessions]
    .sort(
      (a, b) =>
        b.held / b.capacity - a.held / a.capacity ||
        a.capacity - a.held - (b.capacity - b.held) ||
        (a.sessionId < b.sessionId ? -1 : 1),
    )
    .slice(0, limit);
}

/**
 * The busiest sessions still to start: of the CANDIDATES holding the most seats now (one grouped
 * statement), the BUSIEST_SESSIONS fullest, capacities read from their institutions (ADR 0006). A
 * session whose institution does not answer, or without a seat limit, is left out.
 */
export function createBusiestSessions(options: { db: Db; clock: Clock; directory: InstitutionDirectory }) {
  return async (): Promise<SessionFill[]> => {
    const now = options.clock.now();
    const held = count();
    const rows = await options.db
      .select({ sessionId: registrations.sessionId, institution: registrations.institution, held })
      .from(registrations)
      .where(and(gt(registrations.sessionStartsAt, now), holdsSeatAt(now)))
      .groupBy(registrations.sessionId, registrations.institution)
      .orderBy(desc(held), registrations.sessionId)
      .limit(CANDIDATES);
    const facts = await Promise.allSettled(rows.map((row) => options.directory.sessionFacts(row.sessionId)));
    const sessions = rows.flatMap((row, index): SessionFill[] => {
      const answer = facts[index];
      const capacity = answer?.status === 'fulfilled' ? answer.value?.capacity : null;
      return typeof capacity === 'number' && capacity > 0 ? [{ ...row, held: Number(row.held), capacity }] : [];
    });
    return fullest(sessions, BUSIEST_SESSIONS);
  };
}
