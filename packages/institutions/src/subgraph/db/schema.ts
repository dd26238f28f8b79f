import { boolean, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
  category: text('category', { enum: ['REQUIRED', 'ELECTIVE'] }).notNull(),
  days: integer('days'),
  minutes: integer('minutes').notNull(),
  feeFen: integer('fee_fen').notNull(),
  description: text('description'),
  isSample: boolean('is_sample').notNull().default(false),
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
  deliveryMode: text('delivery_mode', { enum: ['LIVE_ONLINE', 'FACE_TO_FACE', 'ONLINE_COURSEWARE'] }).notNull(),
  venue: text('venue'),
  capacity: integer('capacity'),
  registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true, mode: 'date' }).notNull(),
  registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true, mode: 'date' }).notNull(),
  restrictedToEmployer: text('restricted_to_employer'),
  isSample: boolean('is_sample').notNull().default(false),
});

export type ProfileRow = typeof profile.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type CourseRow = typeof courses.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type DeliveryMode = SessionRow['deliveryMode'];
