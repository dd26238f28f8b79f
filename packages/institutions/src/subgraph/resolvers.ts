import { minutesToHours } from '@xueshi/domain';
import { DateScalar, DateTimeScalar, referenced } from '@xueshi/subgraph-kit';
import type { Caller, Clock, ResolverMap } from '@xueshi/subgraph-kit';
import { institution } from '../institutions';
import type { InstitutionCode } from '../institutions';
import type { MutationResolvers, OwnCourseResolvers, OwnProfileResolvers, OwnSessionResolvers } from './generated/resolvers';
import type { InstitutionLoaders } from './loaders';
import type { Management } from './management';

export interface InstitutionContext {
  caller: Caller | null;
  /** The Authorization header the caller was verified from, for acting on their behalf at another subgraph. */
  authorization: string | undefined;
  clock: Clock;
  loaders: InstitutionLoaders;
  management: Management;
}

/**
 * The type prefix of the template institution the generated resolver types describe (OwnSession,
 * openOwnSession, …): every institution's types and mutations are these with its own prefix.
 */
export const TEMPLATE_PREFIX = 'Own';

const ownMutations: MutationResolvers = {
  openOwnSession: (_root, args, context) => context.management.openSession(context.caller, args.input),
  updateOwnSession: (_root, args, context) =>
    context.management.updateSession(context.caller, args.id, args.input, context.authorization),
  openEmployerOwnSession: (_root, args, context) => context.management.openEmployerSession(context.caller, args.input),
  createOwnCourse: (_root, args, context) => context.management.createNoticeCourse(context.caller, args.input),
  setOwnContacts: (_root, args, context) =>
    referenced(context.management.setContacts(context.caller, args.contacts), 'Mutation.setContacts'),
};

const ownSession: OwnSessionResolvers = {
  __resolveReference: (reference, context) => context.loaders.session.load(reference.id),
  dateChanges: (session, _args, context) => {
    context.management.requireOwnStaff(context.caller);
    return context.loaders.dateChangesBySession.load(session.id);
  },
  course: async (session, _args, context) => {
    const course = await context.loaders.course.load(session.courseId);
    if (!course) throw new Error(`Session ${session.id} has no course ${session.courseId}`);
    return course;
  },
};

/** The template's name for a type or mutation, with the institution's prefix instead. */
const named = (typePrefix: string) => (name: string) => name.replace(TEMPLATE_PREFIX, typePrefix);

/**
 * The resolvers every institution serves for its own profile, courses and sessions; they differ only
 * by the institution's code and type names.
 */
export function institutionResolvers(code: InstitutionCode): ResolverMap {
  const { typePrefix } = institution(code);
  const rename = named(typePrefix);
  const ownProfile: OwnProfileResolvers = {
    __resolveReference: async (reference, context) => (reference.code === code ? context.loaders.profile() : null),
    contacts: (_profile, _args, context) => context.loaders.contacts(),
    courses: (_profile, args, context) => context.loaders.coursesByYear.load(args.year),
  };
  const ownCourse: OwnCourseResolvers = {
    __resolveReference: (reference, context) => context.loaders.course.load(reference.id),
    hours: (course) => minutesToHours(course.minutes),
    notice: (course) => (course.noticeTitle === null ? null : { title: course.noticeTitle, url: course.noticeUrl }),
    institution: () => ({ code, name: institution(code).name }),
    sessions: (course, _args, context) => context.loaders.sessionsByCourse.load(course.id),
  };
  return {
    Mutation: Object.fromEntries(Object.entries(ownMutations).map(([field, resolve]) => [rename(field), resolve])),
    DateTime: DateTimeScalar,
    Date: DateScalar,
    InstitutionProfile: { __resolveType: () => `${typePrefix}Profile` },
    Course: { __resolveType: () => `${typePrefix}Course` },
    Session: { __resolveType: () => `${typePrefix}Session` },
    [rename('OwnProfile')]: ownProfile,
    [rename('OwnCourse')]: ownCourse,
    [rename('OwnSession')]: ownSession,
  };
}
