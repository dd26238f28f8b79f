import { CATEGORIES, DELIVERY_MODES } from '@xueshi/domain';
import { bigint, boolean, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const profile = pgTable('profile', {
  code: text('code').primaryKey(),
  address: text('address'),
  hotline: text('hotline'),
});

export const contacts = pgTable('contacts', {
  position: integer('position').primaryKey(),
  name: text('name').notNull(),
  phones: text('phones').array().notNull(),
});

export const courses = pgTable('courses', {
  id: text('id').primaryKey(),
  year: integer('year').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  category: text('category', { enum: CATEGORIES }).notNull(),
  days: integer('days'),
  minutes: integer('minutes').notNull(),
  feeFen: integer('fee_fen').notNull(),
  description: text('description'),
  isSample: boolean('is_sample').notNull().default(false),
  /** For a course per notice: the notice that sets its hours and fee, and who created it when. */
  noticeTitle: text('notice_title'),
  noticeUrl: text('notice_url'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  courseId: text('course_id')
    .notNull()
    .references(() => courses.id),
  title: text('title').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
  firstDay: date('first_day', { mode: 'string' }).notNull(),
  lastDay: date('last_day', { mode: 'string' }).notNull(),
  deliveryMode: text('delivery_mode', { enum: DELIVERY_MODES }).notNull(),
  venue: text('venue'),
  capacity: integer('capacity'),
  registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true, mode: 'date' }).notNull(),
  registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true, mode: 'date' }).notNull(),
  restrictedToEmployer: text('restricted_to_employer'),
  /** The employer whose listed staff alone may register (migration 0003). */
  employerCreditCode: text('employer_credit_code'),
  isSample: boolean('is_sample').notNull().default(false),
});

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Every change of a session's dates: append-only (a trigger refuses updates and deletes). */
export const sessionDateChanges = pgTable('session_date_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sessionId: text('session_id')
    .notNull()
    .references(() => sessions.id),
  changedAt: instant('changed_at').notNull(),
  changedBy: text('changed_by').notNull(),
  changedByRole: text('changed_by_role', { enum: ['INSTITUTION_STAFF', 'REGISTRAR'] }).notNull(),
  startsAtBefore: instant('starts_at_before').notNull(),
  startsAtAfter: instant('starts_at_after').notNull(),
  endsAtBefore: instant('ends_at_before').notNull(),
  endsAtAfter: instant('ends_at_after').notNull(),
  registrationOpensAtBefore: instant('registration_opens_at_before').notNull(),
  registrationOpensAtAfter: instant('registration_opens_at_after').notNull(),
  reason: text('reason'),
});

export type ProfileRow = typeof profile.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type CourseRow = typeof courses.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type DeliveryMode = SessionRow['deliveryMode'];
export type SessionDateChangeRow = typeof sessionDateChanges.$inferSelect;
