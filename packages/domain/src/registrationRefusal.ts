import { assertValidInstant } from './shanghaiDay';

/** Why a registration is refused, or null when the session takes it. */
export type RegistrationRefusal =
  | { reason: 'YEAR_NOT_OPEN'; opensAt: Date | null }
  | { reason: 'NOT_YET_OPEN'; opensAt: Date }
  | { reason: 'CLOSED'; closedAt: Date }
  | { reason: 'EMPLOYER_ONLY'; employer: string };

export interface RegistrationAttempt {
  now: Date;
  /** When the programme year's registration opens; null for a year the registry does not run. */
  programmeYearOpensAt: Date | null;
  session: {
    registrationOpensAt: Date;
    registrationClosesAt: Date;
    /** Employer-run training admits only that employer's staff. */
    restrictedToEmployer: string | null;
  };
  learnerEmployer: string;
}

/** An employer name compared loosely: no spaces, full-width brackets as half-width, case folded. */
export function normaliseEmployer(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Whether a learner may register for a session now: the year's window and the session's own must
 * be open, the session must not have started, and employer-run training admits only its employer's
 * staff. Returns the first reason that refuses, or null; throws RangeError for an invalid Date.
 */
export function registrationRefusal(attempt: RegistrationAttempt): RegistrationRefusal | null {
  const { now, programmeYearOpensAt, session } = attempt;
  assertValidInstant(now, 'now');
  if (programmeYearOpensAt === null || now < programmeYearOpensAt) {
    return { reason: 'YEAR_NOT_OPEN', opensAt: programmeYearOpensAt };
  }
  if (now < session.registrationOpensAt) return { reason: 'NOT_YET_OPEN', opensAt: session.registrationOpensAt };
  if (now >= session.registrationClosesAt) return { reason: 'CLOSED', closedAt: session.registrationClosesAt };
  if (
    session.restrictedToEmployer !== null &&
    normaliseEmployer(session.restrictedToEmployer) !== normaliseEmployer(attempt.learnerEmployer)
  ) {
    return { reason: 'EMPLOYER_ONLY', employer: session.restrictedToEmployer };
  }
  return null;
}
