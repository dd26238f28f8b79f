import { isValidCreditCode, shanghaiYear } from '@xueshi/domain';
import { institution as institutionOf } from '@xueshi/institutions';
import { badInput, conflict, notFound, retryOnConflict, sqlState, SqlState } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { and, eq, sql } from 'drizzle-orm';
import { invoiceCounters, invoiceReversals, invoices, learners, payments, refunds, registrations } from '../db/schema';
import type { InvoiceReversalRow, InvoiceRow } from '../db/schema';
import type { Executor } from '../store/executor';
import { echoedId, isUuid, text } from './validation';
import { requireAllowed } from '../policy';

export interface InvoiceRequest {
  paymentId: string;
  kind: InvoiceRow['kind'];
  /** 抬头: the organisation's name, or for a personal invoice the learner's name unless given. */
  title?: string | null | undefined;
  /** 统一社会信用代码, for an organisation. */
  creditCode?: string | null | undefined;
}

/**
 * An invoice number: the year, the issuing institution's two-digit number and its own running
 * number that year, e.g. 20210500000001 for 上海交通大学's first invoice of 2021.
 */
export function invoiceNumber(year: number, institution: string, sequence: number): string {
  const issuer = institutionOf(institution).invoiceIssuerNumber;
  return `${year}${String(issuer).padStart(2, '0')}${String(sequence).padStart(8, '0')}`;
}

/** The next number of `institution`'s invoices in `year`, blue or red, from the one running sequence. */
async function nextInvoiceNumber(tx: Executor, institution: string, year: number): Promise<string> {
  const [counter] = await tx
    .insert(invoiceCounters)
    .values({ institution, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [invoiceCounters.institution, invoiceCounters.year],
      set: { lastNumber: sql`${invoiceCounters.lastNumber} + 1` },
    })
    .returning();
  return invoiceNumber(year, institution, counter?.lastNumber ?? 1);
}

/**
 * Issues the reversing invoice (红字发票) of the payment's invoice for a refund, in the refund's own
 * transaction: refunded money never keeps a valid invoice. Nothing when the payment was not invoiced.
 */
export async function reverseInvoiceForRefund(
  tx: Executor,
  refund: { id: string; paymentId: string; amountFen: number },
  now: Date,
): Promise<InvoiceReversalRow | null> {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.paymentId, refund.paymentId));
  if (!invoice) return null;
  const [reversal] = await tx
    .insert(invoiceReversals)
    .values({
      invoiceId: invoice.id,
      refundId: refund.id,
      number: await nextInvoiceNumber(tx, invoice.institution, shanghaiYear(now)),
      amountFen: refund.amountFen,
      reason: '退课退款',
      issuedAt: now,
    })
    .returning();
  return reversal ?? null;
}

/** Electronic ordinary invoices (电子普通发票) for successful payments, in the name of the institution that runs the course. */
export function createInvoices(options: { db: Db; clock: Clock }) {
  const { db, clock } = options;
  return {
    /**
     * Issues the invoice for one of the caller's successful payments: personal, or an organisation's
     * with its unified social credit code (GB 32100 checked). BAD_USER_INPUT for a bad title or code,
     * NOT_FOUND, CONFLICT (not paid, refunded, or already invoiced) change nothing.
     */
    request: async (caller: Caller | null, request: InvoiceRequest): Promise<InvoiceRow> => {
      const learnerId = requireAllowed('learnerSelfService', caller).subject;
      const missing = () => notFound({ zh: '支付记录', en: 'Payment' }, echoedId(request.paymentId));
      if (!isUuid(request.paymentId)) throw missing();
      const [found] = await db
        .select({ payment: payments, registration: registrations, learner: learners })
        .from(payments)
        .innerJoin(registrations, eq(registrations.id, payments.registrationId))
        .innerJoin(learners, eq(learners.id, payments.learnerId))
        .where(eq(payments.id, request.paymentId));
      if (!found || found.payment.learnerId !== learnerId) throw missing();
      const { payment, registration, learner } = found;
      if (payment.status !== 'SUCCEEDED') {
        throw conflict({ zh: '支付成功后方可申请发票', en: 'An invoice can be requested only for a successful payment' });
      }

      let title: string;
      let creditCode: string | null = null;
      if (request.kind === 'ORGANISATION') {
        title = text(request.title ?? '', 'title', {
          min: 2,
          max: 100,
          zh: '请填写单位发票抬头（2–100 个字）',
          en: 'Enter the organisation’s invoice title (2–100 characters)',
        });
        const code = (request.creditCode ?? '').trim().toUpperCase();
        if (!isValidCreditCode(code)) {
          throw badInput(
            { zh: '统一社会信用代码无效，请核对', en: 'This is not a valid unified social credit code' },
            'creditCode',
          );
        }
        creditCode = code;
      } else {
        if (request.creditCode) {
          throw badInput({ zh: '个人发票不填写统一社会信用代码', en: 'A personal invoice has no credit code' }, 'creditCode');
        }
        title = request.title?.trim()
          ? text(request.title, 'title', {
              min: 1,
              max: 40,
              zh: '请填写个人发票抬头（姓名）',
              en: 'Enter the name for the invoice',
            })
          : learner.name;
      }

      const now = clock.now();
      try {
        return await retryOnConflict(() =>
          db.transaction(async (tx) => {
            const [refunded] = await tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.paymentId, payment.id));
            if (refunded)
              throw conflict({ zh: '该笔支付已退款，不能开具发票', en: 'This payment was refunded; it cannot be invoiced' });
            const [already] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.paymentId, payment.id));
            if (already) throw conflict({ zh: '该笔支付已开具发票', en: 'This payment already has an invoice' });
            const number = await nextInvoiceNumber(tx, registration.institution, shanghaiYear(now));
            const [invoice] = await tx
              .insert(invoices)
              .values({
                paymentId: payment.id,
                learnerId,
                number,
                institution: registration.institution,
                kind: request.kind,
                title,
                creditCode,
                amountFen: payment.amountFen,
                item: `继续教育培训费（${registration.courseTitle}）`,
                issuedAt: now,
              })
              .returning();
            if (!invoice) throw new Error('insert returned no invoice');
            return invoice;
          }),
        );
      } catch (error) {
        if (sqlState(error) === SqlState.UNIQUE_VIOLATION) {
          throw conflict({ zh: '该笔支付已开具发票', en: 'This payment already has an invoice' });
        }
        throw error;
      }
    },

    /** The caller's own invoice, or NOT_FOUND (also for someone else's). */
    own: async (caller: Caller, id: string): Promise<InvoiceRow> => {
      const [invoice] = isUuid(id)
        ? await db
            .select()
            .from(invoices)
            .where(and(eq(invoices.id, id), eq(invoices.learnerId, caller.subject)))
        : [];
      if (!invoice) throw notFound({ zh: '发票', en: 'Invoice' }, echoedId(id));
      return invoice;
    },
  };
}

export type Invoices = ReturnType<typeof createInvoices>;
