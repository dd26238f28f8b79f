import type { UnpaidRegistration } from '@xueshi/domain';
import { executedRows, renderedStatement } from '@xueshi/subgraph-kit';
import { and, count, eq, gt, gte, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { Placeholder, SQL, SQLWrapper } from 'drizzle-orm';
import { learners, payments, registrations, sessionFactVersions } from '../db/schema';
import type { RegistrationRow } from '../db/schema';
import type { Executor, Tx } from './executor';

/**
 * Registrations that hold a seat at `now`: paid, completed, or unpaid within their hold. `now` may be a
 * placeholder, for a prepared statement.
 */
export function holdsSeatAt(now: Date | SQLWrapper): SQL {
  return or(
    eq(registrations.status, 'COMPLETED'),
    and(eq(registrations.status, 'PAID'), or(isNull(registrations.accessExpiresAt), gte(registrations.accessExpiresAt, now))),
    and(eq(registrations.status, 'AWAITING_PAYMENT'), gt(registrations.holdExpiresAt, now)),
  ) as SQL;
}

export async function lockRegistration(tx: Tx, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
  return row;
}

export async function registrationById(executor: Executor, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await executor.select().from(registrations).where(eq(registrations.id, id));
  return row;
}

/** Who a registration's expiry is narrowed to: values, or placeholders of a rendered statement. */
type ExpiryScope = { sessionId: string | Placeholder; learnerId: string | Placeholder; courseId: string | Placeholder };

/**
 * The two statements that write down what time has already decided: unpaid registrations past their
 * hold (unless a payment is still in flight) and paid courseware past its year become EXPIRED. `scope`
 * narrows them to one session or one learner's course.
 */
function expiryStatements(executor: Executor, now: Date | SQLWrapper, scope?: ExpiryScope) {
  const inScope = scope
    ? or(
        eq(registrations.sessionId, scope.sessionId),
        and(eq(registrations.learnerId, scope.learnerId), eq(registrations.courseId, scope.courseId)),
      )
    : undefined;
  const unpaid = executor
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
  const courseware = executor
    .update(registrations)
    .set({ status: 'EXPIRED', endedAt: registrations.accessExpiresAt })
    .where(and(eq(registrations.status, 'PAID'), lt(registrations.accessExpiresAt, now), inScope))
    .returning({ id: registrations.id });
  return [unpaid, courseware] as const;
}

/**
 * Writes down what time has already decided (see expiryStatements); `scope` narrows it to one session
 * or one learner's course. Returns how many rows changed.
 */
export async function expireLapsed(
  executor: Executor,
  now: Date,
  scope?: { sessionId: string; learnerId: string; courseId: string },
): Promise<number> {
  const [unpaid, courseware] = expiryStatements(executor, now, scope);
  return (await unpaid).length + (await courseware).length;
}

/** What a new registration is decided on, read under the learner's and the session's locks. */
export interface SeatChecks {
  /** Whether the learner's account exists (a valid token may outlive it). */
  learnerKnown: boolean;
  /** Seats the session holds now. */
  seatsHeld: number;
  /** Whether the learner holds a registration for the course now. */
  holdsCourse: boolean;
  /** The learner's unpaid holds since `unpaidSince` (none read without it). */
  unpaid: UnpaidRegistration[];
  /** How many times the session's institution has said its facts changed (sessionFactsVersion). */
  factsVersion: number;
}

/** An instant placeholder of a rendered statement, encoded as the registrations' timestamps are. */
const instant = (name: string) => sql.param(sql.placeholder(name), registrations.registeredAt);

interface SeatCheckValues extends Record<string, unknown> {
  sessionId: string;
  learnerId: string;
  courseId: string;
  now: Date;
  unpaidSince?: Date;
}

/** seatChecks' second statement, rendered once (ADR 0050), with or without the learner's unpaid holds. */
function seatCheckStatement(withUnpaid: boolean) {
  return renderedStatement<Tx, SeatCheckValues>((tx) => {
    const now = instant('now');
    const learnerId = sql.placeholder('learnerId');
    const courseId = sql.placeholder('courseId');
    const [expiredUnpaid, expiredCourseware] = expiryStatements(tx, now, {
      sessionId: sql.placeholder('sessionId'),
      learnerId,
      courseId,
    });
    const seats = tx
      .select({ taken: count() })
      .from(registrations)
      .where(and(eq(registrations.sessionId, sql.placeholder('sessionId')), holdsSeatAt(now)));
    const course = tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.learnerId, learnerId), eq(registrations.courseId, courseId), holdsSeatAt(now)));
    const unpaid = withUnpaid
      ? sql`(select coalesce(json_agg(json_build_array(${registrations.sessionId}, ${registrations.status}, ${registrations.holdExpiresAt}, ${registrations.endedAt})), json_build_array())::text
          from ${registrations}
          where ${and(
            eq(registrations.learnerId, learnerId),
            gte(registrations.registeredAt, instant('unpaidSince')),
            isNull(registrations.paidAt),
            gt(registrations.feeFen, 0),
          )})`
      : sql`json_build_array()::text`;
    const factsVersion = tx
      .select({ version: sessionFactVersions.version })
      .from(sessionFactVersions)
      .where(eq(sessionFactVersions.sessionId, sql.placeholder('sessionId')));
    // Query builders come into the text in parentheses of their own.
    return sql`
      with expired_unpaid as ${expiredUnpaid}, expired_courseware as ${expiredCourseware}
      select ${seats}::int as seats_held, exists ${course} as holds_course, ${unpaid} as unpaid,
        coalesce(${factsVersion}, 0) as facts_version`;
  });
}
const seatCheckStatements = { withUnpaid: seatCheckStatement(true), withoutUnpaid: seatCheckStatement(false) };

/**
 * seatChecks' first statement, rendered once: the session's lock, after the learner's holds lock when
 * `withHolds`, and whether the learner's account exists (read in the same round trip). It also tells
 * PostgreSQL to plan the rest of the transaction's statements once per connection (ADR 0053): left to
 * choose, it planned the seat checks afresh on every registration, which cost it twice what running
 * them did, while their plan (the registrations' indexes by session and by learner) is the same for
 * every session and learner.
 */
function lockStatement(withHolds: boolean) {
  return renderedStatement<Tx, { learnerId: string; sessionId: string }>(() => {
    const learnerId = sql.placeholder('learnerId');
    const sessionLock = sql`pg_advisory_xact_lock(hashtext('xueshi-session:' || ${sql.placeholder('sessionId')}))`;
    const locks = withHolds ? sql`pg_advisory_xact_lock(hashtext('xueshi-holds:' || ${learnerId})), ${sessionLock}` : sessionLock;
    return sql`select set_config('plan_cache_mode', 'force_generic_plan', true), ${locks},
      exists (select 1 from ${learners} where ${eq(learners.id, learnerId)}) as learner_known`;
  });
}
const lockStatements = { learnerAndSession: lockStatement(true), session: lockStatement(false) };

/**
 * A registration's checks in two statements (ADR 0042). The first takes the advisory locks that
 * serialise seat-taking on the session and new holds of the learner (when `unpaidSince` is given: a
 * paid session) across every registry process, the learner's first, so no two registrations wait on
 * each other's in opposite order, and reads whether the learner's account exists (ADR 0052). The second,
 * whose snapshot is taken once the locks are held, so that it sees every registration committed under
 * them, writes down what time has decided for the session and the learner's course (the statements of
 * `expireLapsed`, as data-modifying WITH clauses) and reads the seats held, whether the learner holds
 * the course, and their unpaid holds since `unpaidSince`. What it reads is what it would read after the
 * expiry: seats and courses are counted by `holdsSeatAt(now)`, which no expiry changes, and
 * `unpaidHoldRefusal` tells a lapsed hold from its expiry date as well as from its status.
 */
export async function seatChecks(
  tx: Tx,
  check: { sessionId: string; learnerId: string; courseId: string; now: Date; unpaidSince: Date | null },
): Promise<SeatChecks> {
  const { sessionId, learnerId, courseId, now, unpaidSince } = check;
  const [locked] = executedRows<{ learner_known: boolean }>(
    await (unpaidSince
      ? lockStatements.learnerAndSession(tx, { learnerId, sessionId })
      : lockStatements.session(tx, { learnerId, sessionId })),
  );
  const result = await (unpaidSince
    ? seatCheckStatements.withUnpaid(tx, { sessionId, learnerId, courseId, now, unpaidSince })
    : seatCheckStatements.withoutUnpaid(tx, { sessionId, learnerId, courseId, now }));
  const [row] = executedRows<{ seats_held: number; holds_course: boolean; unpaid: string; facts_version: number }>(result);
  if (!row) throw new Error('seat checks returned no row');
  const held = JSON.parse(row.unpaid) as [string, UnpaidRegistration['status'], string | null, string | null][];
  return {
    learnerKnown: locked?.learner_known === true,
    seatsHeld: row.seats_held,
    holdsCourse: row.holds_course,
    factsVersion: row.facts_version,
    unpaid: held.map(([heldSession, status, holdExpiresAt, endedAt]) => ({
      sessionId: heldSession,
      status,
      holdExpiresAt: holdExpiresAt === null ? null : new Date(holdExpiresAt),
      endedAt: endedAt === null ? null : new Date(endedAt),
    })),
  };
}

/**
 * How many times the session's institution has said its facts changed (0 before the first time): facts
 * read from the institution after this is read are at least as new as this count (ADR 0055).
 */
export async function sessionFactsVersion(executor: Executor, sessionId: string): Promise<number> {
  const [row] = await executor
    .select({ version: sessionFactVersions.version })
    .from(sessionFactVersions)
    .where(eq(sessionFactVersions.sessionId, sessionId));
  return row?.version ?? 0;
}

/** Counts one more change of the session's facts, as its institution said at `at`. */
export async function countSessionFactsChange(executor: Executor, sessionId: string, at: Date): Promise<void> {
  await executor
    .insert(sessionFactVersions)
    .values({ sessionId, version: 1, changedAt: at })
    .onConflictDoUpdate({
      target: sessionFactVersions.sessionId,
      set: { version: sql`${sessionFactVersions.version} + 1`, changedAt: at },
    });
}
