import { assertValidInstant } from './shanghaiDay';

/** When a session runs. */
export interface SessionDates {
  startsAt: Date;
  endsAt: Date;
}

/** Why a change of a session's dates is refused, or null when it may be made. */
export type SessionDateChangeRefusal = { reason: 'EARLIER_WITH_LEARNERS'; field: 'startsAt' | 'endsAt'; seatsTaken: number };

/** Whether `proposed` moves the start or the end of a session earlier than `current`. */
export function movesEarlier(current: SessionDates, proposed: SessionDates): boolean {
  return proposed.startsAt < current.startsAt || proposed.endsAt < current.endsAt;
}

/**
 * Whether a session's dates may change from `current` to `proposed` while `seatsTaken` learners hold a
 * seat on it (paid, or held for payment): then the start and the end may only move later, so nobody
 * loses a refund or a day they planned for. Any change is allowed while no seat is taken. Throws
 * RangeError for an invalid Date.
 */
export function sessionDateChangeRefusal(
  current: SessionDates,
  proposed: SessionDates,
  seatsTaken: number,
): SessionDateChangeRefusal | null {
  for (const instant of [current.startsAt, current.endsAt, proposed.startsAt, proposed.endsAt]) {
    assertValidInstant(instant, 'session date');
  }
  if (seatsTaken <= 0) return null;
  if (proposed.startsAt < current.startsAt) return { reason: 'EARLIER_WITH_LEARNERS', field: 'startsAt', seatsTaken };
  if (proposed.endsAt < current.endsAt) return { reason: 'EARLIER_WITH_LEARNERS', field: 'endsAt', seatsTaken };
  return null;
}

/**
 * The dates a learner's withdrawal is judged by (the refund's first day, whether the session is over):
 * those in force when they registered and paid, or the session's current ones where later, so a move
 * never shortens what the learner paid for. `paidFor` may lack dates (registrations from before they
 * were kept); `current` is null when the owner no longer has the session.
 */
export function datesOwedToLearner(
  paidFor: { startsAt: Date | null; endsAt: Date | null },
  current: SessionDates | null,
): { startsAt: Date | null; endsAt: Date | null } {
  const later = (a: Date | null, b: Date | null): Date | null => (a === null ? b : b === null ? a : a > b ? a : b);
  return { startsAt: later(paidFor.startsAt, current?.startsAt ?? null), endsAt: later(paidFor.endsAt, current?.endsAt ?? null) };
}
