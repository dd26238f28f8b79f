import type { TranscriptEntry } from '@xueshi/documents';
import { CATEGORIES, DELIVERY_MODES } from '@xueshi/domain';
import type { CycleVerdict } from '@xueshi/domain';
import { STAFF_ROLES } from '@xueshi/subgraph-kit';
import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const programmeYears = pgTable('programme_years', {
  year: integer('year').primaryKey(),
  registrationOpensAt: instant('registration_opens_at').notNull(),
  isSample: boolean('is_sample').notNull().default(false),
});

export const learners = pgTable('learners', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Unique among accounts not locked (migration 0004): a locked account keeps the number it claimed. */
  idNumber: text('id_number').notNull(),
  name: text('name').notNull(),
  mobile: text('mobile').notNull(),
  employer: text('employer').notNull(),
  passwordHash: text('password_hash').notNull(),
  cycleStartYear: integer('cycle_start_year').notNull().default(2021),
  createdAt: instant('created_at').notNull().defaultNow(),
  /** Set when the registrar restored the account's ID number to its owner: it can no longer sign in. */
  lockedAt: instant('locked_at'),
  /** When the learner proved they hold the mobile with a one-time code (migration 0005). */
  mobileVerifiedAt: instant('mobile_verified_at'),
});

export const mobileCodes = pgTable('mobile_codes', {
  learnerId: uuid('learner_id')
    .primaryKey()
    .references(() => learners.id),
  /** `salt$sha256(salt:code)` in hex: the code itself is never stored. */
  codeHash: text('code_hash').notNull(),
  expiresAt: instant('expires_at').notNull(),
  attemptsLeft: integer('attempts_left').notNull(),
  sentAt: instant('sent_at').notNull(),
});

export const idNumberRestorations = pgTable('id_number_restorations', {
  id: uuid('id').primaryKey().defaultRandom(),
  idNumber: text('id_number').notNull(),
  lockedLearnerId: uuid('locked_learner_id')
    .notNull()
    .references(() => learners.id),
  registrar: text('registrar').notNull(),
  identityCheck: text('identity_check').notNull(),
  reason: text('reason').notNull(),
  restoredAt: instant('restored_at').notNull(),
});

export const staff = pgTable('staff', {
  username: text('username').primaryKey(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  institution: text('institution'),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** An employer that runs its own face-to-face training (migration 0006). */
export const employers = pgTable('employers', {
  creditCode: text('credit_code').primaryKey(),
  name: text('name').notNull(),
  contactName: text('contact_name').notNull(),
  contactMobile: text('contact_mobile').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** The ID numbers an employer lists as its staff: who may register for its employer-run sessions. */
export const employerStaff = pgTable(
  'employer_staff',
  {
    creditCode: text('credit_code')
      .notNull()
      .references(() => employers.creditCode),
    idNumber: text('id_number').notNull(),
    listedAt: instant('listed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.creditCode, table.idNumber] })],
);

export const REGISTRATION_STATUSES = ['AWAITING_PAYMENT', 'PAID', 'WITHDRAWN', 'COMPLETED', 'FAILED', 'EXPIRED'] as const;
export type { RegistrationStatus } from '@xueshi/domain';
/** Statuses that hold a seat and block a second registration for the same course. */
export const ACTIVE_STATUSES = ['AWAITING_PAYMENT', 'PAID', 'COMPLETED'] as const;

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
  category: text('category', { enum: CATEGORIES }).notNull(),
  minutes: integer('minutes').notNull(),
  feeFen: integer('fee_fen').notNull(),
  status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
  registeredAt: instant('registered_at').notNull(),
  holdExpiresAt: instant('hold_expires_at'),
  endedAt: instant('ended_at'),
  deliveryMode: text('delivery_mode', { enum: DELIVERY_MODES }).notNull().default('LIVE_ONLINE'),
  sessionStartsAt: instant('session_starts_at'),
  sessionEndsAt: instant('session_ends_at'),
  firstDay: date('first_day', { mode: 'string' }),
  lastDay: date('last_day', { mode: 'string' }),
  paidAt: instant('paid_at'),
  accessExpiresAt: instant('access_expires_at'),
  refundFen: integer('refund_fen'),
});

export const PAYMENT_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const payments = pgTable('payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  registrationId: uuid('registration_id')
    .notNull()
    .references(() => registrations.id),
  learnerId: uuid('learner_id')
    .notNull()
    .references(() => learners.id),
  idempotencyKey: text('idempotency_key').notNull(),
  amountFen: integer('amount_fen').notNull(),
  status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
  provider: text('provider').notNull(),
  providerReference: text('provider_reference'),
  failureReason: text('failure_reason'),
  createdAt: instant('created_at').notNull(),
  completedAt: instant('completed_at'),
});

export const refunds = pgTable('refunds', {
  id: uuid('id').primaryKey().defaultRandom(),
  paymentId: uuid('payment_id')
    .notNull()
    .unique()
    .references(() => payments.id),
  amountFen: integer('amount_fen').notNull(),
  status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
  providerReference: text('provider_reference'),
  createdAt: instant('created_at').notNull(),
  completedAt: instant('completed_at'),
});

export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    institution: text('institution').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [primaryKey({ columns: [table.institution, table.year] })],
);

export const invoices = pgTable('invoices', {
  id: uuid('id').primaryKey().defaultRandom(),
  paymentId: uuid('payment_id')
    .notNull()
    .unique()
    .references(() => payments.id),
  learnerId: uuid('learner_id')
    .notNull()
    .references(() => learners.id),
  number: text('number').notNull().unique(),
  institution: text('institution').notNull(),
  kind: text('kind', { enum: ['PERSONAL', 'ORGANISATION'] }).notNull(),
  title: text('title').notNull(),
  creditCode: text('credit_code'),
  amountFen: integer('amount_fen').notNull(),
  item: text('item').notNull(),
  issuedAt: instant('issued_at').notNull(),
});

/** 红字发票: the reversing invoice issued when invoiced money is refunded (migration 0007). */
export const invoiceReversals = pgTable('invoice_reversals', {
  id: uuid('id').primaryKey().defaultRandom(),
  invoiceId: uuid('invoice_id')
    .notNull()
    .unique()
    .references(() => invoices.id),
  refundId: uuid('refund_id')
    .notNull()
    .unique()
    .references(() => refunds.id),
  number: text('number').notNull().unique(),
  amountFen: integer('amount_fen').notNull(),
  reason: text('reason').notNull(),
  issuedAt: instant('issued_at').notNull(),
});

export const creditEntries = pgTable('credit_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  learnerId: uuid('learner_id')
    .notNull()
    .references(() => learners.id),
  registrationId: uuid('registration_id').references(() => registrations.id),
  courseTitle: text('course_title').notNull(),
  institution: text('institution').notNull(),
  category: text('category', { enum: CATEGORIES }).notNull(),
  year: integer('year').notNull(),
  minutes: integer('minutes').notNull(),
  completedOn: date('completed_on', { mode: 'string' }).notNull(),
  /** Null while pending: counting its ten working days needs `pendingCalendarYear`, not yet loaded. */
  visibleFrom: date('visible_from', { mode: 'string' }),
  pendingCalendarYear: integer('pending_calendar_year'),
  reverses: uuid('reverses'),
  reason: text('reason'),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: instant('recorded_at').notNull().defaultNow(),
});

/** Each change the registrar made to a learner's cycle start year, and why. */
export const cycleStartYearChanges = pgTable('cycle_start_year_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  learnerId: uuid('learner_id')
    .notNull()
    .references(() => learners.id),
  fromYear: integer('from_year').notNull(),
  toYear: integer('to_year').notNull(),
  reason: text('reason').notNull(),
  changedBy: text('changed_by').notNull(),
  changedAt: instant('changed_at').notNull(),
});

/**
 * How many times a session's institution has said the session's facts changed (ADR 0055): registrations
 * taken on facts read under an older count ask the institution again.
 */
export const sessionFactVersions = pgTable('session_fact_versions', {
  sessionId: text('session_id').primaryKey(),
  version: integer('version').notNull(),
  changedAt: instant('changed_at').notNull(),
});

/** A version of a year's official calendar as the registrar loaded it from its notice. */
export const officialCalendarYears = pgTable(
  'official_calendar_years',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    url: text('url').notNull(),
    daysOff: jsonb('days_off').$type<string[]>().notNull(),
    workingWeekendDays: jsonb('working_weekend_days').$type<string[]>().notNull(),
    reason: text('reason'),
    loadedBy: text('loaded_by').notNull(),
    loadedAt: instant('loaded_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.year, table.version] })],
);

export const outcomes = pgTable('outcomes', {
  registrationId: uuid('registration_id')
    .primaryKey()
    .references(() => registrations.id),
  attendedFully: boolean('attended_fully').notNull(),
  examPassed: boolean('exam_passed').notNull(),
  reportedBy: text('reported_by').notNull(),
  reportedAt: instant('reported_at').notNull(),
});

/** What an issued transcript showed, kept so its verification code confirms exactly that. */
export interface TranscriptContent {
  learnerName: string;
  idNumberMasked: string;
  employer: string;
  issuedOn: string;
  cycle: CycleVerdict;
  entries: (TranscriptEntry & { entryId: string })[];
}

export const transcripts = pgTable('transcripts', {
  id: uuid('id').primaryKey().defaultRandom(),
  verificationCode: text('verification_code').notNull().unique(),
  learnerId: uuid('learner_id')
    .notNull()
    .references(() => learners.id),
  cycleStartYear: integer('cycle_start_year').notNull(),
  issuedAt: instant('issued_at').notNull(),
  content: jsonb('content').$type<TranscriptContent>().notNull(),
});

export type ProgrammeYearRow = typeof programmeYears.$inferSelect;
export type LearnerRow = typeof learners.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type EmployerRow = typeof employers.$inferSelect;
export type InvoiceReversalRow = typeof invoiceReversals.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type CreditEntryRow = typeof creditEntries.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type OutcomeRow = typeof outcomes.$inferSelect;
export type CycleStartYearChangeRow = typeof cycleStartYearChanges.$inferSelect;
export type OfficialCalendarYearRow = typeof officialCalendarYears.$inferSelect;
export type TranscriptRow = typeof transcripts.$inferSelect;
export type IdNumberRestorationRow = typeof idNumberRestorations.$inferSelect;
