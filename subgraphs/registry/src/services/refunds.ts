import type { Clock, Db, Logger } from '@xueshi/subgraph-kit';
import { and, eq, inArray } from 'drizzle-orm';
import { payments, refunds } from '../db/schema';
import type { PaymentProvider, ProviderResult } from '../payments/provider';

export interface RefundOptions {
  db: Db;
  clock: Clock;
  provider: PaymentProvider;
  logger: Logger;
}

/** The provider key of a refund: its id, so a refund sent again never moves money twice. */
export const refundKey = (refundId: string) => `refund:${refundId}`;

/** Sending recorded refunds to the provider and recording what it answers, each at most once. */
export function createRefunds(options: RefundOptions) {
  const { db, clock, provider, logger } = options;

  /**
   * Records the provider's answer for a refund still waiting for one (PENDING, or FAILED and being tried
   * again); a SUCCEEDED refund is final, so a late or repeated answer changes nothing.
   */
  const record = async (refundId: string, result: ProviderResult): Promise<void> => {
    if (result.status === 'PENDING') return;
    await db
      .update(refunds)
      .set({ status: result.status, providerReference: result.reference, completedAt: clock.now() })
      .where(and(eq(refunds.id, refundId), inArray(refunds.status, ['PENDING', 'FAILED'])));
  };

  /** Sends a refund that is not settled yet (again: the key makes that safe) and records the answer. */
  const send = async (refundId: string): Promise<void> => {
    const [pending] = await db
      .select({ refund: refunds, payment: payments })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(and(eq(refunds.id, refundId), inArray(refunds.status, ['PENDING', 'FAILED'])));
    if (!pending) return;
    try {
      const result = await provider.refund({
        idempotencyKey: refundKey(pending.refund.id),
        chargeReference: pending.payment.providerReference ?? '',
        amountFen: pending.refund.amountFen,
      });
      await record(pending.refund.id, result);
    } catch (error) {
      logger.error({ err: error, refund: pending.refund.id }, 'refund not settled; reconciliation sends it again');
    }
  };

  return { record, send };
}

export type Refunds = ReturnType<typeof createRefunds>;
