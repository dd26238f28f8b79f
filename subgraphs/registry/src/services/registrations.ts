import {
  coursewareAccessExpiresAt,
  datesOwedToLearner,
  refundFen,
  registrationRefusal,
  registrationStatusAt,
  unpaidHoldRefusal,
} from '@xueshi/domain';
import type { RegistrationRefusal, UnpaidHoldLimits, UnpaidHoldRefusal } from '@xueshi/domain';
import { parseOwnedId } from '@xueshi/institutions';
import {
  ErrorCode,
  UserError,
  conflict,
  forbidden,
  notFound,
  retryOnConflict,
  sqlState,
  SqlState,
  unauthenticated,
} from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { employerStaff, learners, payments, programmeYears, refunds, registrations } from '../db/schema';
import type { RegistrationRow } from '../db/schema';
import {
  countSessionFactsChange,
  expireLapsed,
  lockRegistration,
  registrationById,
  seatChecks,
  sessionFactsVersion,
} from '../store/registrations';
import type { InstitutionDirectory } from './institutionDirectory';
import { SessionFactsCache } from './sessionFactsCache';
import type { VersionedFacts } from './sessionFactsCache';
import { reverseInvoiceForRefund } from './invoices';
import type { Refunds } from './refunds';
import { shanghaiTime, shanghaiTimeEn } from './messages';
import { echoedId, isUuid } from './validation';
import { requireAllowed, requireSessionStaff } from '../policy';

export interface RegistrationOptions {
  db: Db;
  clock: Clock;
  directory: InstitutionDirectory;
  refunds: Refunds;
  /** How long an unpaid registration holds its seat. */
  holdMinutes: number;
  /** How far one learner's unpaid holds may go (the domain's UNPAID_HOLD_LIMITS outside tests). */
  unpaidHoldLimits: UnpaidHoldLimits;
  /** How long session facts are kept without a notice of their change (SESSION_FACTS_MAX_AGE_MS outside tests). */
  sessionFactsMaxAgeMs: number;
}

/** The facts a registration is taken on, and whether they were kept from an earlier one. */
type HeldFacts = VersionedFacts & { cached: boolean };

/** The facts held are older than the version the database has: the registration reads them again. */
class FactsChanged extends Error {}

/** How many times one registration reads a session's facts that keep changing under it before it gives up. */
const MAX_FACTS_ATTEMPTS = 3;

const registrationNotFound = (id: string) => notFound({ zh: '报名记录', en: 'Registration' }, echoedId(id));

function refusalError(refusal: RegistrationRefusal, year: number): UserError {
  switch (refusal.reason) {
    case 'YEAR_NOT_OPEN':
      return new UserError(
        ErrorCode.REGISTRATION_CLOSED,
        refusal.opensAt
          ? {
              zh: `${year}年度报名将于 ${shanghaiTime(refusal.opensAt)} 开始，请届时再来`,
              en: `Registration for ${year} opens at ${shanghaiTimeEn(refusal.opensAt)}`,
            }
          : { zh: `${year}年度报名尚未开放`, en: `Registration for ${year} is not open` },
        refusal.opensAt ? { opensAt: refusal.opensAt.toISOString() } : {},
      );
    case 'NOT_YET_OPEN':
      return new UserError(
        ErrorCode.REGISTRATION_CLOSED,
        {
          zh: `该班次报名将于 ${shanghaiTime(refusal.opensAt)} 开始`,
          en: `Registration for this session opens at ${shanghaiTimeEn(refusal.opensAt)}`,
        },
        { opensAt: refusal.opensAt.toISOString() },
      );
    case 'CLOSED':
      return new UserError(ErrorCode.REGISTRATION_CLOSED, {
        zh: '该班次已开始，报名已截止',
        en: 'This session has started; registration is closed',
      });
    case 'EMPLOYER_ONLY':
      return forbidden({
        zh: '该班次为单位自行组织的培训，仅限该单位登记的职工报名',
        en: 'This session is employer-run training, open only to the staff that employer has listed',
      });
  }
}

function holdLimitError(refusal: UnpaidHoldRefusal, now: Date): UserError {
  const when = { zh: shanghaiTime(refusal.holdAgainAt), en: shanghaiTimeEn(refusal.holdAgainAt) };
  const details = {
    limit: refusal.reason,
    holdAgainAt: refusal.holdAgainAt.toISOString(),
    retryAfterSeconds: Math.max(0, Math.ceil((refusal.holdAgainAt.getTime() - now.getTime()) / 1000)),
  };
  switch (refusal.reason) {
    case 'TOO_MANY_LIVE_HOLDS':
      return new UserError(
        ErrorCode.RATE_LIMITED,
        {
          zh: `您已有 ${refusal.limit} 个待支付的报名，请先支付或待其保留时间结束（${when.zh}）后再报名`,
          en: `You already hold ${refusal.limit} unpaid registrations; pay for one, or register again after ${when.en}`,
        },
        details,
      );
    case 'SESSION_RECENTLY_RELEASED':
      return new UserError(
        ErrorCode.RATE_LIMITED,
        {
          zh: `您在该班次的上一次报名未支付，${when.zh} 后方可再次报名该班次`,
          en: `Your last registration for this session ended unpaid; you may register for it again after ${when.en}`,
        },
        details,
      );
    case 'TOO_MANY_ENDED_UNPAID':
      return new UserError(
        ErrorCode.RATE_LIMITED,
        {
          zh: `您在 24 小时内已有 ${refusal.limit} 个报名未支付，${when.zh} 后方可再报名需付费的班次`,
          en: `${refusal.limit} of your registrations ended unpaid within 24 hours; you may hold a paid seat again after ${when.en}`,
        },
        details,
      );
  }
}

/** How far back a learner's unpaid registrations can still count against the hold limits. */
const holdHistoryMinutes = (holdMinutes: number, limits: UnpaidHoldLimits) =>
  Math.max(limits.sameSessionCooldownMinutes, limits.windowMinutes) + holdMinutes;

/** Registering for sessions and withdrawing from them, by the plan's rules, safe under concurrency. */
export function createRegistrations(options: RegistrationOptions) {
  const { db, clock, directory } = options;
  const sessionFacts = new SessionFactsCache(options.sessionFactsMaxAgeMs);

  /**
   * When each programme year opens for registration, kept once read: a year's row is written once
   * (seed, or by an operator before the year) and never changed; a year not found is asked again.
   */
  const opensAtByYear = new Map<number, Date>();
  const registrationOpensAt = async (year: number): Promise<Date | null> => {
    const known = opensAtByYear.get(year);
    if (known) return known;
    const [row] = await db
      .select({ opensAt: programmeYears.registrationOpensAt })
      .from(programmeYears)
      .where(eq(programmeYears.year, year));
    if (row) opensAtByYear.set(year, row.opensAt);
    return row?.opensAt ?? null;
  };

  /** Whether the learner is on the employer's staff list; UNAUTHENTICATED when their account is gone. */
  const listedStaff = async (learnerId: string, creditCode: string): Promise<boolean> => {
    const [learner] = await db
      .select({
        listed: sql<boolean>`exists (${db
          .select({ idNumber: employerStaff.idNumber })
          .from(employerStaff)
          .where(and(eq(employerStaff.creditCode, creditCode), eq(employerStaff.idNumber, learners.idNumber)))})`,
      })
      .from(learners)
      .where(eq(learners.id, learnerId));
    if (!learner) throw unauthenticated();
    return learner.listed;
  };

  /** The caller's own registration, or NOT_FOUND (also for someone else's: existence is not revealed). */
  const ownRegistration = async (caller: Caller, id: string): Promise<RegistrationRow> => {
    if (!isUuid(id)) throw registrationNotFound(id);
    const registration = await registrationById(db, id);
    if (!registration || registration.learnerId !== caller.subject) throw registrationNotFound(id);
    return registration;
  };

  /** Sends a withdrawal's refund to the provider, once: its key is the refund's id. */
  const settleRefund = async (registrationId: string): Promise<void> => {
    const [pending] = await db
      .select({ id: refunds.id })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(and(eq(payments.registrationId, registrationId), inArray(refunds.status, ['PENDING', 'FAILED'])));
    if (pending) await options.refunds.send(pending.id);
  };

  /**
   * The session's facts, kept from an earlier registration or read from its owner now, with the version
   * the database held before they were read; NOT_FOUND when no institution has the session.
   */
  const heldFacts = async (sessionId: string) => {
    const held = await sessionFacts.get(sessionId, async () => {
      if (!parseOwnedId(sessionId)) return null;
      const version = await sessionFactsVersion(db, sessionId);
      const facts = await directory.sessionFacts(sessionId);
      return facts && { facts, version };
    });
    if (!held) throw notFound({ zh: '班次', en: 'Session' }, echoedId(sessionId));
    return held;
  };

  /** Takes a seat for the learner on the facts held; FactsChanged when they are no longer the newest. */
  const registerOn = async (learnerId: string, held: HeldFacts): Promise<RegistrationRow> => {
    const { facts } = held;
    // Only an employer's session needs the learner read before the checks (are they on its staff
    // list?); otherwise whether the account exists is read with the transaction's locks.
    const listed = facts.employerCreditCode ? await listedStaff(learnerId, facts.employerCreditCode) : false;
    const opensAt = await registrationOpensAt(facts.year);
    const now = clock.now();
    const refusal = registrationRefusal({
      now,
      programmeYearOpensAt: opensAt,
      session: facts,
      learnerIsEmployerStaff: listed,
    });
    if (refusal) {
      // Refused on facts kept from earlier: only if they are still the newest the owner has said.
      if (held.cached && (await sessionFactsVersion(db, facts.id)) !== held.version) throw new FactsChanged();
      throw refusalError(refusal, facts.year);
    }

    try {
      return await retryOnConflict(() =>
        db.transaction(async (tx) => {
          const free = facts.feeFen === 0;
          const checks = await seatChecks(tx, {
            sessionId: facts.id,
            learnerId,
            courseId: facts.courseId,
            now,
            unpaidSince: free
              ? null
              : new Date(now.getTime() - holdHistoryMinutes(options.holdMinutes, options.unpaidHoldLimits) * 60_000),
          });
          // The owner said the session changed since these facts were read: read them again.
          if (checks.factsVersion !== held.version) throw new FactsChanged();
          if (!checks.learnerKnown) throw unauthenticated();
          if (!free) {
            const refusal = unpaidHoldRefusal(facts.id, checks.unpaid, now, options.unpaidHoldLimits);
            if (refusal) throw holdLimitError(refusal, now);
          }
          if (checks.holdsCourse) {
            throw conflict({
              zh: `您已报名 ${facts.year} 年度的「${facts.courseTitle}」，同一课程每年只能保留一个有效报名`,
              en: `You already hold a registration for ${facts.courseTitle} in ${facts.year}`,
            });
          }
          if (facts.capacity !== null && checks.seatsHeld >= facts.capacity) {
            throw new UserError(ErrorCode.SESSION_FULL, {
              zh: '该班次名额已满，请选择其他班次',
              en: 'This session is full; please choose another',
            });
          }
          const [row] = await tx
            .insert(registrations)
            .values({
              learnerId,
              sessionId: facts.id,
              courseId: facts.courseId,
              institution: facts.institution,
              year: facts.year,
              courseTitle: facts.courseTitle,
              category: facts.category,
              minutes: facts.minutes,
              feeFen: facts.feeFen,
              status: free ? 'PAID' : 'AWAITING_PAYMENT',
              registeredAt: now,
              holdExpiresAt: free ? null : new Date(now.getTime() + options.holdMinutes * 60_000),
              deliveryMode: facts.deliveryMode,
              sessionStartsAt: facts.startsAt,
              sessionEndsAt: facts.endsAt,
              firstDay: facts.firstDay,
              lastDay: facts.lastDay,
              paidAt: free ? now : null,
              accessExpiresAt: free && facts.deliveryMode === 'ONLINE_COURSEWARE' ? coursewareAccessExpiresAt(now) : null,
            })
            .returning();
          if (!row) throw new Error('insert returned no registration');
          return row;
        }),
      );
    } catch (error) {
      // Two registrations for sessions of the same course racing past each other's locks.
      if (sqlState(error) === SqlState.UNIQUE_VIOLATION) {
        throw conflict({ zh: '您已报名该课程', en: 'You already hold a registration for this course' });
      }
      throw error;
    }
  };

  return {
    /**
     * Registers the calling learner for a session, snapshotting its fee and hours. Refuses with
     * REGISTRATION_CLOSED, FORBIDDEN (employer-run), RATE_LIMITED (the unpaid-hold limits of
     * packages/domain), CONFLICT (already registered for the course), SESSION_FULL, NOT_FOUND or
     * UNAVAILABLE (owner unreachable), changing nothing.
     */
    register: async (caller: Caller | null, sessionId: string): Promise<RegistrationRow> => {
      const learnerId = requireAllowed('learnerSelfService', caller).subject;
      for (let attempt = 1; ; attempt += 1) {
        const held = await heldFacts(sessionId);
        try {
          return await registerOn(learnerId, held);
        } catch (error) {
          if (!(error instanceof FactsChanged)) throw error;
          sessionFacts.forget(sessionId);
          if (attempt === MAX_FACTS_ATTEMPTS) {
            throw conflict({
              zh: '该班次信息刚被机构修改，请稍后重试',
              en: 'The session was changed by its institution meanwhile; please try again',
            });
          }
        }
      }
    },

    /**
     * Withdraws the calling learner: a full refund before the first day of the session they paid for
     * (or its new first day, if it has moved later), none from then on (courseware, once paid, is never
     * refunded). Withdrawing again returns the same registration and
     * retries a refund the provider has not settled. CONFLICT when the registration can no longer be
     * withdrawn; UNAVAILABLE when the session's owner cannot confirm its dates.
     */
    withdraw: async (caller: Caller | null, registrationId: string): Promise<RegistrationRow> => {
      const learner = requireAllowed('learnerSelfService', caller);
      const registration = await ownRegistration(learner, registrationId);
      const now = clock.now();
      const status = registrationStatusAt(registration, now);
      if (status === 'WITHDRAWN') {
        await settleRefund(registration.id);
        return registration;
      }
      if (status !== 'AWAITING_PAYMENT' && status !== 'PAID') {
        throw conflict({ zh: '该报名已结束，不能退课', en: `A ${status.toLowerCase()} registration cannot be withdrawn` });
      }
      // The dates paid for (the registration's snapshot), or the owner's where a move made them later:
      // a session moved earlier, however it happened, never takes a refund away.
      const facts = await directory.sessionFacts(registration.sessionId);
      const { startsAt, endsAt } = datesOwedToLearner(
        { startsAt: registration.sessionStartsAt, endsAt: registration.sessionEndsAt },
        facts,
      );
      if (endsAt && now >= endsAt) {
        throw conflict({ zh: '该班次已结束，不能退课', en: 'The session is over; it can no longer be withdrawn from' });
      }
      const withdrawn = await retryOnConflict(() =>
        db.transaction(async (tx) => {
          const current = await lockRegistration(tx, registration.id);
          if (!current || registrationStatusAt(current, now) !== status) {
            throw conflict({ zh: '报名状态已变化，请刷新后重试', en: 'The registration changed meanwhile; please refresh' });
          }
          const [paid] = await tx
            .select()
            .from(payments)
            .where(and(eq(payments.registrationId, current.id), eq(payments.status, 'SUCCEEDED')));
          const refundFirstDay = current.deliveryMode === 'ONLINE_COURSEWARE' ? (current.paidAt ?? now) : (startsAt ?? now);
          const refund = paid ? refundFen(paid.amountFen, now, refundFirstDay) : 0;
          const [row] = await tx
            .update(registrations)
            .set({ status: 'WITHDRAWN', endedAt: now, refundFen: refund, holdExpiresAt: null })
            .where(eq(registrations.id, current.id))
            .returning();
          if (paid && refund > 0) {
            const [created] = await tx
              .insert(refunds)
              .values({ paymentId: paid.id, amountFen: refund, status: 'PENDING', createdAt: now })
              .returning();
            if (!created) throw new Error('insert returned no refund');
            await reverseInvoiceForRefund(tx, created, now);
          }
          if (!row) throw new Error('update returned no registration');
          return row;
        }),
      );
      await settleRefund(withdrawn.id);
      return withdrawn;
    },

    /**
     * Counts a change of the session's facts its institution made (ADR 0055): every registry process
     * then reads them again before its next seat on the session. The staff of the institution that
     * runs it and the registrar; NOT_FOUND for an id that names no session.
     */
    sessionChanged: async (caller: Caller | null, sessionId: string): Promise<true> => {
      requireSessionStaff(caller, sessionId, 'sessionChangeNotice');
      await countSessionFactsChange(db, sessionId, clock.now());
      sessionFacts.forget(sessionId);
      return true;
    },

    /** Writes down every lapse time has decided (unpaid holds, courseware past its year). */
    expireLapsed: () => expireLapsed(db, clock.now()),

    ownRegistration,
  };
}

export type Registrations = ReturnType<typeof createRegistrations>;
