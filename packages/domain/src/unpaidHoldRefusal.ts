import { registrationStatusAt } from './registrationStatusAt';
import type { RegistrationStatus } from './registrationStatusAt';
import { assertValidInstant } from './shanghaiDay';

/**
 * How far unpaid holds may go, so that a few accounts cannot keep a session full without paying:
 * - at most `maxLiveHolds` seats held unpaid at once;
 * - a hold that ended unpaid (lapsed, or withdrawn before paying) bars the same session to that
 *   learner for `sameSessionCooldownMinutes`, so a hold cannot be renewed back to back;
 * - at most `maxEndedUnpaidPerWindow` holds ending unpaid within `windowMinutes`, then no new hold
 *   until the oldest of them leaves the window.
 */
export const UNPAID_HOLD_LIMITS = {
  maxLiveHolds: 3,
  sameSessionCooldownMinutes: 24 * 60,
  maxEndedUnpaidPerWindow: 3,
  windowMinutes: 24 * 60,
} as const;

export type UnpaidHoldLimits = { readonly [K in keyof typeof UNPAID_HOLD_LIMITS]: number };

/** A registration of the learner that was never paid (free registrations are never holds). */
export interface UnpaidRegistration {
  sessionId: string;
  status: RegistrationStatus;
  holdExpiresAt: Date | null;
  /** When it was written down as withdrawn or expired; null while it is not. */
  endedAt: Date | null;
}

/** Why a new unpaid hold is refused; `holdAgainAt` is the earliest instant the same request can succeed. */
export type UnpaidHoldRefusal =
  | { reason: 'TOO_MANY_LIVE_HOLDS'; limit: number; holdAgainAt: Date }
  | { reason: 'SESSION_RECENTLY_RELEASED'; holdAgainAt: Date }
  | { reason: 'TOO_MANY_ENDED_UNPAID'; limit: number; holdAgainAt: Date };

const MINUTE_MS = 60_000;

/** When an unpaid registration stopped holding its seat, or null while it still holds (or never did). */
function endedUnpaidAt(registration: UnpaidRegistration, now: Date): Date | null {
  const status = registrationStatusAt({ ...registration, accessExpiresAt: null }, now);
  if (status !== 'EXPIRED' && status !== 'WITHDRAWN') return null;
  return registration.endedAt ?? registration.holdExpiresAt;
}

const isLiveAt = (now: Date) => (registration: UnpaidRegistration) =>
  registrationStatusAt({ ...registration, accessExpiresAt: null }, now) === 'AWAITING_PAYMENT';

const earliest = (instants: Date[]): Date => new Date(Math.min(...instants.map((instant) => instant.getTime())));

/**
 * Whether a learner may take a new unpaid hold on `sessionId` at `now`, given their unpaid
 * registrations (any older than the window are ignored). Returns the first rule that refuses, or
 * null; throws RangeError for an invalid `now`.
 */
export function unpaidHoldRefusal(
  sessionId: string,
  unpaid: readonly UnpaidRegistration[],
  now: Date,
  limits: UnpaidHoldLimits = UNPAID_HOLD_LIMITS,
): UnpaidHoldRefusal | null {
  assertValidInstant(now, 'now');
  const live = unpaid.filter(isLiveAt(now));
  if (live.length >= limits.maxLiveHolds) {
    const lapses = live.map((registration) => registration.holdExpiresAt).filter((instant): instant is Date => instant !== null);
    return { reason: 'TOO_MANY_LIVE_HOLDS', limit: limits.maxLiveHolds, holdAgainAt: lapses.length ? earliest(lapses) : now };
  }

  const ended = unpaid
    .map((registration) => ({ sessionId: registration.sessionId, at: endedUnpaidAt(registration, now) }))
    .filter((entry): entry is { sessionId: string; at: Date } => entry.at !== null);

  const cooldownMs = limits.sameSessionCooldownMinutes * MINUTE_MS;
  const barredUntil = ended
    .filter((entry) => entry.sessionId === sessionId)
    .map((entry) => new Date(entry.at.getTime() + cooldownMs))
    .filter((until) => until > now);
  if (barredUntil.length > 0) {
    return {
      reason: 'SESSION_RECENTLY_RELEASED',
      holdAgainAt: new Date(Math.max(...barredUntil.map((until) => until.getTime()))),
    };
  }

  const windowMs = limits.windowMinutes * MINUTE_MS;
  const inWindow = ended.filter((entry) => now.getTime() - entry.at.getTime() < windowMs);
  if (inWindow.length >= limits.maxEndedUnpaidPerWindow) {
    // New holds resume once enough of them have left the window to fall under the cap.
    const leaving = inWindow.map((entry) => entry.at.getTime() + windowMs).sort((a, b) => a - b);
    const holdAgainAt = new Date(leaving[inWindow.length - limits.maxEndedUnpaidPerWindow] ?? now.getTime());
    return { reason: 'TOO_MANY_ENDED_UNPAID', limit: limits.maxEndedUnpaidPerWindow, holdAgainAt };
  }
  return null;
}

/** What an institution sees of unpaid holds on one of its sessions. */
export interface UnpaidHoldSummary {
  /** Seats held now by registrations awaiting payment. */
  held: number;
  /** Holds that ended unpaid (lapsed or withdrawn) within the last `windowMinutes`. */
  endedUnpaid: number;
  /** How many different learners those were. */
  learnersEndedUnpaid: number;
}

/**
 * Sums up a session's unpaid registrations at `now` by the same reading as `unpaidHoldRefusal`.
 * Throws RangeError for an invalid `now`.
 */
export function summariseUnpaidHolds(
  unpaid: readonly (UnpaidRegistration & { learnerId: string })[],
  now: Date,
  windowMinutes: number = UNPAID_HOLD_LIMITS.windowMinutes,
): UnpaidHoldSummary {
  assertValidInstant(now, 'now');
  const ended = unpaid.filter((registration) => {
    const at = endedUnpaidAt(registration, now);
    return at !== null && now.getTime() - at.getTime() < windowMinutes * MINUTE_MS;
  });
  return {
    held: unpaid.filter(isLiveAt(now)).length,
    endedUnpaid: ended.length,
    learnersEndedUnpaid: new Set(ended.map((registration) => registration.learnerId)).size,
  };
}
