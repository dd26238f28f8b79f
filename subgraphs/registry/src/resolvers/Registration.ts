import { minutesToHours, registrationStatusAt } from '@xueshi/domain';
import type { RegistrationResolvers } from '../generated/resolvers';
import { isDated, isPending } from '../services/ledger';
import { ownedReference } from './entityReferences';
import { requireAllowed } from '../policy';

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
    requireAllowed('registrant', context.caller, { learner: registration.learnerId, institution: registration.institution });
    return context.loaders.learner.load(registration.learnerId);
  },
};
