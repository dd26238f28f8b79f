import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const programmeYears = pgTable('programme_years', {
  year: integer('year').primaryKey(),
  registrationOpensAt: instant('registration_opens_at').notNull(),
  isSample: boolean('is_sample').notNull().default(false),
});

export const learners = pgTable('learners', {
  id: uuid('id').primaryKey().defaultRandom(),
  idNumber: text('id_number').notNull().unique(),
  name: text('name').notNull(),
  mobile: text('mobile').notNull(),
  employer: text('employer').notNull(),
  passwordHash: text('password_hash').notNull(),
  cycleStartYear: integer('cycle_start_year').notNull().default(2021),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const staff = pgTable('staff', {
  username: text('username').primaryKey(),
  role: text('role', { enum: ['INSTITUTION_STAFF', 'REGISTRAR', 'ANALYST'] }).notNull(),
  institution: text('institution'),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const REGISTRATION_STATUSES = ['AWAITING_PAYMENT', 'PAID', 'WITHDRAWN', 'COMPLETED', 'FAILED', 'EXPIRED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Statuses that hold a seat and block a second registration for the same course. */
export const ACTIVE_STATUSES = ['AWAITING_PAYMENT', 'PAID', 'COMPLETED'] as const satisfies readonly RegistrationStatus[];

export const registrations = pgTable('registrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  learnerId: uuid('learner_id')
    .notNull()
    .references(() => learners.id),
  sessionId: text('session_id').notNull(),
  courseId: text('course_id').notNull(),
  institution: text('institution').notNull(),
  year: integer('year').notNull(),
  courseTitle: text('course_title').notNull(),
  category: text('category', { enum: ['REQUIRED', 'ELECTIVE'] }).notNull(),
  minutes: integer('minutes').notNull(),
  feeFen: integer('fee_fen').notNull(),
  status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
  registeredAt: instant('registered_at').notNull(),
  holdExpiresAt: instant('hold_expires_at'),
  endedAt: instant('ended_at'),
});

export const creditEntries = pgTable('credit_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  learnerId: uuid('learner_id')
    .notNull()
    .references(() => learners.id),
  registrationId: uuid('registration_id').references(() => registrations.id),
  courseTitle: text('course_title').notNull(),
  institution: text('institution').notNull(),
  category: text('category', { enum: ['REQUIRED', 'ELECTIVE'] }).notNull(),
  year: integer('year').notNull(),
  minutes: integer('minutes').notNull(),
  completedOn: date('completed_on', { mode: 'string' }).notNull(),
  visibleFrom: date('visible_from', { mode: 'string' }).notNull(),
  reverses: uuid('reverses'),
  reason: text('reason'),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: instant('recorded_at').notNull().defaultNow(),
});

export type ProgrammeYearRow = typeof programmeYears.$inferSelect;
export type LearnerRow = typeof learners.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type CreditEntryRow = typeof creditEntries.$inferSelect;
