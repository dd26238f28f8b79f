import {
  sessionDaysRefusal,
  addCalendarDays,
  hoursToMinutes,
  isValidCreditCode,
  isValidDay,
  isWithinPlanningHorizon,
  mayRunFaceToFace,
  movesEarlier,
  planningYears,
  sessionDateChangeRefusal,
  shanghaiDay,
} from '@xueshi/domain';
import { badInput, calendarYearNotHeld, checkedText, conflict, notFound } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db } from '@xueshi/subgraph-kit';
import { asc, desc, eq } from 'drizzle-orm';
import { ownedId, parseOwnedId } from '../ids';
import type { InstitutionCode } from '../institutions';
import { requireInstitutionPermit, requireTrainingScheduler } from '../policy';
import { insertUnderNewId } from './newIds';
import { contacts, courses, profile, sessionDateChanges, sessions } from './db/schema';
import type { CourseRow, DeliveryMode, ProfileRow, SessionRow } from './db/schema';
import type { CalendarFor } from './registryCalendar';
import type { AnnounceSessionChange } from './registrySessionChanges';
import type { SeatsTaken } from './registrySeats';

export interface OpenSessionInput {
  courseId: string;
  title?: string | null;
  startsAt: Date;
  endsAt: Date;
  deliveryMode: DeliveryMode;
  venue?: string | null;
  capacity?: number | null;
  registrationOpensAt: Date;
  restrictedToEmployer?: string | null;
}

export interface OpenEmployerSessionInput {
  courseId: string;
  firstDay: string;
  venue: string;
  capacity: number;
  employerCreditCode: string;
  employerName: string;
}

export interface UpdateSessionInput {
  title?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  venue?: string | null;
  capacity?: number | null;
  registrationOpensAt?: Date | null;
  /** Why the dates change, kept with the change. */
  reason?: string | null;
}

export interface NoticeCourseInput {
  year: number;
  title: string;
  hours: number;
  days: number;
  feeFen: number;
  description?: string | null;
  noticeTitle: string;
  noticeUrl?: string | null;
}

export interface ContactInput {
  name: string;
  phones: string[];
}

/** A Shanghai landline (7–8 digits, optional -extension), a hotline (400/800) or a mobile, as published. */
const PHONE = /^(\d{7,8}(-\d{1,6})?|[48]00\d{7}|1[3-9]\d{9})$/;
const MAX_CAPACITY = 10_000;
/** A course per notice: at most this many training days, and at most this many credit hours a day. */
const MAX_NOTICE_COURSE_DAYS = 5;
const MAX_HOURS_PER_DAY = 8;
/** The largest fee a notice sets here, in fen (10,000 yuan): anything above is a typing slip. */
const MAX_FEE_FEN = 1_000_000;
const WEB_ADDRESS = /^https?:\/\/[^\s<>"'`]+$/i;
/** Local start of the first and end of the last day of an employer-run session, Asia/Shanghai. */
const EMPLOYER_DAY_STARTS = '09:00';
const EMPLOYER_DAY_ENDS = '16:30';

/** Trimmed text, null when empty; BAD_USER_INPUT when too long, unprintable, markup-like or illegible. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || value.trim().length === 0) return null;
  return checkedText(value, field, {
    rule: 'printable',
    max,
    refused: { zh: `「${field}」包含不允许的字符或过长`, en: `${field} has characters that are not allowed or is too long` },
    illegible: {
      zh: `「${field}」请用看得见的文字填写`,
      en: `${field}: use visible letters, not only blank or combining characters`,
    },
  });
}

/** The id to name in a NOT_FOUND: an id of this shape only, never arbitrary input echoed back. */
const echoedId = (id: string): string | undefined => (parseOwnedId(id) ? id : undefined);

/** BAD_USER_INPUT for an instant that is no real time (the scalar lets some through, e.g. month 13). */
function checkInstant(value: Date | null | undefined, field: string): void {
  if (value !== null && value !== undefined && Number.isNaN(value.getTime())) {
    throw badInput({ zh: `「${field}」不是有效的时间`, en: `${field} is not a valid time` }, field);
  }
}

function checkSchedule(startsAt: Date, endsAt: Date, opensAt: Date): void {
  checkInstant(startsAt, 'startsAt');
  checkInstant(endsAt, 'endsAt');
  checkInstant(opensAt, 'registrationOpensAt');
  if (endsAt <= startsAt) throw badInput({ zh: '结束时间须晚于开始时间', en: 'The session must end after it starts' }, 'endsAt');
  if (opensAt >= startsAt) {
    throw badInput(
      { zh: '报名须在班次开始前开放', en: 'Registration must open before the session starts' },
      'registrationOpensAt',
    );
  }
}

/**
 * BAD_USER_INPUT for a given date outside the years sessions may be planned in (planningYears): a
 * session in the year 9999 would sit open in the catalogue for ever.
 */
function checkPlanned(dates: Record<string, Date | null | undefined>, now: Date): void {
  for (const [field, value] of Object.entries(dates)) {
    if (value === null || value === undefined || isWithinPlanningHorizon(value, now)) continue;
    const { first, last } = planningYears(now);
    throw badInput(
      { zh: `「${field}」须在 ${first}–${last} 年之内`, en: `${field} must fall in the years ${first} to ${last}` },
      field,
    );
  }
}

function checkCapacity(capacity: number | null | undefined): void {
  if (capacity !== null && capacity !== undefined && (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)) {
    throw badInput(
      {
        zh: `名额应为 1–${MAX_CAPACITY} 的整数，或不限`,
        en: `Capacity must be a whole number from 1 to ${MAX_CAPACITY}, or none`,
      },
      'capacity',
    );
  }
}

/**
 * What an institution's own staff manage: opening and changing its sessions, and its published
 * contacts. The institution's staff (and the registrar) only; FORBIDDEN for anyone else.
 */
export function createManagement(
  code: InstitutionCode,
  db: Db,
  clock: Clock,
  registry: { seatsTaken: SeatsTaken; calendarFor: CalendarFor; announceSessionChange: AnnounceSessionChange },
) {
  const { seatsTaken, calendarFor, announceSessionChange } = registry;

  /**
   * A live session runs as many consecutive days as its course, each a working day of the official
   * calendar (the registry's, where a year is loaded rather than built in); courseware runs all year.
   */
  const checkSessionDays = async (courseDays: number | null, startsAt: Date, endsAt: Date): Promise<void> => {
    if (courseDays === null) return;
    const firstDay = shanghaiDay(startsAt);
    const lastDay = shanghaiDay(endsAt);
    const years = [...new Set([firstDay, lastDay].map((day) => Number(day.slice(0, 4))))];
    const refusal = sessionDaysRefusal(await calendarFor(years), firstDay, lastDay, courseDays);
    if (refusal?.reason === 'DAYS_DO_NOT_MATCH') {
      throw badInput(
        {
          zh: `该课程为 ${refusal.courseDays} 天，班次须连续 ${refusal.courseDays} 天（现为 ${refusal.sessionDays} 天）`,
          en: `The course runs ${refusal.courseDays} day(s); the session must run ${refusal.courseDays} consecutive day(s), not ${refusal.sessionDays}`,
        },
        'endsAt',
      );
    }
    if (refusal?.reason === 'NOT_A_WORKING_DAY') {
      throw badInput(
        {
          zh: `${refusal.day} 不是工作日（国务院节假日安排）`,
          en: `${refusal.day} is not a working day in the official calendar`,
        },
        'startsAt',
      );
    }
    if (refusal?.reason === 'YEAR_NOT_HELD') {
      throw calendarYearNotHeld(
        refusal.year,
        {
          zh: `${refusal.year} 年节假日安排尚未载入，暂不能开设该年度的班次`,
          en: `The official ${refusal.year} calendar is not loaded yet, so sessions in ${refusal.year} cannot be opened`,
        },
        'startsAt',
      );
    }
  };

  const requireOwnStaff = (caller: Caller | null): Caller => {
    return requireInstitutionPermit('institutionManagement', caller, code);
  };

  return {
    /** The institution's own staff or the registrar, or FORBIDDEN: who manages its sessions and reads their history. */
    requireOwnStaff,

    openSession: async (caller: Caller | null, input: OpenSessionInput): Promise<SessionRow> => {
      requireOwnStaff(caller);
      if (input.restrictedToEmployer !== null && input.restrictedToEmployer !== undefined) {
        throw badInput(
          {
            zh: '单位自行组织的班次须由协会安排该单位的培训需求后开设，不能按单位名称开设',
            en: "An employer-run session opens when the association schedules the employer's training request, never by an employer's name",
          },
          'restrictedToEmployer',
        );
      }
      const owner = parseOwnedId(input.courseId);
      const [course] =
        owner?.institution.code === code && owner.kind === 'course'
          ? await db.select().from(courses).where(eq(courses.id, input.courseId))
          : [];
      if (!course) throw notFound({ zh: '课程', en: 'Course' }, echoedId(input.courseId));
      checkSchedule(input.startsAt, input.endsAt, input.registrationOpensAt);
      checkPlanned(
        { startsAt: input.startsAt, endsAt: input.endsAt, registrationOpensAt: input.registrationOpensAt },
        clock.now(),
      );
      checkCapacity(input.capacity);
      if (input.endsAt <= clock.now())
        throw badInput({ zh: '不能开设已结束的班次', en: 'A session cannot be opened in the past' }, 'endsAt');
      const courseware = course.days === null;
      if (courseware !== (input.deliveryMode === 'ONLINE_COURSEWARE')) {
        throw badInput({ zh: '授课方式与课程不符', en: 'The delivery mode does not fit the course' }, 'deliveryMode');
      }
      if (input.deliveryMode === 'FACE_TO_FACE' && !mayRunFaceToFace(course.year, false)) {
        throw badInput(
          {
            zh: `${course.year} 年度受疫情影响，直播课程仅在线举行；面授仅限单位自行组织`,
            en: `In ${course.year} live courses are online only; face-to-face training is employer-run only`,
          },
          'deliveryMode',
        );
      }
      await checkSessionDays(course.days, input.startsAt, input.endsAt);
      const firstDay = shanghaiDay(input.startsAt);
      const title = optionalText(input.title, 'title', 100) ?? `${course.title} ${firstDay}`;
      const venue = optionalText(input.venue, 'venue', 200);
      return insertUnderNewId(`${course.id.split(':')[2]}-${firstDay.slice(5).replace('-', '')}`, async (local) => {
        const [row] = await db
          .insert(sessions)
          .values({
            id: ownedId(code, 'session', local),
            courseId: course.id,
            title,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            firstDay,
            lastDay: shanghaiDay(input.endsAt),
            deliveryMode: input.deliveryMode,
            venue,
            capacity: input.capacity ?? null,
            registrationOpensAt: input.registrationOpensAt,
            registrationClosesAt: courseware ? input.endsAt : input.startsAt,
            restrictedToEmployer: null,
            employerCreditCode: null,
            isSample: false,
          })
          .onConflictDoNothing({ target: sessions.id })
          .returning();
        return row;
      });
    },

    /**
     * Opens the face-to-face session of an employer's scheduled training request: on consecutive days
     * from `firstDay` for as long as the course lasts, open for registration from now until it starts,
     * to the staff the employer lists (by its credit code) only. The lead unit's staff or the registrar
     * (FORBIDDEN otherwise); NOT_FOUND for a course that is not this institution's, BAD_USER_INPUT for
     * courseware, a first day that has passed or is beyond the planning years, or an invalid field.
     */
    openEmployerSession: async (caller: Caller | null, input: OpenEmployerSessionInput): Promise<SessionRow> => {
      requireTrainingScheduler(caller);
      const owner = parseOwnedId(input.courseId);
      const [course] =
        owner?.institution.code === code && owner.kind === 'course'
          ? await db.select().from(courses).where(eq(courses.id, input.courseId))
          : [];
      if (!course) throw notFound({ zh: '课程', en: 'Course' }, echoedId(input.courseId));
      if (course.days === null || course.category !== 'REQUIRED') {
        throw badInput(
          { zh: '单位自行组织的面授培训只适用于必修面授课程', en: 'Employer-run training is for required live courses only' },
          'courseId',
        );
      }
      if (!isValidDay(input.firstDay))
        throw badInput({ zh: '首个培训日无效', en: 'The first day is not a valid day' }, 'firstDay');
      const creditCode = input.employerCreditCode.trim();
      if (!isValidCreditCode(creditCode)) {
        throw badInput(
          { zh: '统一社会信用代码无效，请核对', en: 'This is not a valid unified social credit code' },
          'employerCreditCode',
        );
      }
      const employerName = optionalText(input.employerName, 'employerName', 100);
      const venue = optionalText(input.venue, 'venue', 200);
      if (!employerName || !venue) {
        throw badInput(
          { zh: '请填写单位名称和培训地点', en: "Give the employer's name and the venue" },
          employerName ? 'venue' : 'employerName',
        );
      }
      checkCapacity(input.capacity);
      const lastDay = addCalendarDays(input.firstDay, course.days - 1);
      const startsAt = new Date(`${input.firstDay}T${EMPLOYER_DAY_STARTS}:00+08:00`);
      const endsAt = new Date(`${lastDay}T${EMPLOYER_DAY_ENDS}:00+08:00`);
      const now = clock.now();
      checkPlanned({ firstDay: startsAt }, now);
      if (startsAt <= now) {
        throw badInput({ zh: '首个培训日已过', en: 'The first training day has passed' }, 'firstDay');
      }
      return insertUnderNewId(`${course.id.split(':')[2]}-${input.firstDay.slice(5).replace('-', '')}`, async (local) => {
        const [row] = await db
          .insert(sessions)
          .values({
            id: ownedId(code, 'session', local),
            courseId: course.id,
            title: `${course.title}（${employerName}自行组织面授）`,
            startsAt,
            endsAt,
            firstDay: input.firstDay,
            lastDay,
            deliveryMode: 'FACE_TO_FACE',
            venue,
            capacity: input.capacity,
            registrationOpensAt: now,
            registrationClosesAt: startsAt,
            restrictedToEmployer: employerName,
            employerCreditCode: creditCode,
            isSample: false,
          })
          .onConflictDoNothing({ target: sessions.id })
          .returning();
        return row;
      });
    },

    /**
     * Changes a session. Its dates move only later while learners hold seats on it (the registry's
     * count; UNAVAILABLE when it cannot be had and the change would move a date earlier), and every
     * change of a date is recorded with who made it, when, the dates before and after, and the reason.
     * Once saved, the registry is told (as the caller, by `authorization`), so no seat is taken on the
     * facts it had before.
     */
    updateSession: async (
      caller: Caller | null,
      id: string,
      input: UpdateSessionInput,
      authorization: string | undefined,
    ): Promise<SessionRow> => {
      const staff = requireOwnStaff(caller);
      const owner = parseOwnedId(id);
      if (owner?.institution.code !== code || owner.kind !== 'session')
        throw notFound({ zh: '班次', en: 'Session' }, echoedId(id));
      const reason = optionalText(input.reason, 'reason', 200);
      const [before] = await db.select().from(sessions).where(eq(sessions.id, id));
      if (!before) throw notFound({ zh: '班次', en: 'Session' }, echoedId(id));
      const startsAt = input.startsAt ?? before.startsAt;
      const endsAt = input.endsAt ?? before.endsAt;
      const opensAt = input.registrationOpensAt ?? before.registrationOpensAt;
      checkSchedule(startsAt, endsAt, opensAt);
      // Only the dates being changed: a past session keeps its dates when its title is corrected.
      checkPlanned(
        { startsAt: input.startsAt, endsAt: input.endsAt, registrationOpensAt: input.registrationOpensAt },
        clock.now(),
      );
      if (input.capacity !== undefined) checkCapacity(input.capacity);
      // What the registry must confirm is asked before the transaction: no lock is held while another
      // service answers (on the embedded demo's one database, that service would wait for the lock).
      const proposed = { startsAt, endsAt };
      if (movesEarlier(before, proposed)) {
        const refusal = sessionDateChangeRefusal(before, proposed, await seatsTaken(id));
        if (refusal) {
          throw conflict({
            zh: `已有 ${refusal.seatsTaken} 名学员报名该班次，其${refusal.field === 'startsAt' ? '开始' : '结束'}时间只能推后，不能提前`,
            en: `${refusal.seatsTaken} learners hold seats on this session: its ${refusal.field === 'startsAt' ? 'start' : 'end'} may move only later`,
          });
        }
      }
      if (input.startsAt || input.endsAt) {
        const [course] = await db.select({ days: courses.days }).from(courses).where(eq(courses.id, before.courseId));
        await checkSessionDays(course?.days ?? null, startsAt, endsAt);
      }
      const changed = await db.transaction(async (tx) => {
        // Locked, so two changes at once each record the dates the other left; dates changed by someone
        // else since the checks above are refused rather than saved unchecked.
        const [current] = await tx.select().from(sessions).where(eq(sessions.id, id)).for('update');
        if (!current) throw notFound({ zh: '班次', en: 'Session' }, echoedId(id));
        if (
          current.startsAt.getTime() !== before.startsAt.getTime() ||
          current.endsAt.getTime() !== before.endsAt.getTime() ||
          current.registrationOpensAt.getTime() !== before.registrationOpensAt.getTime()
        ) {
          throw conflict({
            zh: '该班次的时间刚被他人修改，请刷新后重试',
            en: "The session's dates changed meanwhile; please refresh and try again",
          });
        }
        const courseware = current.deliveryMode === 'ONLINE_COURSEWARE';
        const [row] = await tx
          .update(sessions)
          .set({
            title:
              input.title === undefined || input.title === null
                ? current.title
                : (optionalText(input.title, 'title', 100) ?? current.title),
            startsAt,
            endsAt,
            firstDay: shanghaiDay(startsAt),
            lastDay: shanghaiDay(endsAt),
            venue: input.venue === undefined ? current.venue : optionalText(input.venue, 'venue', 200),
            capacity: input.capacity === undefined ? current.capacity : input.capacity,
            registrationOpensAt: opensAt,
            registrationClosesAt: courseware ? endsAt : startsAt,
          })
          .where(eq(sessions.id, id))
          .returning();
        if (!row) throw notFound({ zh: '班次', en: 'Session' }, id);
        const moved =
          row.startsAt.getTime() !== current.startsAt.getTime() ||
          row.endsAt.getTime() !== current.endsAt.getTime() ||
          row.registrationOpensAt.getTime() !== current.registrationOpensAt.getTime();
        if (moved) {
          await tx.insert(sessionDateChanges).values({
            sessionId: id,
            changedAt: clock.now(),
            changedBy: staff.subject,
            changedByRole: staff.role === 'REGISTRAR' ? 'REGISTRAR' : 'INSTITUTION_STAFF',
            startsAtBefore: current.startsAt,
            startsAtAfter: row.startsAt,
            endsAtBefore: current.endsAt,
            endsAtAfter: row.endsAt,
            registrationOpensAtBefore: current.registrationOpensAt,
            registrationOpensAtAfter: row.registrationOpensAt,
            reason,
          });
        }
        return row;
      });
      await announceSessionChange(id, authorization);
      return changed;
    },

    /**
     * Creates a required course per notice (经认可的讲座类课程) with the hours, days and fee its notice sets:
     * the registrar only, who approves such courses for the association (ADR 0030). BAD_USER_INPUT for a
     * field out of bounds, hours that round to no minute, or more than 8 hours a day.
     */
    createNoticeCourse: async (caller: Caller | null, input: NoticeCourseInput): Promise<CourseRow> => {
      const registrar = requireInstitutionPermit('noticeCourses', caller);
      const now = clock.now();
      const { first, last } = planningYears(now);
      if (!Number.isInteger(input.year) || input.year < first || input.year > last) {
        throw badInput({ zh: `年度须在 ${first}–${last} 之内`, en: `The year must be from ${first} to ${last}` }, 'year');
      }
      const title = optionalText(input.title, 'title', 100);
      if (title === null || title.length < 2) throw badInput({ zh: '请填写课程名称', en: 'Give the course title' }, 'title');
      const noticeTitle = optionalText(input.noticeTitle, 'noticeTitle', 200);
      if (noticeTitle === null || noticeTitle.length < 4) {
        throw badInput({ zh: '请填写项目通知的标题', en: "Give the notice's title" }, 'noticeTitle');
      }
      const noticeUrl = input.noticeUrl?.trim() || null;
      if (noticeUrl !== null && (!WEB_ADDRESS.test(noticeUrl) || noticeUrl.length > 500)) {
        throw badInput({ zh: '通知网址无效', en: "The notice's address is not a web address" }, 'noticeUrl');
      }
      if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_NOTICE_COURSE_DAYS) {
        throw badInput(
          { zh: `培训天数应为 1–${MAX_NOTICE_COURSE_DAYS} 天`, en: `Training days must be 1 to ${MAX_NOTICE_COURSE_DAYS}` },
          'days',
        );
      }
      const minutes =
        Number.isFinite(input.hours) && input.hours > 0 && input.hours <= input.days * MAX_HOURS_PER_DAY
          ? hoursToMinutes(input.hours)
          : 0;
      if (minutes === 0) {
        throw badInput(
          {
            zh: `学时应大于 0（至少 1 分钟），且每天不超过 ${MAX_HOURS_PER_DAY} 学时`,
            en: `Hours must come to at least a minute, and at most ${MAX_HOURS_PER_DAY} a training day`,
          },
          'hours',
        );
      }
      if (!Number.isInteger(input.feeFen) || input.feeFen < 0 || input.feeFen > MAX_FEE_FEN) {
        throw badInput({ zh: '费用应为 0–10000 元（以分计）', en: 'The fee must be 0 to 10,000 yuan, in fen' }, 'feeFen');
      }
      const description = optionalText(input.description, 'description', 1000);
      return db.transaction(async (tx) => {
        const [last] = await tx
          .select({ position: courses.position })
          .from(courses)
          .where(eq(courses.year, input.year))
          .orderBy(desc(courses.position))
          .limit(1);
        return insertUnderNewId(`${input.year}-notice`, async (local) => {
          const [row] = await tx
            .insert(courses)
            .values({
              id: ownedId(code, 'course', local),
              year: input.year,
              position: (last?.position ?? 0) + 1,
              title,
              category: 'REQUIRED',
              days: input.days,
              minutes,
              feeFen: input.feeFen,
              description,
              isSample: false,
              noticeTitle,
              noticeUrl,
              createdBy: registrar.subject,
              createdAt: now,
            })
            .onConflictDoNothing({ target: courses.id })
            .returning();
          return row;
        });
      });
    },

    setContacts: async (caller: Caller | null, list: ContactInput[]): Promise<ProfileRow | null> => {
      requireOwnStaff(caller);
      if (list.length > 50) throw badInput({ zh: '联系人过多', en: 'Too many contacts' }, 'contacts');
      const rows = list.map((contact, position) => {
        const name = optionalText(contact.name, 'name', 20);
        if (!name) throw badInput({ zh: '请填写联系人姓名', en: 'Give each contact a name' }, 'contacts');
        if (
          contact.phones.length === 0 ||
          contact.phones.length > 5 ||
          contact.phones.some((phone) => !PHONE.test(phone.trim()))
        ) {
          throw badInput({ zh: `${name}的电话号码无效`, en: `A phone number of ${name} is not valid` }, 'contacts');
        }
        return { position, name, phones: contact.phones.map((phone) => phone.trim()) };
      });
      await db.transaction(async (tx) => {
        await tx.delete(contacts);
        if (rows.length > 0) await tx.insert(contacts).values(rows);
      });
      const [row] = await db.select().from(profile).orderBy(asc(profile.code)).limit(1);
      return row ?? null;
    },
  };
}

export type Management = ReturnType<typeof createManagement>;
