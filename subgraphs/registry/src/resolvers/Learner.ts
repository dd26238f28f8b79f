import { maskIdNumber, maskMobile, shanghaiDay } from '@xueshi/domain';
import type { LearnerResolvers } from '../generated/resolvers';
import { isAllowed, requireAllowed } from '../policy';
import { isPending, ledgerFor, standingEntries, verdictOf } from '../services/ledger';
import { cycleStartYear } from '../services/validation';

export const Learner: LearnerResolvers = {
  idNumber: (learner, _args, context) =>
    isAllowed('personalData', context.caller, { learner: learner.id }) ? learner.idNumber : null,
  idNumberMasked: (learner) => maskIdNumber(learner.idNumber),
  mobile: (learner, _args, context) =>
    isAllowed('personalData', context.caller, { learner: learner.id }) ? learner.mobile : null,
  mobileMasked: (learner) => maskMobile(learner.mobile),
  mobileVerified: (learner) => learner.mobileVerifiedAt !== null,
  cycleStartYearChanges: (learner, _args, context) => {
    requireAllowed('ownRecord', context.caller, { learner: learner.id });
    return context.loaders.cycleStartYearChangesByLearner.load(learner.id);
  },
  registrations: (learner, _args, context) => {
    requireAllowed('ownRecord', context.caller, { learner: learner.id });
    return context.loaders.registrationsByLearner.load(learner.id);
  },
  creditEntries: async (learner, _args, context) => {
    const caller = requireAllowed('ownRecord', context.caller, { learner: learner.id });
    return ledgerFor(caller, await context.loaders.creditEntriesByLearner.load(learner.id), shanghaiDay(context.clock.now()));
  },
  cycle: async (learner, args, context) => {
    const caller = requireAllowed('ownRecord', context.caller, { learner: learner.id });
    const startYear =
      args.startYear === null || args.startYear === undefined ? learner.cycleStartYear : cycleStartYear(args.startYear);
    const standing = standingEntries(
      ledgerFor(caller, await context.loaders.creditEntriesByLearner.load(learner.id), shanghaiDay(context.clock.now())),
    );
    return { ...verdictOf(standing, startYear), learner, standing };
  },
  transcripts: (learner, _args, context) => {
    requireAllowed('ownRecord', context.caller, { learner: learner.id });
    return context.loaders.transcriptsByLearner.load(learner.id);
  },
  pendingCredit: async (learner, _args, context) => {
    requireAllowed('ownRecord', context.caller, { learner: learner.id });
    return (await context.loaders.creditEntriesByLearner.load(learner.id)).filter(isPending);
  },
};
