import { renderTrainingRequestForm, scanContentType } from '@xueshi/documents';
import { minutesToHours, shanghaiDay } from '@xueshi/domain';
import { institution, parseOwnedId } from '@xueshi/institutions';
import { badInput, conflict, notFound, sendError, unauthenticated } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db, Logger, TokenVerifier } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import express from 'express';
import type { Request, Router } from 'express';
import { trainingRequestScans, trainingRequests } from './db/schema';
import type { TrainingRequests } from './trainingRequests';

/** The largest stamped scan taken: 5 MB. */
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;

/** Where a request's pre-filled form is, on the gateway as on the association. */
export const formPath = (id: string) => `/documents/training-requests/${id}/form.pdf`;
/** Where a request's stamped scan is uploaded (PUT) and downloaded (GET). */
export const scanPath = (id: string) => `/documents/training-requests/${id}/scan`;

const SCAN_EXTENSION = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

export interface TrainingDocumentOptions {
  db: Db;
  clock: Clock;
  verifier: TokenVerifier;
  logger: Logger;
  requests: TrainingRequests;
}

/**
 * The request's documents, for the bearer of an API token: the pre-filled 需求表 as PDF, and the stamped
 * scan the employer uploads (PDF, JPEG or PNG by its content, at most 5 MB, while the request is
 * SUBMITTED) and the association's staff download. Who may read is the same as for the request itself.
 */
export function trainingRequestRoutes(options: TrainingDocumentOptions): (router: Router) => void {
  const { db, clock, verifier, logger, requests } = options;

  const visible = async (request: Request) => {
    const caller: Caller | null = await verifier.fromAuthorizationHeader(request.headers.authorization);
    if (!caller) throw unauthenticated();
    const id = String(request.params['id']);
    const row = await requests.find(caller, id);
    if (!row) throw notFound({ zh: '培训需求', en: 'Training request' });
    return { caller, row };
  };

  return (router) => {
    router.get('/documents/training-requests/:id/form.pdf', async (request, response) => {
      try {
        const { row } = await visible(request);
        const owner = parseOwnedId(row.courseId);
        const pdf = await renderTrainingRequestForm({
          requestId: row.id,
          employerName: row.employerName,
          creditCode: row.employerCreditCode,
          courseTitle: row.courseTitle,
          institutionName: owner ? institution(owner.institution.code).name : '',
          hours: minutesToHours(row.courseMinutes),
          firstDay: row.firstDay,
          lastDay: requests.lastDay(row),
          headcount: row.headcount,
          venue: row.venue,
          contactName: row.contactName,
          contactMobile: row.contactMobile,
          filedOn: shanghaiDay(row.filedAt),
        });
        response
          .type('application/pdf')
          .set('Cache-Control', 'private, no-store')
          .set('Content-Disposition', `inline; filename="xuqiubiao-${row.id}.pdf"`)
          .send(pdf);
      } catch (error) {
        sendError(response, error, logger);
      }
    });

    router.get('/documents/training-requests/:id/scan', async (request, response) => {
      try {
        const { row } = await visible(request);
        const [scan] = await db.select().from(trainingRequestScans).where(eq(trainingRequestScans.requestId, row.id));
        if (!scan) throw notFound({ zh: '盖章扫描件', en: 'Stamped scan' });
        response
          .type(scan.contentType)
          .set('Cache-Control', 'private, no-store')
          .set('X-Content-Type-Options', 'nosniff')
          .set('Content-Disposition', `attachment; filename="xuqiubiao-${row.id}.${SCAN_EXTENSION[scan.contentType]}"`)
          .send(Buffer.from(scan.content));
      } catch (error) {
        sendError(response, error, logger);
      }
    });

    router.put(
      '/documents/training-requests/:id/scan',
      // One byte over the limit is enough to know the file is too large.
      express.raw({ type: () => true, limit: MAX_SCAN_BYTES + 1 }),
      async (request, response) => {
        try {
          const { caller, row } = await visible(request);
          if (caller.role !== 'EMPLOYER') throw notFound({ zh: '培训需求', en: 'Training request' });
          const content: unknown = request.body;
          if (!(content instanceof Buffer) || content.length === 0) {
            throw badInput({ zh: '请上传盖章后的扫描件', en: 'Upload the stamped scan' }, 'scan');
          }
          if (content.length > MAX_SCAN_BYTES) {
            throw badInput({ zh: '扫描件不能超过 5 MB', en: 'The scan must be at most 5 MB' }, 'scan');
          }
          const detected = scanContentType(content);
          const declared = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
          if (!detected || detected !== declared) {
            throw badInput(
              {
                zh: '扫描件须为 PDF、JPEG 或 PNG 文件，且与所声明的类型一致',
                en: 'The scan must be a PDF, JPEG or PNG file, and be what its type says it is',
              },
              'scan',
            );
          }
          const stored = await db.transaction(async (tx) => {
            const [current] = await tx.select().from(trainingRequests).where(eq(trainingRequests.id, row.id)).for('update');
            if (current?.status !== 'SUBMITTED') {
              throw conflict({
                zh: '该培训需求已处理，不能再上传扫描件',
                en: 'This request has been decided; the scan can no longer change',
              });
            }
            const values = { requestId: row.id, content, contentType: detected, size: content.length, uploadedAt: clock.now() };
            const [scan] = await tx
              .insert(trainingRequestScans)
              .values(values)
              .onConflictDoUpdate({ target: trainingRequestScans.requestId, set: values })
              .returning({ contentType: trainingRequestScans.contentType, size: trainingRequestScans.size });
            return scan;
          });
          response.status(201).json({ data: { stampedScan: stored } });
        } catch (error) {
          sendError(response, error, logger);
        }
      },
    );
  };
}
