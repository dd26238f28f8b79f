import type { DeliveryMode } from './DeliveryMode';
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
    /** Courseware is bought all year: the programme year's opening holds back live courses only. */
    deliveryMode: DeliveryMode;
    registrationOpensAt: Date;
    registrationClosesAt: Date;
    /** The name of the employer whose staff alone may register, for employer-run training. */
    restrictedToEmployer: string | null;
    /** That employer's unified social credit code; null on a session restricted by a name alone. */
    employerCreditCode: string | null;
  };
  /** Whether the learner's ID number is on the staff list of the session's employer (by its credit code). */
  learnerIsEmployerStaff: boolean;
}

/**
 * Whether a learner may register for a session now: the year's window (for live courses; courseware
 * only needs a year the registry runs) and the session's own must be open, the session must not have started, and employer-run training admits only the staff its
 * employer listed (by ID number): a session restricted by an employer's name alone admits nobody, since a
 * name is what anyone can type. Returns the first reason that refuses, or null; throws RangeError for an invalid Date.
 */
export function registrationRefusal(attempt: RegistrationAttempt): RegistrationRefusal | null {
  const { now, programmeYearOpensAt, session } = attempt;
  assertValidInstant(now, 'now');
  const heldBack = session.deliveryMode !== 'ONLINE_COURSEWARE' && programmeYearOpensAt !== null && now < programmeYearOpensAt;
  if (programmeYearOpensAt === null || heldBack) {
    return { reason: 'YEAR_NOT_OPEN', opensAt: programmeYearOpensAt };
  }
  if (now < session.registrationOpensAt) return { reason: 'NOT_YET_OPEN', opensAt: session.registrationOpensAt };
  if (now >= session.registrationClosesAt) return { reason: 'CLOSED', closedAt: session.registrationClosesAt };
  const employerRun = session.restrictedToEmployer !== null || session.employerCreditCode !== null;
  if (employerRun && (session.employerCreditCode === null || !attempt.learnerIsEmployerStaff)) {
    return { reason: 'EMPLOYER_ONLY', employer: session.restrictedToEmployer ?? session.employerCreditCode ?? '' };
  }
  return null;
}
