import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ErrorCode, UserError, badInput } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db, RateLimitRule, RateLimiter } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import { learners, mobileCodes } from '../db/schema';
import type { LearnerRow } from '../db/schema';
import type { SmsProvider } from '../sms/provider';
import { requireAllowed } from '../policy';

/** How long a code may be entered, and how many guesses it allows before a new one must be asked for. */
export const MOBILE_CODE = { ttlSeconds: 10 * 60, attempts: 5 } as const;

/** Codes one learner may ask for in an hour: enough for slow or lost messages, too few to flood a phone. */
export const MOBILE_CODE_REQUESTS: RateLimitRule = { name: 'mobile-code-requests', limit: 10, windowSeconds: 60 * 60 };

export interface MobileVerificationOptions {
  db: Db;
  clock: Clock;
  sms: SmsProvider;
  rateLimiter: RateLimiter;
  /** Whether a learner must verify their mobile before registering or paying (always in production). */
  required: boolean;
}

const hashCode = (salt: string, code: string) => createHash('sha256').update(`${salt}:${code}`).digest('hex');

const matches = (stored: string, code: string) => {
  const [salt = '', expected = ''] = stored.split('$');
  const actual = Buffer.from(hashCode(salt, code), 'hex');
  const wanted = Buffer.from(expected, 'hex');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
};

const noCode = () => badInput({ zh: '验证码已失效，请重新获取', en: 'This code is no longer valid; ask for a new one' }, 'code');

/**
 * Mobile verification with a one-time code sent by SMS: six random digits, stored only as a salted
 * hash, valid for ten minutes and five guesses. Required in production before a learner registers or pays.
 */
export function createMobileVerification(options: MobileVerificationOptions) {
  const { db, clock } = options;
  return {
    /** Sends the signed-in learner a new code (replacing any earlier one); RATE_LIMITED after ten an hour. */
    requestCode: async (caller: Caller | null): Promise<{ expiresAt: Date }> => {
      const learnerId = requireAllowed('learnerSelfService', caller).subject;
      await options.rateLimiter.reserve(MOBILE_CODE_REQUESTS, learnerId);
      const [learner] = await db.select().from(learners).where(eq(learners.id, learnerId));
      if (!learner) throw new UserError(ErrorCode.UNAUTHENTICATED, { zh: '请先登录', en: 'Please sign in first' });
      const code = String(randomInt(1_000_000)).padStart(6, '0');
      const salt = randomBytes(16).toString('hex');
      const now = clock.now();
      const row = {
        learnerId,
        codeHash: `${salt}$${hashCode(salt, code)}`,
        expiresAt: new Date(now.getTime() + MOBILE_CODE.ttlSeconds * 1000),
        attemptsLeft: MOBILE_CODE.attempts,
        sentAt: now,
      };
      await db.insert(mobileCodes).values(row).onConflictDoUpdate({ target: mobileCodes.learnerId, set: row });
      await options.sms.send({
        mobile: learner.mobile,
        text: `【上海继教网】您的手机验证码为 ${code}，10 分钟内有效。如非本人操作，请忽略。`,
      });
      return { expiresAt: row.expiresAt };
    },

    /**
     * Checks the code the signed-in learner entered: the mobile is verified when it matches; a wrong code
     * uses up one of its guesses (BAD_USER_INPUT with `attemptsLeft`), and an expired or used-up code
     * must be asked for again.
     */
    verify: async (caller: Caller | null, code: string): Promise<LearnerRow> => {
      const learnerId = requireAllowed('learnerSelfService', caller).subject;
      const outcome = await db.transaction(async (tx) => {
        // Locked, so parallel guesses each use up one of the code's attempts.
        const [stored] = await tx.select().from(mobileCodes).where(eq(mobileCodes.learnerId, learnerId)).for('update');
        if (!stored || stored.expiresAt <= clock.now() || stored.attemptsLeft <= 0) return { refused: noCode() };
        if (!/^\d{6}$/.test(code.trim()) || !matches(stored.codeHash, code.trim())) {
          const attemptsLeft = stored.attemptsLeft - 1;
          await tx.update(mobileCodes).set({ attemptsLeft }).where(eq(mobileCodes.learnerId, learnerId));
          return {
            refused: new UserError(
              ErrorCode.BAD_USER_INPUT,
              { zh: '验证码不正确', en: 'This code is not right' },
              { field: 'code', attemptsLeft },
            ),
          };
        }
        await tx.delete(mobileCodes).where(eq(mobileCodes.learnerId, learnerId));
        const [learner] = await tx
          .update(learners)
          .set({ mobileVerifiedAt: clock.now() })
          .where(eq(learners.id, learnerId))
          .returning();
        if (!learner) throw new Error('verified learner not found');
        return { learner };
      });
      // A wrong guess is recorded (committed) before it is refused.
      if ('refused' in outcome) throw outcome.refused;
      return outcome.learner;
    },

    /**
     * FORBIDDEN (`reason: MOBILE_NOT_VERIFIED`) when verification is required and the signed-in learner
     * has not verified their mobile; anyone else passes, for the action itself to decide.
     */
    requireVerified: async (caller: Caller | null): Promise<void> => {
      if (!options.required || caller?.role !== 'LEARNER') return;
      const [learner] = await db
        .select({ verifiedAt: learners.mobileVerifiedAt })
        .from(learners)
        .where(eq(learners.id, caller.subject));
      if (learner && learner.verifiedAt === null) {
        throw new UserError(
          ErrorCode.FORBIDDEN,
          {
            zh: '请先用短信验证码验证手机号码，再报名或缴费',
            en: 'Verify your mobile with the code sent by SMS before registering or paying',
          },
          { reason: 'MOBILE_NOT_VERIFIED' },
        );
      }
    },
  };
}

export type MobileVerification = ReturnType<typeof createMobileVerification>;
