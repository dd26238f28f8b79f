import { minutesToHours, registrationStatusAt } from '@xueshi/domain';
import { forbidden, requireRole } from '@xueshi/subgraph-kit';
import type { RegistrationResolvers } from '../generated/resolvers';
import { isDated, isPending } from '../services/ledger';
import { ownedReference } from './entityReferences';

export const Registration: RegistrationResolvers = {
  status: (registration, _args, context) => registrationStatusAt(registration, context.clock.now()),
  hours: (registration) => minutesToHours(registration.minutes),
  session: (registration) => ownedReference(registration.sessionId, 'session'),
  course: (registration) => ownedReference(registration.courseId, 'course'),
  payments: (registration, _args, context) => context.loaders.paymentsByRegistration.load(registration.id),
  outcome: (registration, _args, context) => context.loaders.outcome.load(registration.id),
  creditEntry: async (registration, _args, context) => {
    const entry = await context.loaders.creditEntryByRegistration.load(registration.id);
    return entry && isDated(entry) ? entry : null;
  },
  pendingCredit: async (registration, _args, context) => {
    const entry = await context.loaders.creditEntryByRegistration.load(registration.id);
    return entry && isPending(entry) ? entry : null;
  },
  learner: (registration, _args, context) => {
    const caller = requireRole(context.caller, 'LEARNER', 'REGISTRAR', 'INSTITUTION_STAFF', 'ANALYST', 'SERVICE');
    const allowed =
      caller.role === 'REGISTRAR' ||
      (caller.role === 'LEARNER' && caller.subject === registration.learnerId) ||
      (caller.role === 'INSTITUTION_STAFF' && caller.institution === registration.institution);
    if (!allowed) throw forbidden();
    return context.loaders.learner.load(registration.learnerId);
  },
};
