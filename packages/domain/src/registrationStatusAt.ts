import { endOfShanghaiYear } from './endOfShanghaiYear';
import { shanghaiYear } from './shanghaiYear';

export type RegistrationStatus = 'AWAITING_PAYMENT' | 'PAID' | 'WITHDRAWN' | 'COMPLETED' | 'FAILED' | 'EXPIRED';

/** Statuses that hold a seat and block a second registration for the same course. */
export const ACTIVE_REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['AWAITING_PAYMENT', 'PAID', 'COMPLETED'];

/**
 * A registration's status at `now`: an unpaid one whose hold has passed, and a paid courseware
 * purchase whose year has ended unfinished, are EXPIRED whether or not that has been written yet.
 * Never fails.
 */
export function registrationStatusAt(
  registration: { status: RegistrationStatus; holdExpiresAt: Date | null; accessExpiresAt: Date | null },
  now: Date,
): RegistrationStatus {
  const { status, holdExpiresAt, accessExpiresAt } = registration;
  if (status === 'AWAITING_PAYMENT' && holdExpiresAt !== null && now >= holdExpiresAt) return 'EXPIRED';
  if (status === 'PAID' && accessExpiresAt !== null && now > accessExpiresAt) return 'EXPIRED';
  return status;
}

/**
 * When paid courseware stops being usable: the end of the calendar year it was bought in, Asia/Shanghai
 * (31 Dec 23:59:59.999). Throws RangeError for an invalid Date.
 */
export function coursewareAccessExpiresAt(purchasedAt: Date): Date {
  return endOfShanghaiYear(shanghaiYear(purchasedAt));
}
