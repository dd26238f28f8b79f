import { renderInvoice, renderTranscript, transcriptCsv } from '@xueshi/documents';
import type { TranscriptInput } from '@xueshi/documents';
import { shanghaiDay } from '@xueshi/domain';
import { institution } from '@xueshi/institutions';
import {
  ErrorCode,
  UserError,
  VERIFICATION_LIMITS,
  forbidden,
  notFound,
  sendError,
  sendTooManyRequests,
  unauthenticated,
} from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db, Logger, RateLimiter, TokenSigner, TokenVerifier } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import type { Request, Response, Router } from 'express';
import { invoiceReversals, invoices, payments } from '../db/schema';
import type { Transcripts, TranscriptVerification } from './transcripts';
import { isUuid } from './validation';
import { isAllowed } from '../policy';

/** How long a download link works. */
const LINK_TTL_SECONDS = 5 * 60;

export interface DocumentOptions {
  db: Db;
  clock: Clock;
  signer: TokenSigner;
  verifier: TokenVerifier;
  logger: Logger;
  transcripts: Transcripts;
  /** Counts views of the verification page per connecting address (VERIFICATION_LIMITS.perConnection). */
  rateLimiter: RateLimiter;
  /** Where the public reaches the gateway, printed on transcripts for verification. */
  publicUrl: string;
}

export interface DocumentLink {
  url: string;
  expiresAt: Date;
}

const invoicePath = (id: string) => `/documents/invoices/${id}.pdf`;
const transcriptPath = (id: string, format: 'pdf' | 'csv') => `/documents/transcripts/${id}.${format}`;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/** The public verification page: what the transcript covers, in Chinese, without the ID number. */
function verificationPage(code: string, verification: TranscriptVerification | null): string {
  const body = verification
    ? `<p class="ok">✔ 该学时记录真实有效 · This transcript is genuine.</p>
<dl><dt>姓名</dt><dd>${escapeHtml(verification.learnerName)}</dd><dt>工作单位</dt><dd>${escapeHtml(verification.employer)}</dd>
<dt>出具日期</dt><dd>${verification.issuedOn}</dd><dt>考核周期</dt><dd>${verification.content.cycle.startYear}–${verification.content.cycle.endYear}</dd>
<dt>必修学时 / 总学时</dt><dd>${verification.content.cycle.requiredHours} / ${verification.content.cycle.totalHours}（${verification.content.cycle.compliant ? '合格' : '未达标'}）</dd></dl>
<table><thead><tr><th>课程</th><th>实施机构</th><th>类别</th><th>学时</th><th>完成日期</th></tr></thead><tbody>
${verification.content.entries
  .map(
    (entry) =>
      `<tr><td>${escapeHtml(entry.courseTitle)}</td><td>${escapeHtml(entry.institutionName)}</td><td>${entry.category === 'REQUIRED' ? '必修' : '选修'}</td><td>${entry.hours}</td><td>${entry.completedOn}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
${verification.stillMatchesLedger ? '' : '<p class="warn">注意：出具后学时记录已有更正，请以最新记录为准。Note: the record has been corrected since this was issued.</p>'}`
    : '<p class="warn">✘ 未找到该验证码对应的学时记录 · No transcript has this code.</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>学时记录验证 ${escapeHtml(code)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}.ok{color:#176f2c}.warn{color:#a12}dt{font-weight:bold}</style>
</head><body><h1>上海市专业技术人员继续教育学时记录 · 验证</h1><p>验证码 ${escapeHtml(code)}</p>${body}</body></html>`;
}

/**
 * Printable documents behind short-lived links: a link carries a token that opens that one document for
 * the caller it was made for, so a browser can download it without the caller's bearer token.
 */
export function createDocuments(options: DocumentOptions) {
  const { db, clock, signer, verifier, logger, rateLimiter } = options;

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

  const fail = (response: Response, error: unknown) => sendError(response, error, logger);

  const transcriptInput = (row: Awaited<ReturnType<Transcripts['readable']>>): TranscriptInput => ({
    learnerName: row.content.learnerName,
    idNumberMasked: row.content.idNumberMasked,
    employer: row.content.employer,
    issuedOn: row.content.issuedOn,
    verificationCode: row.verificationCode,
    verificationUrl: `${options.publicUrl}/documents/verify/${row.verificationCode}`,
    cycle: row.content.cycle,
    entries: row.content.entries,
  });

  return {
    /** A download link for the invoice, for a caller already allowed to see it. */
    invoiceLink: (invoiceId: string, caller: Caller) => link(invoicePath(invoiceId), caller),

    /** Download links for an issued transcript, as PDF and as CSV. */
    transcriptLinks: async (transcriptId: string, caller: Caller) => ({
      pdf: await link(transcriptPath(transcriptId, 'pdf'), caller),
      csv: await link(transcriptPath(transcriptId, 'csv'), caller),
    }),

    /** The public verification page of a code. */
    verificationUrl: (code: string) => `${options.publicUrl}/documents/verify/${code}`,

    routes: (router: Router) => {
      router.get('/documents/transcripts/:file', async (request, response) => {
        try {
          const [, id = '', format] = /^(.+)\.(pdf|csv)$/.exec(String(request.params['file'])) ?? [];
          if (!isUuid(id) || (format !== 'pdf' && format !== 'csv')) throw notFound({ zh: '学时记录', en: 'Transcript' });
          const caller = await callerOf(request, transcriptPath(id, format));
          const row = await options.transcripts.readable(caller, id);
          const filename = `xueshi-${row.content.issuedOn}-${row.verificationCode}`;
          response.set('Cache-Control', 'private, no-store');
          if (format === 'csv') {
            response
              .type('text/csv; charset=utf-8')
              .set('Content-Disposition', `attachment; filename="${filename}.csv"`)
              .send(transcriptCsv(transcriptInput(row)));
            return;
          }
          response
            .type('application/pdf')
            .set('Content-Disposition', `inline; filename="${filename}.pdf"`)
            .send(await renderTranscript(transcriptInput(row)));
        } catch (error) {
          fail(response, error);
        }
      });
      router.get('/documents/verify/:code', async (request, response) => {
        try {
          // Counted before the lookup: guessing codes runs at a trickle whatever the answers.
          await rateLimiter.reserve(VERIFICATION_LIMITS.perConnection, request.socket.remoteAddress ?? 'unknown');
        } catch (error) {
          if (error instanceof UserError && error.code === ErrorCode.RATE_LIMITED) {
            sendTooManyRequests(response, Number(error.extensions['retryAfterSeconds']));
          } else fail(response, error);
          return;
        }
        try {
          const code = String(request.params['code']).slice(0, 32);
          const verification = await options.transcripts.verify(code);
          response
            .status(verification ? 200 : 404)
            .set('Cache-Control', 'no-store')
            .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
            .type('html')
            .send(verificationPage(code, verification));
        } catch (error) {
          fail(response, error);
        }
      });

      router.get('/documents/invoices/:file', async (request, response) => {
        try {
          const id = /^(.+)\.pdf$/.exec(String(request.params['file']))?.[1] ?? '';
          if (!isUuid(id)) throw notFound({ zh: '发票', en: 'Invoice' });
          const caller = await callerOf(request, invoicePath(id));
          // The id is an invoice's, or a reversing invoice's (红字发票), which prints the original's buyer.
          const [reversal] = await db.select().from(invoiceReversals).where(eq(invoiceReversals.id, id));
          const [found] = await db
            .select({ invoice: invoices, payment: payments })
            .from(invoices)
            .innerJoin(payments, eq(payments.id, invoices.paymentId))
            .where(eq(invoices.id, reversal?.invoiceId ?? id));
          if (!found) throw notFound({ zh: '发票', en: 'Invoice' }, id);
          const { invoice, payment } = found;
          if (!isAllowed('invoiceDocument', caller, { learner: invoice.learnerId, institution: invoice.institution }))
            throw caller.role === 'LEARNER' ? notFound({ zh: '发票', en: 'Invoice' }, id) : forbidden();
          const amountFen = reversal?.amountFen ?? invoice.amountFen;
          const number = reversal?.number ?? invoice.number;
          const pdf = await renderInvoice({
            invoiceNumber: number,
            issuedOn: shanghaiDay(reversal?.issuedAt ?? invoice.issuedAt),
            seller: { name: institution(invoice.institution).name },
            buyer:
              invoice.kind === 'ORGANISATION' && invoice.creditCode
                ? { kind: 'ORGANISATION', title: invoice.title, creditCode: invoice.creditCode }
                : { kind: 'PERSONAL', name: invoice.title },
            items: [{ description: invoice.item, amountFen }],
            totalFen: amountFen,
            paymentReference: payment.providerReference ?? payment.id,
            reverses: reversal ? { invoiceNumber: invoice.number, reason: reversal.reason } : undefined,
          });
          response
            .type('application/pdf')
            .set('Cache-Control', 'private, no-store')
            .set('Content-Disposition', `inline; filename="fapiao-${number}.pdf"`)
            .send(pdf);
        } catch (error) {
          fail(response, error);
        }
      });
    },
  };
}

export type Documents = ReturnType<typeof createDocuments>;
