import {
  addCalendarDays,
  hoursToMinutes,
  isCategory,
  isValidDay,
  registrationStatusAt,
  shanghaiDay,
  startOfShanghaiDay,
} from '@xueshi/domain';
import { isInstitutionCode } from '@xueshi/institutions';
import {
  ErrorCode,
  UserError,
  badInput,
  conflict,
  forbidden,
  notFound,
  requireRole,
  retryOnConflict,
} from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { and, eq, inArray } from 'drizzle-orm';
import { creditEntries, learners, outcomes, registrations } from '../db/schema';
import type { CreditEntryRow, RegistrationRow } from '../db/schema';
import { lockRegistration } from '../store/registrations';
import type { Tx } from '../store/executor';
import { actsForInstitution, requireSessionStaff } from './access';
import type { OfficialCalendar } from './officialCalendar';
import { parseCsv } from './csv';
import { echoedId, isUuid, text } from './validation';

export interface OutcomeInput {
  registrationId: string;
  attendedFully: boolean;
  examPassed: boolean;
}

export interface ManualCreditInput {
  learnerId: string;
  courseTitle: string;
  institution: string;
  category: string;
  hours: number;
  completedOn: string;
  reason: string;
}

/** The most outcomes one report may carry: a session's largest roster. */
const MAX_OUTCOMES = 10_000;

const registrationNotFound = (id: string) => notFound({ zh: '报名记录', en: 'Registration' }, echoedId(id));

/**
 * What the registrar is told when an entry's visible day needs a year not loaded yet: outcomes wait
 * for it as pending credit, but an entry by hand (or its reversal) is a CreditEntry with its day, so
 * the registrar, who loads calendars, loads the year first.
 */
const calendarFirst = (year: number) =>
  new UserError(
    ErrorCode.CALENDAR_YEAR_NOT_HELD,
    {
      zh: `该记录的可查询日期要用到 ${year} 年的国务院节假日安排，请先载入该年度（loadOfficialCalendar）`,
      en: `This entry's visible day needs the official ${year} calendar; load that year first (loadOfficialCalendar)`,
    },
    { year },
  );

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '合格', '通过']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '不合格', '未通过', '']);

function yesNo(value: string, row: number, column: string): boolean {
  const normalised = value.trim().toLowerCase();
  if (YES.has(normalised)) return true;
  if (NO.has(normalised)) return false;
  throw badInput(
    { zh: `第 ${row} 行「${column}」应填“是”或“否”`, en: `Row ${row}: ${column} must be yes or no` },
    `csv.row${row}`,
  );
}

const COLUMNS = {
  registrationId: ['报名编号', 'registrationid', 'registration id', 'registration'],
  attendedFully: ['全程参加', 'attendedfully', 'attended fully', 'attended'],
  examPassed: ['考试合格', 'exampassed', 'exam passed', 'passed'],
};

/**
 * Outcomes (attendance and exam) reported by the institution that ran a session, the credit they earn,
 * courseware completions, and the registrar's corrections: the only writer of the credit ledger.
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
      const staff = requireRole(caller, 'INSTITUTION_STAFF', 'REGISTRAR');
      if (!isUuid(outcome.registrationId)) throw registrationNotFound(outcome.registrationId);
      const now = clock.now();
      return retryOnConflict(() =>
        db.transaction(async (tx) => {
          const registration = await lockRegistration(tx, outcome.registrationId);
          if (!registration) throw registrationNotFound(outcome.registrationId);
          if (!actsForInstitution(staff, registration.institution)) throw forbidden();
          return apply(tx, staff, registration, outcome, liveCompletion(registration, now), now);
        }),
      );
    },

    /** The outcomes of a whole roster at once: all recorded, or (on any bad row) none. */
    reportOutcomes: reportMany,

    /**
     * The same from a spreadsheet: CSV with columns 报名编号 (or registrationId), 全程参加 and 考试合格
     * (是/否, yes/no, 1/0), one row per registration, header first.
     */
    reportOutcomesCsv: async (caller: Caller | null, sessionId: string, csv: string) => {
      // Whoever may not report for the session is refused before the file is read.
      requireSessionStaff(caller, sessionId);
      const [header, ...body] = parseCsv(csv);
      if (body.length > MAX_OUTCOMES) {
        throw badInput(
          { zh: `CSV 最多 ${MAX_OUTCOMES} 行考核结果`, en: `The CSV may hold at most ${MAX_OUTCOMES} outcomes` },
          'csv',
        );
      }
      const names = (header ?? []).map((cell) => cell.trim().toLowerCase());
      const columnOf = (aliases: string[]) => names.findIndex((name) => aliases.includes(name));
      const columns = {
        registrationId: columnOf(COLUMNS.registrationId),
        attendedFully: columnOf(COLUMNS.attendedFully),
        examPassed: columnOf(COLUMNS.examPassed),
      };
      if (Object.values(columns).some((index) => index < 0)) {
        throw badInput(
          {
            zh: 'CSV 须包含列：报名编号、全程参加、考试合格',
            en: 'The CSV needs the columns registrationId, attendedFully, examPassed',
          },
          'csv',
        );
      }
      const rows = body.map((cells, index) => ({
        registrationId: (cells[columns.registrationId] ?? '').trim(),
        attendedFully: yesNo(cells[columns.attendedFully] ?? '', index + 2, '全程参加'),
        examPassed: yesNo(cells[columns.examPassed] ?? '', index + 2, '考试合格'),
      }));
      return reportMany(caller, sessionId, rows);
    },

    /**
     * The elective provider reports that a learner finished paid courseware; it earns the courseware's
     * actual hours. A purchase that has expired (31 Dec of its year) earns nothing: CONFLICT.
     */
    reportCoursewareCompletion: async (
      caller: Caller | null,
      registrationId: string,
      completedAt: Date,
    ): Promise<RegistrationRow> => {
      const staff = requireRole(caller, 'INSTITUTION_STAFF', 'REGISTRAR');
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
          if (!actsForInstitution(staff, registration.institution)) throw forbidden();
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

    /** Reverses a credit entry whole, with a reason: the registrar only; CONFLICT when already reversed. */
    reverseCreditEntry: async (caller: Caller | null, entryId: string, reasonInput: string): Promise<CreditEntryRow> => {
      const registrar = requireRole(caller, 'REGISTRAR');
      const reason = text(reasonInput, 'reason', {
        min: 2,
        max: 500,
        zh: '请写明更正原因（2–500 字）',
        en: 'Give the reason (2–500 characters)',
      });
      if (!isUuid(entryId)) throw notFound({ zh: '学时记录', en: 'Credit entry' });
      const now = clock.now();
      return retryOnConflict(() =>
        db.transaction(async (tx) => {
          // The reversal shares its entry's visibility, pending included: no year may be loaded meanwhile.
          await calendar.shareCalendar(tx);
          const [entry] = await tx.select().from(creditEntries).where(eq(creditEntries.id, entryId)).for('update');
          if (!entry) throw notFound({ zh: '学时记录', en: 'Credit entry' }, entryId);
          if (entry.pendingCalendarYear !== null) throw calendarFirst(entry.pendingCalendarYear);
          if (entry.reverses !== null) throw conflict({ zh: '冲销记录不能再冲销', en: 'A reversal cannot itself be reversed' });
          const [already] = await tx
            .select({ id: creditEntries.id })
            .from(creditEntries)
            .where(eq(creditEntries.reverses, entry.id));
          if (already) throw conflict({ zh: '该学时记录已冲销', en: 'This entry is already reversed' });
          const [reversal] = await tx
            .insert(creditEntries)
            .values({
              learnerId: entry.learnerId,
              registrationId: null,
              courseTitle: entry.courseTitle,
              institution: entry.institution,
              category: entry.category,
              year: entry.year,
              minutes: -entry.minutes,
              completedOn: entry.completedOn,
              visibleFrom: entry.visibleFrom,
              pendingCalendarYear: entry.pendingCalendarYear,
              reverses: entry.id,
              reason,
              recordedBy: registrar.subject,
              recordedAt: now,
            })
            .returning();
          if (!reversal) throw new Error('insert returned no entry');
          return reversal;
        }),
      );
    },

    /**
     * Records credit the registrar grants directly, e.g. an approved lecture-type course (经认可的讲座类课程)
     * or the corrected entry after a reversal. BAD_USER_INPUT for a bad field, NOT_FOUND for an unknown learner.
     */
    recordCreditEntry: async (caller: Caller | null, input: ManualCreditInput): Promise<CreditEntryRow> => {
      const registrar = requireRole(caller, 'REGISTRAR');
      if (!isUuid(input.learnerId)) throw notFound({ zh: '学员', en: 'Learner' });
      const courseTitle = text(input.courseTitle, 'courseTitle', {
        min: 2,
        max: 100,
        zh: '请填写课程名称',
        en: 'Give the course title',
      });
      const reason = text(input.reason, 'reason', { min: 2, max: 500, zh: '请写明登记原因', en: 'Give the reason' });
      if (!isInstitutionCode(input.institution)) throw badInput({ zh: '实施机构无效', en: 'Unknown institution' }, 'institution');
      const { category } = input;
      if (!isCategory(category)) throw badInput({ zh: '课程类别无效', en: 'Unknown category' }, 'category');
      if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 100) {
        throw badInput({ zh: '学时应在 0–100 之间', en: 'Hours must be between 0 and 100' }, 'hours');
      }
      const now = clock.now();
      if (!isValidDay(input.completedOn) || input.completedOn > shanghaiDay(now)) {
        throw badInput({ zh: '完成日期无效', en: 'The completion day is not valid' }, 'completedOn');
      }
      const minutes = hoursToMinutes(input.hours);
      if (minutes === 0) {
        throw badInput({ zh: '学时不足 1 分钟，不能登记', en: 'Hours that round to 0 minutes cannot be recorded' }, 'hours');
      }
      return db.transaction(async (tx) => {
        const [learner] = await tx.select({ id: learners.id }).from(learners).where(eq(learners.id, input.learnerId));
        if (!learner) throw notFound({ zh: '学员', en: 'Learner' }, input.learnerId);
        const visibility = await calendar.visibilityOf(tx, input.completedOn);
        if (visibility.pendingCalendarYear !== null) throw calendarFirst(visibility.pendingCalendarYear);
        const [entry] = await tx
          .insert(creditEntries)
          .values({
            learnerId: learner.id,
            registrationId: null,
            courseTitle,
            institution: input.institution,
            category,
            year: Number(input.completedOn.slice(0, 4)),
            minutes,
            completedOn: input.completedOn,
            visibleFrom: visibility.visibleFrom,
            reason,
            recordedBy: registrar.subject,
            recordedAt: now,
          })
          .returning();
        if (!entry) throw new Error('insert returned no entry');
        return entry;
      });
    },
  };
}

export type Outcomes = ReturnType<typeof createOutcomes>;
