import { addCalendarDays, registrationStatusAt, shanghaiDay, startOfShanghaiDay } from '@xueshi/domain';
import { badInput, conflict, forbidden, notFound, retryOnConflict } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { and, eq, inArray } from 'drizzle-orm';
import { creditEntries, outcomes, registrations } from '../db/schema';
import type { RegistrationRow } from '../db/schema';
import { lockRegistration } from '../store/registrations';
import type { Tx } from '../store/executor';
import { isAllowed, requireRuleRoleOf, requireSessionStaff } from '../policy';
import type { OfficialCalendar } from './officialCalendar';
import { echoedId, isUuid } from './validation';

export interface OutcomeInput {
  registrationId: string;
  attendedFully: boolean;
  examPassed: boolean;
}

/** The most outcomes one report may carry: a session's largest roster. */
export const MAX_OUTCOMES = 10_000;

const registrationNotFound = (id: string) => notFound({ zh: '报名记录', en: 'Registration' }, echoedId(id));

/**
 * Outcomes (attendance and exam) reported by the institution that ran a session, the credit they earn,
 * and courseware completions. With the registrar's corrections (corrections.ts), the only writers of the
 * credit ledger; a roster's CSV is read by outcomesCsv.ts.
 */
export function createOutcomes(options: { db: Db; clock: Clock; calendar: OfficialCalendar }) {
  const { db, clock, calendar } = options;

  /** Writes one outcome and, when passed, its credit entry; the registration must be locked by `tx`. */
  const apply = async (
    tx: Tx,
    caller: Caller,
    registration: RegistrationRow,
    outcome: OutcomeInput,
    completedOn: string,
    now: Date,
  ) => {
    const [existing] = await tx.select().from(outcomes).where(eq(outcomes.registrationId, registration.id));
    if (existing) {
      if (existing.attendedFully === outcome.attendedFully && existing.examPassed === outcome.examPassed) return registration;
      throw conflict({
        zh: '该报名的考核结果已登记；如需更正请联系上海继续工程教育协会',
        en: 'An outcome is already recorded for this registration; corrections go through the registrar',
      });
    }
    const status = registrationStatusAt(registration, now);
    if (status !== 'PAID') {
      throw conflict({
        zh: '只能为已缴费的报名登记考核结果',
        en: `Outcomes are recorded for paid registrations only; this one is ${status.toLowerCase()}`,
      });
    }
    const passed = outcome.attendedFully && outcome.examPassed;
    // Pending, not refused, when counting needs a year whose notice is not loaded yet (ADR 0029).
    const visibility = passed ? await calendar.visibilityOf(tx, completedOn) : null;
    await tx.insert(outcomes).values({
      registrationId: registration.id,
      attendedFully: outcome.attendedFully,
      examPassed: outcome.examPassed,
      reportedBy: caller.subject,
      reportedAt: now,
    });
    const [updated] = await tx
      .update(registrations)
      .set({ status: passed ? 'COMPLETED' : 'FAILED', endedAt: now })
      .where(eq(registrations.id, registration.id))
      .returning();
    if (visibility) {
      await tx.insert(creditEntries).values({
        learnerId: registration.learnerId,
        registrationId: registration.id,
        courseTitle: registration.courseTitle,
        institution: registration.institution,
        category: registration.category,
        year: registration.year,
        minutes: registration.minutes,
        completedOn,
        ...visibility,
        recordedBy: caller.subject,
        recordedAt: now,
      });
    }
    return updated ?? registration;
  };

  /** Checks a live-session outcome may be reported now, and gives the day credit counts from. */
  const liveCompletion = (registration: RegistrationRow, now: Date): string => {
    if (registration.deliveryMode === 'ONLINE_COURSEWARE') {
      throw conflict({
        zh: '网上课件由国培网登记完成情况',
        en: 'Courseware completion is reported by the elective provider (reportCoursewareCompletion)',
      });
    }
    const lastDay = registration.lastDay ?? shanghaiDay(registration.sessionEndsAt ?? now);
    if (now < startOfShanghaiDay(addCalendarDays(lastDay, 1))) {
      throw conflict({
        zh: `培训最后一天（${lastDay}）结束后方可登记考核结果`,
        en: `Outcomes can be reported once the last training day (${lastDay}) is over`,
      });
    }
    return lastDay;
  };

  /** The caller, if they may report outcomes of the session `sessionId` names: checked before any input is read. */
  const reportMany = async (caller: Caller | null, sessionId: string, rows: OutcomeInput[]) => {
    const staff = requireSessionStaff(caller, sessionId);
    if (rows.length === 0) throw badInput({ zh: '没有需要登记的考核结果', en: 'No outcomes to report' }, 'outcomes');
    if (rows.length > MAX_OUTCOMES) {
      throw badInput(
        { zh: `一次最多登记 ${MAX_OUTCOMES} 条考核结果`, en: `At most ${MAX_OUTCOMES} outcomes can be reported at once` },
        'outcomes',
      );
    }
    const ids = rows.map((row) => row.registrationId);
    if (new Set(ids).size !== ids.length) {
      throw badInput({ zh: '同一报名出现多次', en: 'A registration appears more than once' }, 'outcomes');
    }
    const bad = ids.find((id) => !isUuid(id));
    if (bad !== undefined) throw registrationNotFound(bad);
    const now = clock.now();
    return retryOnConflict(() =>
      db.transaction(async (tx) => {
        const found = await tx
          .select()
          .from(registrations)
          .where(and(inArray(registrations.id, ids), eq(registrations.sessionId, sessionId)))
          .for('update');
        const byId = new Map(found.map((row) => [row.id, row]));
        const updated: RegistrationRow[] = [];
        for (const row of rows) {
          const registration = byId.get(row.registrationId);
          if (!registration) throw registrationNotFound(row.registrationId);
          updated.push(await apply(tx, staff, registration, row, liveCompletion(registration, now), now));
        }
        return updated;
      }),
    );
  };

  return {
    /**
     * Records whether a learner attended the whole training and passed the exam; both earn the course's
     * hours in the ledger. Staff of the institution that ran the session (or the registrar) only, once
     * the last training day is over. Reporting the same outcome again changes nothing.
     */
    reportOutcome: async (caller: Caller | null, outcome: OutcomeInput): Promise<RegistrationRow> => {
      const staff = requireRuleRoleOf('sessionRecords', caller);
      if (!isUuid(outcome.registrationId)) throw registrationNotFound(outcome.registrationId);
      const now = clock.now();
      return retryOnConflict(() =>
        db.transaction(async (tx) => {
          const registration = await lockRegistration(tx, outcome.registrationId);
          if (!registration) throw registrationNotFound(outcome.registrationId);
          if (!isAllowed('sessionRecords', staff, { institution: registration.institution })) throw forbidden();
          return apply(tx, staff, registration, outcome, liveCompletion(registration, now), now);
        }),
      );
    },

    /** The outcomes of a whole roster at once: all recorded, or (on any bad row) none. */
    reportOutcomes: reportMany,

    /**
     * The elective provider reports that a learner finished paid courseware; it earns the courseware's
     * actual hours. A purchase that has expired (31 Dec of its year) earns nothing: CONFLICT.
     */
    reportCoursewareCompletion: async (
      caller: Caller | null,
      registrationId: string,
      completedAt: Date,
    ): Promise<RegistrationRow> => {
      const staff = requireRuleRoleOf('sessionRecords', caller);
      if (!isUuid(registrationId)) throw registrationNotFound(registrationId);
      const now = clock.now();
      if (Number.isNaN(completedAt.getTime())) {
        throw badInput({ zh: '完成时间无效', en: 'The completion time is not a valid time' }, 'completedAt');
      }
      if (completedAt > now) {
        throw badInput({ zh: '完成时间不能晚于当前时间', en: 'The completion time cannot be in the future' }, 'completedAt');
      }
      return retryOnConflict(() =>
        db.transaction(async (tx) => {
          const registration = await lockRegistration(tx, registrationId);
          if (!registration) throw registrationNotFound(registrationId);
          if (!isAllowed('sessionRecords', staff, { institution: registration.institution })) throw forbidden();
          if (registration.deliveryMode !== 'ONLINE_COURSEWARE') {
            throw conflict({ zh: '该报名不是网上课件', en: 'This registration is not courseware' });
          }
          if (
            registrationStatusAt(registration, now) === 'EXPIRED' ||
            (registration.accessExpiresAt && completedAt > registration.accessExpiresAt) ||
            (registration.paidAt && completedAt < registration.paidAt)
          ) {
            throw conflict({
              zh: '该课件已过期（须在购买当年 12 月 31 日前修完），不计学时',
              en: 'This courseware has expired (it had to be finished by 31 December of its year); it earns no credit',
            });
          }
          return apply(
            tx,
            staff,
            registration,
            { registrationId, attendedFully: true, examPassed: true },
            shanghaiDay(completedAt),
            now,
          );
        }),
      );
    },
  };
}

export type Outcomes = ReturnType<typeof createOutcomes>;
