import { randomInt } from 'node:crypto';
import { maskIdNumber, minutesToHours, shanghaiDay } from '@xueshi/domain';
import { institution } from '@xueshi/institutions';
import { notFound } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { asc, eq } from 'drizzle-orm';
import { creditEntries, learners, transcripts } from '../db/schema';
import type { TranscriptContent, TranscriptRow } from '../db/schema';
import { ledgerFor, standingEntries, verdictOf, visibleOn } from './ledger';
import { cycleStartYear as checkCycleStartYear } from './validation';
import { isAllowed, requireAllowed } from '../policy';

/** Crockford's base 32 without I, L, O, U: nothing to misread when typed from paper. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A fresh verification code, e.g. 7K3M-9QPA-2HTD (60 random bits). */
export function newVerificationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** A code as typed by someone checking a paper transcript: case, spaces and look-alikes forgiven. */
export function normaliseVerificationCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return compact.length === 12 ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}` : compact;
}

/** What a verification shows: what the transcript covered, never the ID number. */
export interface TranscriptVerification {
  verificationCode: string;
  issuedOn: string;
  learnerName: string;
  employer: string;
  content: TranscriptContent;
  /** False when the ledger has changed since (a correction): the paper no longer matches the record. */
  stillMatchesLedger: boolean;
}

/** Issued 学时记录 transcripts and their public verification. */
export function createTranscripts(options: { db: Db; clock: Clock }) {
  const { db, clock } = options;

  const standingIds = async (learnerId: string, today: string) => {
    const entries = await db.select().from(creditEntries).where(eq(creditEntries.learnerId, learnerId));
    return ledgerFor({ role: 'LEARNER', subject: learnerId }, entries, today)
      .map((entry) => entry.id)
      .sort();
  };

  return {
    /**
     * Issues the signed-in learner's transcript: every course visible in their record, the chosen cycle's
     * totals (their own cycle by default), today's date and a new verification code.
     */
    issue: async (caller: Caller | null, cycleStartYear?: number | null): Promise<TranscriptRow> => {
      const learnerId = requireAllowed('learnerSelfService', caller).subject;
      if (cycleStartYear !== null && cycleStartYear !== undefined) checkCycleStartYear(cycleStartYear, 'cycleStartYear');
      const [learner] = await db.select().from(learners).where(eq(learners.id, learnerId));
      if (!learner) throw notFound({ zh: '学员', en: 'Learner' }, learnerId);
      const now = clock.now();
      const today = shanghaiDay(now);
      const all = await db
        .select()
        .from(creditEntries)
        .where(eq(creditEntries.learnerId, learnerId))
        .orderBy(asc(creditEntries.completedOn), asc(creditEntries.recordedAt));
      const visible = standingEntries(ledgerFor(caller, all, today)).filter(visibleOn(today));
      const content: TranscriptContent = {
        learnerName: learner.name,
        idNumberMasked: maskIdNumber(learner.idNumber),
        employer: learner.employer,
        issuedOn: today,
        cycle: verdictOf(visible, cycleStartYear ?? learner.cycleStartYear),
        entries: visible.map((entry) => ({
          entryId: entry.id,
          courseTitle: entry.courseTitle,
          institutionName: institution(entry.institution).name,
          category: entry.category,
          hours: minutesToHours(entry.minutes),
          completedOn: entry.completedOn,
          visibleFrom: entry.visibleFrom,
        })),
      };
      // 60 random bits: a collision (a unique violation, the learner asks again) is not worth a retry loop.
      const [row] = await db
        .insert(transcripts)
        .values({
          verificationCode: newVerificationCode(),
          learnerId,
          cycleStartYear: content.cycle.startYear,
          issuedAt: now,
          content,
        })
        .returning();
      if (!row) throw new Error('insert returned no transcript');
      return row;
    },

    /** The caller's own transcript (or any, for the registrar), or NOT_FOUND. */
    readable: async (caller: Caller, id: string): Promise<TranscriptRow> => {
      const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await db.select().from(transcripts).where(eq(transcripts.id, id)) : [];
      if (!row || !isAllowed('transcriptDocument', caller, { learner: row.learnerId })) {
        throw notFound({ zh: '学时记录', en: 'Transcript' }, id);
      }
      return row;
    },

    /** Anyone may check a code: what the transcript covers, never the ID number; null for an unknown code. */
    verify: async (code: string): Promise<TranscriptVerification | null> => {
      const normalised = normaliseVerificationCode(code);
      if (!CODE_SHAPE.test(normalised)) return null;
      const [row] = await db.select().from(transcripts).where(eq(transcripts.verificationCode, normalised));
      if (!row) return null;
      const current = await standingIds(row.learnerId, row.content.issuedOn);
      const printed = row.content.entries.map((entry) => entry.entryId).sort();
      return {
        verificationCode: row.verificationCode,
        issuedOn: row.content.issuedOn,
        learnerName: row.content.learnerName,
        employer: row.content.employer,
        content: row.content,
        stillMatchesLedger: JSON.stringify(current) === JSON.stringify(printed),
      };
    },
  };
}

export type Transcripts = ReturnType<typeof createTranscripts>;
