import { maskIdNumber, minutesToHours } from '@xueshi/domain';
import { requireRole } from '@xueshi/subgraph-kit';
import type { Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import type { LearnerRow, RegistrationRow } from '../db/schema';
import { ownedReference } from './entities';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const learnerResolvers: Resolvers<RegistryContext> = {
  Query: {
    me: (_root: unknown, _args: unknown, context: RegistryContext) =>
      context.caller?.role === 'LEARNER' ? context.loaders.learner.load(context.caller.subject) : null,
    learner: (_root: unknown, args: { id: string }, context: RegistryContext) => {
      requireRole(context.caller, 'REGISTRAR');
      return UUID.test(args.id) ? context.loaders.learner.load(args.id) : null;
    },
  },
  Learner: {
    idNumberMasked: (learner: LearnerRow) => maskIdNumber(learner.idNumber),
    registrations: (learner: LearnerRow, _args: unknown, context: RegistryContext) =>
      context.loaders.registrationsByLearner.load(learner.id),
  },
  Registration: {
    hours: (registration: RegistrationRow) => minutesToHours(registration.minutes),
    session: (registration: RegistrationRow) => ownedReference(registration.sessionId, 'session'),
    course: (registration: RegistrationRow) => ownedReference(registration.courseId, 'course'),
  },
};
