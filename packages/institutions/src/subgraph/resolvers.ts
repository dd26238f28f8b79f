import { minutesToHours } from '@xueshi/domain';
import { DateScalar, DateTimeScalar } from '@xueshi/subgraph-kit';
import type { Caller, Clock, Resolvers } from '@xueshi/subgraph-kit';
import { institution } from '../institutions';
import type { InstitutionCode } from '../institutions';
import type { CourseRow, SessionRow } from './db/schema';
import type { InstitutionLoaders } from './loaders';
import type {
  ContactInput,
  Management,
  NoticeCourseInput,
  OpenEmployerSessionInput,
  OpenSessionInput,
  UpdateSessionInput,
} from './management';

export interface InstitutionContext {
  caller: Caller | null;
  /** The Authorization header the caller was verified from, for acting on their behalf at another subgraph. */
  authorization: string | undefined;
  clock: Clock;
  loaders: InstitutionLoaders;
  management: Management;
}

/**
 * The resolvers every institution serves for its own profile, courses and sessions; they differ only
 * by the institution's code and type names.
 */
export function institutionResolvers(code: InstitutionCode): Resolvers<InstitutionContext> {
  const { typePrefix } = institution(code);
  return {
    Mutation: {
      [`open${typePrefix}Session`]: (_root: unknown, args: { input: OpenSessionInput }, context: InstitutionContext) =>
        context.management.openSession(context.caller, args.input),
      [`update${typePrefix}Session`]: (
        _root: unknown,
        args: { id: string; input: UpdateSessionInput },
        context: InstitutionContext,
      ) => context.management.updateSession(context.caller, args.id, args.input),
      [`openEmployer${typePrefix}Session`]: (
        _root: unknown,
        args: { input: OpenEmployerSessionInput },
        context: InstitutionContext,
      ) => context.management.openEmployerSession(context.caller, args.input),
      [`create${typePrefix}Course`]: (_root: unknown, args: { input: NoticeCourseInput }, context: InstitutionContext) =>
        context.management.createNoticeCourse(context.caller, args.input),
      [`set${typePrefix}Contacts`]: (_root: unknown, args: { contacts: ContactInput[] }, context: InstitutionContext) =>
        context.management.setContacts(context.caller, args.contacts),
    },
    DateTime: DateTimeScalar,
    Date: DateScalar,
    InstitutionProfile: { __resolveType: () => `${typePrefix}Profile` },
    Course: { __resolveType: () => `${typePrefix}Course` },
    Session: { __resolveType: () => `${typePrefix}Session` },
    [`${typePrefix}Profile`]: {
      __resolveReference: async (reference: { code: string }, context: InstitutionContext) =>
        reference.code === code ? context.loaders.profile() : null,
      contacts: (_profile: unknown, _args: unknown, context: InstitutionContext) => context.loaders.contacts(),
      courses: (_profile: unknown, args: { year: number }, context: InstitutionContext) =>
        context.loaders.coursesByYear.load(args.year),
    },
    [`${typePrefix}Course`]: {
      __resolveReference: (reference: { id: string }, context: InstitutionContext) => context.loaders.course.load(reference.id),
      hours: (course: CourseRow) => minutesToHours(course.minutes),
      notice: (course: CourseRow) => (course.noticeTitle === null ? null : { title: course.noticeTitle, url: course.noticeUrl }),
      institution: () => ({ code }),
      sessions: (course: CourseRow, _args: unknown, context: InstitutionContext) =>
        context.loaders.sessionsByCourse.load(course.id),
    },
    [`${typePrefix}Session`]: {
      __resolveReference: (reference: { id: string }, context: InstitutionContext) => context.loaders.session.load(reference.id),
      dateChanges: (session: SessionRow, _args: unknown, context: InstitutionContext) => {
        context.management.requireOwnStaff(context.caller);
        return context.loaders.dateChangesBySession.load(session.id);
      },
      course: async (session: SessionRow, _args: unknown, context: InstitutionContext) => {
        const course = await context.loaders.course.load(session.courseId);
        if (!course) throw new Error(`Session ${session.id} has no course ${session.courseId}`);
        return course;
      },
    },
  };
}
