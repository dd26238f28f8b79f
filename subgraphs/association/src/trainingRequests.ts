import { addCalendarDays, earliestEmployerTrainingDay, isValidDay, isValidMobile, shanghaiDay } from '@xueshi/domain';
import { optionalText } from '@xueshi/institutions/subgraph';
import { INSTITUTION_POLICY, requireInstitutionPermit, requireTrainingScheduler } from '@xueshi/institutions';
import { ErrorCode, UserError, badInput, conflict, isUuid, notFound, permits, unauthenticated } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { and, asc, desc, eq, getTableColumns } from 'drizzle-orm';
import { trainingRequestScans, trainingRequests } from './db/schema';
import type { TrainingRequestRow, TrainingRequestScanRow, TrainingRequestStatus } from './db/schema';
import type { Owners } from './owners';

export interface TrainingRequestInput {
  courseId: string;
  firstDay: string;
  headcount: number;
  venue: string;
  contactName: string;
  contactMobile: string;
}

/** A request as the graph shows it: with what is known of its stamped scan (never the bytes). */
export type TrainingRequestView = TrainingRequestRow & {
  scanContentType: TrainingRequestScanRow['contentType'] | null;
  scanSize: number | null;
  scanUploadedAt: Date | null;
};

const MAX_HEADCOUNT = 10_000;

const requestNotFound = (id: string) => notFound({ zh: '培训需求', en: 'Training request' }, isUuid(id) ? id : undefined);

/** Text a form needs filled in: BAD_USER_INPUT when empty, as well as for what optionalText refuses. */
function requiredText(value: string, field: string, max: number, label: { zh: string; en: string }): string {
  const text = optionalText(value, field, max);
  if (!text) throw badInput({ zh: `请填写${label.zh}`, en: `Give the ${label.en}` }, field);
  return text;
}

const DONE: Record<TrainingRequestStatus, string> = {
  SUBMITTED: '提交',
  SCHEDULED: '安排',
  DECLINED: '被拒绝',
  WITHDRAWN: '撤回',
};

const notSubmitted = (row: TrainingRequestRow) =>
  conflict({
    zh: `该培训需求已${DONE[row.status]}，不能再更改`,
    en: `This training request is already ${row.status.toLowerCase()}; it can no longer change`,
  });

/**
 * Employers' training requests (单位自行组织面授培训): filed by the employer at least a month ahead, withdrawn
 * by it while submitted, scheduled or declined by the association's staff or the registrar. Each refusal
 * is typed and changes nothing.
 */
/** How long a scheduler's claim keeps others off a request: far longer than the owner may take to answer. */
const SCHEDULING_CLAIM_MS = 120_000;

export function createTrainingRequests(options: { db: Db; clock: Clock; owners: Owners }) {
  const { db, clock, owners } = options;

  /** Requests with their scan's type, size and upload time, in one statement. */
  const selectViews = () =>
    db
      .select({
        ...getTableColumns(trainingRequests),
        scanContentType: trainingRequestScans.contentType,
        scanSize: trainingRequestScans.size,
        scanUploadedAt: trainingRequestScans.uploadedAt,
      })
      .from(trainingRequests)
      .leftJoin(trainingRequestScans, eq(trainingRequestScans.requestId, trainingRequests.id));

  const view = async (id: string): Promise<TrainingRequestView> => {
    const [row] = await selectViews().where(eq(trainingRequests.id, id));
    if (!row) throw requestNotFound(id);
    return row;
  };

  /**
   * The request if `caller` may see it (the employer that filed it, or a scheduler), null when it is
   * not there or another employer's; UNAUTHENTICATED or FORBIDDEN for anyone else.
   */
  const find = async (caller: Caller | null, id: string): Promise<TrainingRequestView | null> => {
    const who =
      caller !== null && permits(INSTITUTION_POLICY.employerTrainingRequests, caller) ? caller : requireTrainingScheduler(caller);
    const [row] = isUuid(id) ? await selectViews().where(eq(trainingRequests.id, id)) : [];
    return row && (who.role !== 'EMPLOYER' || row.employerCreditCode === who.subject) ? row : null;
  };

  /** Refuses to decide a request another scheduler is scheduling (its claim not yet stale). */
  const checkNotBeingScheduled = (row: TrainingRequestRow, now: Date): void => {
    if (row.schedulingSince && now.getTime() - row.schedulingSince.getTime() < SCHEDULING_CLAIM_MS) {
      throw conflict({
        zh: '该培训需求正由他人安排，请稍后刷新',
        en: 'Someone is scheduling this request right now; refresh in a moment',
      });
    }
  };

  /** Moves a SUBMITTED request on, under a row lock so two decisions never both apply; CONFLICT otherwise. */
  const decide = async (
    id: string,
    allowed: (row: TrainingRequestRow) => void,
    change: (row: TrainingRequestRow) => Partial<TrainingRequestRow>,
  ): Promise<TrainingRequestView> => {
    if (!isUuid(id)) throw requestNotFound(id);
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(trainingRequests).where(eq(trainingRequests.id, id)).for('update');
      if (!row) throw requestNotFound(id);
      allowed(row);
      if (row.status !== 'SUBMITTED') throw notSubmitted(row);
      const now = clock.now();
      checkNotBeingScheduled(row, now);
      const [updated] = await tx
        .update(trainingRequests)
        .set({ ...change(row), decidedAt: now, schedulingSince: null })
        .where(eq(trainingRequests.id, id))
        .returning();
      if (!updated) throw requestNotFound(id);
    });
    return view(id);
  };

  return {
    find,

    /**
     * Files the signed-in employer's request. BAD_USER_INPUT for an invalid field, a course that is not
     * a live required course of the first day's year, or a first day less than one calendar month away
     * (with `earliestFirstDay`); NOT_FOUND for an unknown course.
     */
    file: async (caller: Caller | null, input: TrainingRequestInput): Promise<TrainingRequestView> => {
      const creditCode = requireInstitutionPermit('employerTrainingRequests', caller).subject;
      if (!isValidDay(input.firstDay))
        throw badInput({ zh: '首个培训日无效', en: 'The first day is not a valid day' }, 'firstDay');
      const now = clock.now();
      const earliest = earliestEmployerTrainingDay(shanghaiDay(now));
      if (input.firstDay < earliest) {
        throw new UserError(
          ErrorCode.BAD_USER_INPUT,
          {
            zh: `培训需求表须至少提前一个月报送：今天报送，首个培训日最早为 ${earliest}`,
            en: `The form must be filed at least one month ahead: filed today, the first day is ${earliest} at the earliest`,
          },
          { field: 'firstDay', earliestFirstDay: earliest },
        );
      }
      if (!Number.isInteger(input.headcount) || input.headcount < 1 || input.headcount > MAX_HEADCOUNT) {
        throw badInput(
          { zh: `参训人数应为 1–${MAX_HEADCOUNT} 的整数`, en: `The headcount must be a whole number from 1 to ${MAX_HEADCOUNT}` },
          'headcount',
        );
      }
      const venue = requiredText(input.venue, 'venue', 200, { zh: '培训地点', en: 'venue' });
      const contactName = requiredText(input.contactName, 'contactName', 40, { zh: '联系人', en: 'contact’s name' });
      const contactMobile = input.contactMobile.trim();
      if (!isValidMobile(contactMobile)) {
        throw badInput(
          { zh: '请填写联系人的 11 位手机号码', en: 'Enter the contact’s 11-digit mainland mobile number' },
          'contactMobile',
        );
      }
      const course = await owners.course(input.courseId);
      if (!course) throw notFound({ zh: '课程', en: 'Course' });
      if (course.category !== 'REQUIRED' || course.days === null) {
        throw badInput(
          { zh: '单位自行组织的面授培训只适用于必修面授课程', en: 'Employer-run training is for required live courses only' },
          'courseId',
        );
      }
      if (String(course.year) !== input.firstDay.slice(0, 4)) {
        throw badInput(
          {
            zh: `该课程属于 ${course.year} 年度，培训须在该年度内举行`,
            en: `This is a ${course.year} course; train within ${course.year}`,
          },
          'courseId',
        );
      }
      const employerName = await owners.employerName(creditCode);
      if (!employerName) throw unauthenticated();
      const [row] = await db
        .insert(trainingRequests)
        .values({
          employerCreditCode: creditCode,
          employerName,
          courseId: course.id,
          courseTitle: course.title,
          courseMinutes: course.minutes,
          courseDays: course.days,
          firstDay: input.firstDay,
          headcount: input.headcount,
          venue,
          contactName,
          contactMobile,
          status: 'SUBMITTED',
          filedAt: now,
        })
        .returning();
      if (!row) throw new Error('insert returned no training request');
      return { ...row, scanContentType: null, scanSize: null, scanUploadedAt: null };
    },

    /** The signed-in employer's requests, newest first. */
    ofEmployer: (caller: Caller | null): Promise<TrainingRequestView[]> => {
      const creditCode = requireInstitutionPermit('employerTrainingRequests', caller).subject;
      return selectViews()
        .where(eq(trainingRequests.employerCreditCode, creditCode))
        .orderBy(desc(trainingRequests.filedAt), desc(trainingRequests.id));
    },

    /** Requests oldest first, of one status when given: schedulers only. */
    list: (caller: Caller | null, status: TrainingRequestStatus | null | undefined): Promise<TrainingRequestView[]> => {
      requireTrainingScheduler(caller);
      return selectViews()
        .where(status ? eq(trainingRequests.status, status) : undefined)
        .orderBy(asc(trainingRequests.filedAt), asc(trainingRequests.id));
    },

    /** The employer withdraws its own SUBMITTED request; NOT_FOUND for another's, CONFLICT once decided. */
    withdraw: (caller: Caller | null, id: string): Promise<TrainingRequestView> => {
      const creditCode = requireInstitutionPermit('employerTrainingRequests', caller).subject;
      return decide(
        id,
        (row) => {
          if (row.employerCreditCode !== creditCode) throw requestNotFound(id);
        },
        () => ({ status: 'WITHDRAWN', decidedBy: creditCode }),
      );
    },

    /** Declines a SUBMITTED request with a reason: schedulers only. */
    decline: (caller: Caller | null, id: string, reasonInput: string): Promise<TrainingRequestView> => {
      const scheduler = requireTrainingScheduler(caller);
      const reason = requiredText(reasonInput, 'reason', 500, { zh: '拒绝原因', en: 'reason' });
      return decide(
        id,
        () => undefined,
        () => ({ status: 'DECLINED', declineReason: reason, decidedBy: scheduler.subject }),
      );
    },

    /**
     * Assigns the teacher and opens the employer-only FACE_TO_FACE session at the course's owner, acting
     * as the caller there (`authorization`); the request is SCHEDULED only once the session exists, and
     * the owner's refusal leaves it SUBMITTED.
     */
    schedule: async (
      caller: Caller | null,
      authorization: string | undefined,
      id: string,
      teacherInput: string,
    ): Promise<TrainingRequestView> => {
      const scheduler = requireTrainingScheduler(caller);
      const teacherName = requiredText(teacherInput, 'teacherName', 40, { zh: '授课教师', en: 'teacher’s name' });
      if (!isUuid(id)) throw requestNotFound(id);
      // Claimed in one transaction and decided in another: the row is not held locked while the owner
      // opens the session (on the embedded demo's one database the owner would wait for that lock; ADR
      // 0037), and the claim keeps every other decision off the request meanwhile.
      const claimedAt = clock.now();
      const row = await db.transaction(async (tx) => {
        const [found] = await tx.select().from(trainingRequests).where(eq(trainingRequests.id, id)).for('update');
        if (!found) throw requestNotFound(id);
        if (found.status !== 'SUBMITTED') throw notSubmitted(found);
        checkNotBeingScheduled(found, claimedAt);
        await tx.update(trainingRequests).set({ schedulingSince: claimedAt }).where(eq(trainingRequests.id, id));
        return found;
      });
      const ours = and(eq(trainingRequests.id, id), eq(trainingRequests.schedulingSince, claimedAt));
      let sessionId: string;
      try {
        sessionId = (
          await owners.openEmployerSession(authorization, {
            courseId: row.courseId,
            firstDay: row.firstDay,
            venue: row.venue,
            capacity: row.headcount,
            employerCreditCode: row.employerCreditCode,
            employerName: row.employerName,
          })
        ).id;
      } catch (error) {
        await db.update(trainingRequests).set({ schedulingSince: null }).where(ours);
        throw error;
      }
      const [scheduled] = await db
        .update(trainingRequests)
        .set({
          status: 'SCHEDULED',
          teacherName,
          sessionId,
          decidedBy: scheduler.subject,
          decidedAt: clock.now(),
          schedulingSince: null,
        })
        .where(and(ours, eq(trainingRequests.status, 'SUBMITTED')))
        .returning();
      if (!scheduled) {
        throw conflict({
          zh: '安排耗时过长，该培训需求已由他人处理，请刷新',
          en: 'Scheduling took too long and someone else has taken the request; please refresh',
        });
      }
      return view(id);
    },

    /** The last training day of a request: its course's days run consecutively. */
    lastDay: (row: TrainingRequestRow): string => addCalendarDays(row.firstDay, row.courseDays - 1),
  };
}

export type TrainingRequests = ReturnType<typeof createTrainingRequests>;
