import { customType, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Raw bytes: both drivers hand bytea back as a Uint8Array (postgres.js as a Buffer, which is one). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const TRAINING_REQUEST_STATUSES = ['SUBMITTED', 'SCHEDULED', 'DECLINED', 'WITHDRAWN'] as const;
export type TrainingRequestStatus = (typeof TRAINING_REQUEST_STATUSES)[number];

export const trainingRequests = pgTable('training_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  employerCreditCode: text('employer_credit_code').notNull(),
  employerName: text('employer_name').notNull(),
  courseId: text('course_id').notNull(),
  courseTitle: text('course_title').notNull(),
  courseMinutes: integer('course_minutes').notNull(),
  courseDays: integer('course_days').notNull(),
  firstDay: date('first_day', { mode: 'string' }).notNull(),
  headcount: integer('headcount').notNull(),
  venue: text('venue').notNull(),
  contactName: text('contact_name').notNull(),
  contactMobile: text('contact_mobile').notNull(),
  status: text('status', { enum: TRAINING_REQUEST_STATUSES }).notNull(),
  filedAt: instant('filed_at').notNull(),
  teacherName: text('teacher_name'),
  sessionId: text('session_id'),
  declineReason: text('decline_reason'),
  decidedAt: instant('decided_at'),
  decidedBy: text('decided_by'),
  /** Set while a scheduler has the course's institution open the session (a claim, not a decision). */
  schedulingSince: instant('scheduling_since'),
});

export const trainingRequestScans = pgTable('training_request_scans', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => trainingRequests.id),
  content: bytes('content').notNull(),
  contentType: text('content_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  size: integer('size').notNull(),
  uploadedAt: instant('uploaded_at').notNull(),
});

export type TrainingRequestRow = typeof trainingRequests.$inferSelect;
export type TrainingRequestScanRow = typeof trainingRequestScans.$inferSelect;
