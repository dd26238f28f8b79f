import { conflict, notFound, retryOnConflict } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import { cycleStartYearChanges, learners } from '../db/schema';
import type { LearnerRow } from '../db/schema';
import { cycleStartYear, isUuid, text } from './validation';
import { requireAllowed } from '../policy';

/** Which 3-year cycle a learner is held to: 2021–2023 by default, moved only by the registrar, with a reason kept. */
export function createCycleStart(options: { db: Db; clock: Clock }) {
  const { db, clock } = options;
  return {
    /**
     * Sets a learner's cycle start year (the registrar only), recording who, when, from what and why.
     * NOT_FOUND for an unknown learner, BAD_USER_INPUT for a bad year or reason, CONFLICT when unchanged.
     */
    set: async (caller: Caller | null, input: { learnerId: string; startYear: number; reason: string }): Promise<LearnerRow> => {
      const registrar = requireAllowed('cycleStartChange', caller);
      const startYear = cycleStartYear(input.startYear);
      const reason = text(input.reason, 'reason', {
        min: 2,
        max: 500,
        zh: '请写明调整原因（2–500 字）',
        en: 'Give the reason (2–500 characters)',
      });
      if (!isUuid(input.learnerId)) throw notFound({ zh: '学员', en: 'Learner' });
      return retryOnConflict(() =>
        db.transaction(async (tx) => {
          const [learner] = await tx.select().from(learners).where(eq(learners.id, input.learnerId)).for('update');
          if (!learner) throw notFound({ zh: '学员', en: 'Learner' }, input.learnerId);
          if (learner.cycleStartYear === startYear) {
            throw conflict({
              zh: `该学员的考核周期已从 ${startYear} 年起算`,
              en: `The learner's cycle already starts in ${startYear}`,
            });
          }
          await tx.insert(cycleStartYearChanges).values({
            learnerId: learner.id,
            fromYear: learner.cycleStartYear,
            toYear: startYear,
            reason,
            changedBy: registrar.subject,
            changedAt: clock.now(),
          });
          const [updated] = await tx
            .update(learners)
            .set({ cycleStartYear: startYear })
            .where(eq(learners.id, learner.id))
            .returning();
          if (!updated) throw new Error('update returned no learner');
          return updated;
        }),
      );
    },
  };
}

export type CycleStart = ReturnType<typeof createCycleStart>;
