import { and, count, eq, gt, gte, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { payments, registrations } from '../db/schema';
import type { RegistrationRow } from '../db/schema';
import type { Executor, Tx } from './executor';

/** Registrations that hold a seat at `now`: paid, completed, or unpaid within their hold. */
export function holdsSeatAt(now: Date): SQL {
  return or(
    eq(registrations.status, 'COMPLETED'),
    and(eq(registrations.status, 'PAID'), or(isNull(registrations.accessExpiresAt), gte(registrations.accessExpiresAt, now))),
    and(eq(registrations.status, 'AWAITING_PAYMENT'), gt(registrations.holdExpiresAt, now)),
  ) as SQL;
}

/** Serialises every seat-taking write on one session, across all registry replicas (an advisory lock). */
export async function lockSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`xueshi-session:${sessionId}`}))`);
}

/**
 * Serialises one learner's new holds, across all registry replicas, so parallel registrations for
 * different sessions cannot each slip under the unpaid-hold limits. Taken before the session's lock.
 */
export async function lockLearnerHolds(tx: Tx, learnerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`xueshi-holds:${learnerId}`}))`);
}

/** The learner's registrations since `since` that were never paid and cost something: their holds. */
export async function unpaidRegistrationsOf(executor: Executor, learnerId: string, since: Date): Promise<RegistrationRow[]> {
  return executor
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.learnerId, learnerId),
        gte(registrations.registeredAt, since),
        isNull(registrations.paidAt),
        gt(registrations.feeFen, 0),
      ),
    );
}

export async function lockRegistration(tx: Tx, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
  return row;
}

export async function registrationById(executor: Executor, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await executor.select().from(registrations).where(eq(registrations.id, id));
  return row;
}

/** Seats held on a session at `now`. */
export async function seatsHeld(executor: Executor, sessionId: string, now: Date): Promise<number> {
  const [row] = await executor
    .select({ taken: count() })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), holdsSeatAt(now)));
  return Number(row?.taken ?? 0);
}

/** The learner's registration for a course that still holds a seat at `now`, if any. */
export async function activeForCourse(
  executor: Executor,
  learnerId: string,
  courseId: string,
  now: Date,
): Promise<RegistrationRow | undefined> {
  const [row] = await executor
    .select()
    .from(registrations)
    .where(and(eq(registrations.learnerId, learnerId), eq(registrations.courseId, courseId), holdsSeatAt(now)))
    .limit(1);
  return row;
}

/**
 * Writes down what time has already decided: unpaid registrations past their hold (unless a payment
 * is still in flight) and paid courseware past its year become EXPIRED. `scope` narrows it to one
 * session or one learner's course. Returns how many rows changed.
 */
export async function expireLapsed(
  executor: Executor,
  now: Date,
  scope?: { sessionId: string; learnerId: string; courseId: string },
): Promise<number> {
  const inScope = scope
    ? or(
        eq(registrations.sessionId, scope.sessionId),
        and(eq(registrations.learnerId, scope.learnerId), eq(registrations.courseId, scope.courseId)),
      )
    : undefined;
  const unpaid = await executor
    .update(registrations)
    .set({ status: 'EXPIRED', endedAt: registrations.holdExpiresAt })
    .where(
      and(
        eq(registrations.status, 'AWAITING_PAYMENT'),
        lte(registrations.holdExpiresAt, now),
        notExists(
          executor
            .select({ id: payments.id })
            .from(payments)
            .where(and(eq(payments.registrationId, registrations.id), eq(payments.status, 'PENDING'))),
        ),
        inScope,
      ),
    )
    .returning({ id: registrations.id });
  const courseware = await executor
    .update(registrations)
    .set({ status: 'EXPIRED', endedAt: registrations.accessExpiresAt })
    .where(and(eq(registrations.status, 'PAID'), lt(registrations.accessExpiresAt, now), inScope))
    .returning({ id: registrations.id });
  return unpaid.length + courseware.length;
}
