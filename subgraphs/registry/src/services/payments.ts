import { coursewareAccessExpiresAt, registrationStatusAt } from '@xueshi/domain';
import { ErrorCode, UserError, badInput, conflict, retryOnConflict } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db, Logger } from '@xueshi/subgraph-kit';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { payments, refunds, registrations } from '../db/schema';
import type { PaymentRow } from '../db/schema';
import type { PaymentProvider, ProviderNotification, ProviderResult } from '../payments/provider';
import { lockRegistration } from '../store/registrations';
import type { Refunds } from './refunds';
import type { Registrations } from './registrations';
import { isUuid } from './validation';
import { requireAllowed } from '../policy';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
/**
 * A charge still pending this long after it was sent is sent again when the learner pays again (same
 * provider key, so never twice), and closed at the provider by reconciliation.
 */
const STALE_PENDING_MS = 60_000;

/** The provider key of a payment's charge: its id, so a charge sent again never moves money twice. */
const chargeKey = (paymentId: string) => `payment:${paymentId}`;

export interface PaymentOptions {
  db: Db;
  clock: Clock;
  provider: PaymentProvider;
  registrations: Registrations;
  refunds: Refunds;
  logger: Logger;
}

/** Paying for registrations through the provider, idempotently. */
export function createPayments(options: PaymentOptions) {
  const { db, clock, provider, logger } = options;

  /**
   * Records the provider's answer for a payment, in one transaction under the registration's lock, and only
   * for a payment still PENDING: a late, repeated or out-of-order answer changes nothing. Money taken
   * while the registration still holds its seat pays for it; money taken after the seat has gone (the hold
   * lapsed, or the learner withdrew) is recorded and refunded in full.
   */
  const recordCharge = async (paymentId: string, result: ProviderResult): Promise<PaymentRow | undefined> => {
    const now = clock.now();
    const outcome = await retryOnConflict(() =>
      db.transaction(async (tx) => {
        const [found] = await tx.select().from(payments).where(eq(payments.id, paymentId));
        if (!found || found.status !== 'PENDING' || result.status === 'PENDING') return { payment: found };
        const registration = await lockRegistration(tx, found.registrationId);
        const [updated] = await tx
          .update(payments)
          .set({
            status: result.status,
            providerReference: result.reference,
            failureReason: result.failureReason ?? null,
            completedAt: now,
          })
          .where(and(eq(payments.id, paymentId), eq(payments.status, 'PENDING')))
          .returning();
        if (!updated) {
          const [settled] = await tx.select().from(payments).where(eq(payments.id, paymentId));
          return { payment: settled };
        }
        if (updated.status !== 'SUCCEEDED') return { payment: updated };
        if (registration && registrationStatusAt(registration, now) === 'AWAITING_PAYMENT') {
          await tx
            .update(registrations)
            .set({
              status: 'PAID',
              paidAt: now,
              holdExpiresAt: null,
              accessExpiresAt: registration.deliveryMode === 'ONLINE_COURSEWARE' ? coursewareAccessExpiresAt(now) : null,
            })
            .where(eq(registrations.id, updated.registrationId));
          return { payment: updated };
        }
        const [refund] = await tx
          .insert(refunds)
          .values({ paymentId: updated.id, amountFen: updated.amountFen, status: 'PENDING', createdAt: now })
          .returning({ id: refunds.id });
        logger.warn({ payment: updated.id }, 'paid after the seat had gone; refunding in full');
        return { payment: updated, refundId: refund?.id };
      }),
    );
    if (outcome.refundId) await options.refunds.send(outcome.refundId);
    return outcome.payment;
  };

  /** Sends a pending payment's charge (the provider key is the payment's id) and records the outcome. */
  const settle = async (payment: PaymentRow, description: string): Promise<PaymentRow> => {
    let result;
    try {
      result = await provider.charge({ idempotencyKey: chargeKey(payment.id), amountFen: payment.amountFen, description });
    } catch (error) {
      logger.error({ err: error, payment: payment.id }, 'charge not confirmed; the payment stays pending');
      return payment;
    }
    return (await recordCharge(payment.id, result)) ?? payment;
  };

  /** Takes a provider's notification: the payment or refund its key names gets the answer, if it still waits for one. */
  const notify = async (notification: ProviderNotification): Promise<void> => {
    const [kind, id] = notification.idempotencyKey.split(':');
    if (!id || !isUuid(id)) return;
    if (notification.kind === 'charge' && kind === 'payment') await recordCharge(id, notification.result);
    if (notification.kind === 'refund' && kind === 'refund') await options.refunds.record(id, notification.result);
  };

  /**
   * Finds what a crash or a lost answer left unfinished and finishes it, as often as it is run: a payment
   * pending for longer than a charge takes is closed at the provider, whose last word (taken or not) is
   * recorded; a refund not settled is sent again. Returns how many of each it looked at.
   */
  const reconcile = async (): Promise<{ payments: number; refunds: number }> => {
    const before = new Date(clock.now().getTime() - STALE_PENDING_MS);
    const stale = await db
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.status, 'PENDING'), lt(payments.createdAt, before)));
    for (const { id } of stale) {
      try {
        await recordCharge(id, await provider.close({ idempotencyKey: chargeKey(id) }));
      } catch (error) {
        logger.error({ err: error, payment: id }, 'payment not reconciled; the next round tries again');
      }
    }
    const unsettled = await db
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(inArray(refunds.status, ['PENDING', 'FAILED']), lt(refunds.createdAt, before)));
    for (const { id } of unsettled) await options.refunds.send(id);
    return { payments: stale.length, refunds: unsettled.length };
  };

  return {
    /**
     * Pays for the caller's registration. The same idempotency key always returns the same payment and
     * charges at most once, also when sent concurrently; a declined charge leaves the registration
     * awaiting payment, to be paid with a new key. BAD_USER_INPUT for a malformed key, NOT_FOUND,
     * CONFLICT (already paid, a payment in progress, or the key used for another registration) and
     * REGISTRATION_CLOSED (the hold has lapsed) change nothing.
     */
    pay: async (caller: Caller | null, registrationId: string, idempotencyKey: string): Promise<PaymentRow> => {
      const learner = requireAllowed('learnerSelfService', caller);
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw badInput(
          { zh: '支付请求标识须为 8–128 位字母、数字、- 或 _', en: 'The idempotency key must be 8–128 letters, digits, - or _' },
          'idempotencyKey',
        );
      }
      const registration = await options.registrations.ownRegistration(learner, registrationId);
      const now = clock.now();
      const { payment, created } = await retryOnConflict(() =>
        db.transaction(async (tx) => {
          // Every payment of a registration goes through this lock, so concurrent calls see each other's rows.
          const current = await lockRegistration(tx, registration.id);
          const [existing] = await tx
            .select()
            .from(payments)
            .where(and(eq(payments.learnerId, learner.subject), eq(payments.idempotencyKey, idempotencyKey)));
          if (existing) {
            if (existing.registrationId !== registration.id) {
              throw conflict({
                zh: '该支付请求标识已用于其他报名',
                en: 'This idempotency key was used for another registration',
              });
            }
            return { payment: existing, created: false };
          }
          const status = current ? registrationStatusAt(current, now) : 'EXPIRED';
          if (status === 'EXPIRED') {
            throw new UserError(ErrorCode.REGISTRATION_CLOSED, {
              zh: '报名保留时间已过，名额已释放，请重新报名',
              en: 'The hold on this registration has lapsed; please register again',
            });
          }
          if (status !== 'AWAITING_PAYMENT') {
            throw conflict(
              status === 'PAID' || status === 'COMPLETED'
                ? { zh: '该报名已支付，无需重复支付', en: 'This registration is already paid' }
                : { zh: '该报名已失效，不能支付', en: `A ${status.toLowerCase()} registration cannot be paid` },
            );
          }
          const [live] = await tx
            .select({ id: payments.id })
            .from(payments)
            .where(and(eq(payments.registrationId, registration.id), inArray(payments.status, ['PENDING', 'SUCCEEDED'])));
          if (live) {
            throw conflict({
              zh: '该报名已有一笔支付正在处理，请稍候',
              en: 'A payment for this registration is already in progress',
            });
          }
          const [inserted] = await tx
            .insert(payments)
            .values({
              registrationId: registration.id,
              learnerId: learner.subject,
              idempotencyKey,
              amountFen: registration.feeFen,
              status: 'PENDING',
              provider: provider.name,
              createdAt: now,
            })
            .returning();
          if (!inserted) throw new Error('insert returned no payment');
          return { payment: inserted, created: true };
        }),
      );
      const stale = payment.status === 'PENDING' && now.getTime() - payment.createdAt.getTime() >= STALE_PENDING_MS;
      if (created || stale) return settle(payment, `${registration.courseTitle}（${registration.sessionId}）`);
      return payment;
    },

    notify,
    reconcile,
  };
}

export type Payments = ReturnType<typeof createPayments>;
