import { renderInvoice } from '@xueshi/documents';
import { shanghaiDay } from '@xueshi/domain';
import { institution } from '@xueshi/institutions';
import { ErrorCode, UserError, forbidden, notFound, unauthenticated } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db, Logger, TokenSigner, TokenVerifier } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import type { Request, Response, Router } from 'express';
import { invoices, payments } from '../db/schema';
import { isUuid } from './validation';

/** How long a download link works. */
const LINK_TTL_SECONDS = 5 * 60;

export interface DocumentOptions {
  db: Db;
  clock: Clock;
  signer: TokenSigner;
  verifier: TokenVerifier;
  logger: Logger;
}

export interface DocumentLink {
  url: string;
  expiresAt: Date;
}

const invoicePath = (id: string) => `/documents/invoices/${id}.pdf`;

/**
 * Printable documents behind short-lived links: a link carries a token that opens that one document for
 * the caller it was made for, so a browser can download it without the caller's bearer token.
 */
export function createDocuments(options: DocumentOptions) {
  const { db, clock, signer, verifier, logger } = options;

  const link = async (path: string, caller: Caller): Promise<DocumentLink> => ({
    url: `${path}?token=${await signer.signDocument(path, caller, LINK_TTL_SECONDS)}`,
    expiresAt: new Date(clock.now().getTime() + LINK_TTL_SECONDS * 1000),
  });

  /** The caller of a download: its link token, else its bearer token; UNAUTHENTICATED without either. */
  const callerOf = async (request: Request, path: string): Promise<Caller> => {
    const token = request.query['token'];
    if (typeof token === 'string' && token) return verifier.verifyDocument(token, path);
    const caller = await verifier.fromAuthorizationHeader(request.headers.authorization);
    if (!caller) throw unauthenticated();
    return caller;
  };

  const fail = (response: Response, error: unknown) => {
    if (error instanceof UserError) {
      const status = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 }[error.code as string] ?? 400;
      response.status(status).json({ errors: [{ message: error.message, extensions: error.extensions }] });
      return;
    }
    logger.error({ err: error }, 'document failed');
    response.status(500).json({ errors: [{ message: '服务内部错误 (Internal server error)', extensions: { code: ErrorCode.UNAVAILABLE } }] });
  };

  return {
    /** A download link for the invoice, for a caller already allowed to see it. */
    invoiceLink: (invoiceId: string, caller: Caller) => link(invoicePath(invoiceId), caller),

    routes: (router: Router) => {
      router.get('/documents/invoices/:file', async (request, response) => {
        try {
          const id = /^(.+)\.pdf$/.exec(String(request.params['file']))?.[1] ?? '';
          if (!isUuid(id)) throw notFound({ zh: '发票', en: 'Invoice' });
          const caller = await callerOf(request, invoicePath(id));
          const [found] = await db
            .select({ invoice: invoices, payment: payments })
            .from(invoices)
            .innerJoin(payments, eq(payments.id, invoices.paymentId))
            .where(eq(invoices.id, id));
          if (!found) throw notFound({ zh: '发票', en: 'Invoice' }, id);
          const { invoice, payment } = found;
          const mayRead =
            (caller.role === 'LEARNER' && caller.subject === invoice.learnerId) ||
            caller.role === 'REGISTRAR' ||
            (caller.role === 'INSTITUTION_STAFF' && caller.institution === invoice.institution);
          if (!mayRead) throw caller.role === 'LEARNER' ? notFound({ zh: '发票', en: 'Invoice' }, id) : forbidden();
          const pdf = await renderInvoice({
            invoiceNumber: invoice.number,
            issuedOn: shanghaiDay(invoice.issuedAt),
            seller: { name: institution(invoice.institution).name },
            buyer:
              invoice.kind === 'ORGANISATION' && invoice.creditCode
                ? { kind: 'ORGANISATION', title: invoice.title, creditCode: invoice.creditCode }
                : { kind: 'PERSONAL', name: invoice.title },
            items: [{ description: invoice.item, amountFen: invoice.amountFen }],
            totalFen: invoice.amountFen,
            paymentReference: payment.providerReference ?? payment.id,
          });
          response
            .type('application/pdf')
            .set('Cache-Control', 'private, no-store')
            .set('Content-Disposition', `inline; filename="fapiao-${invoice.number}.pdf"`)
            .send(pdf);
        } catch (error) {
          fail(response, error);
        }
      });
    },
  };
}

export type Documents = ReturnType<typeof createDocuments>;
