import { INSTITUTIONS } from '@xueshi/institutions';
import type { AssociationSessionResolvers, Resolvers } from '../generated/resolvers';
import { requireSessionStaff } from '../policy';

// Every institution's session type (AssociationSession, SjtuSession, …) takes the same fields from the
// registry, so one definition, typed as the first institution's, serves them all.
const sessionFields: AssociationSessionResolvers = {
  seatsTaken: (session, _args, context) => context.loaders.seatsTaken.load(session.id),
  unpaidHolds: async (session, _args, context) => {
    requireSessionStaff(context.caller, session.id);
    const summary = await context.loaders.unpaidHolds.load(session.id);
    return {
      held: summary.held,
      endedUnpaidLastDay: summary.endedUnpaid,
      learnersEndedUnpaidLastDay: summary.learnersEndedUnpaid,
    };
  },
};

/** The seats taken on each institution's sessions, and their unpaid holds for the staff who run them. */
export const institutionSessions: Resolvers = Object.fromEntries(
  INSTITUTIONS.map((entry) => [`${entry.typePrefix}Session`, sessionFields]),
);
