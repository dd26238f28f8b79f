import { hoursToMinutes, isCategory, isValidDay, shanghaiDay } from '@xueshi/domain';
import { isInstitutionCode } from '@xueshi/institutions';
import { badInput, calendarYearNotHeld, conflict, notFound, retryOnConflict } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import { creditEntries, learners } from '../db/schema';
import type { CreditEntryRow } from '../db/schema';
import type { OfficialCalendar } from './officialCalendar';
import { isUuid, text } from './validation';
import { requireAllowed } from '../policy';

export interface ManualCreditInput {
  learnerId: string;
  courseTitle: string;
  institution: string;
  category: string;
  hours: number;
  completedOn: string;
  reason: string;
}

/**
 * What the registrar is told when an entry's visible day needs a year not loaded yet: outcomes wait
 * for it as pending credit, but an entry by hand (or its reversal) is a CreditEntry with its day, so
 * the registrar, who loads calendars, loads the year first.
 */
const calendarFirst = (year: number) =>
  calendarYearNotHeld(year, {
    zh: `该记录的可查询日期要用到 ${year} 年的国务院节假日安排，请先载入该年度（loadOfficialCalendar）`,
    en: `This entry's visible day needs the official ${year} calendar; load that year first (loadOfficialCalendar)`,
  });

/**
 * The registrar's corrections of the credit ledger, which is append-only: an entry is reversed whole by
 * a reversing entry, and credit granted directly is recorded with its reason.
 */
export function createCorrections(options: { db: Db; clock: Clock; calendar: OfficialCalendar }) {
  const { db, clock, calendar } = options;
  return {
    /** Reverses a credit entry whole, with a reason: the registrar only; CONFLICT when already reversed. */
    reverseCreditEntry: async (caller: Caller | null, entryId: string, reasonInput: string): Promise<CreditEntryRow> => {
      const registrar = requireAllowed('ledgerCorrection', caller);
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
      const registrar = requireAllowed('ledgerCorrection', caller);
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

export type Corrections = ReturnType<typeof createCorrections>;
