import { normaliseIdNumber } from '@xueshi/domain';
import { INSTITUTIONS } from '@xueshi/institutions';
import { isStaffRole } from '@xueshi/subgraph-kit';
import type { QueryResolvers } from '../generated/resolvers';
import { checkYear, isUuid } from '../services/validation';
import { institutionByCode, ownedReference } from './entityReferences';
import { rosterCsvOf, rosterOf } from './roster';
import { requireAllowed } from '../policy';

export const Query: QueryResolvers = {
  institutions: () => [...INSTITUTIONS],
  institution: (_root, args) => institutionByCode(args.code),
  course: (_root, args) => ownedReference(args.id, 'course'),
  session: (_root, args) => ownedReference(args.id, 'session'),
  programmeYear: (_root, args, context) => context.loaders.programmeYear.load(args.year),
  me: (_root, _args, context) =>
    context.caller?.role === 'LEARNER' ? context.loaders.learner.load(context.caller.subject) : null,
  learner: (_root, args, context) => {
    requireAllowed('learnerLookup', context.caller);
    return isUuid(args.id) ? context.loaders.learner.load(args.id) : null;
  },
  learnersByIdNumber: (_root, args, context) => {
    requireAllowed('learnerLookup', context.caller);
    return context.loaders.learnersByIdNumber.load(normaliseIdNumber(args.idNumber));
  },
  currentStaff: (_root, _args, context) => {
    const caller = context.caller;
    if (!caller || !isStaffRole(caller.role)) return null;
    return context.loaders.staffMember.load(caller.subject);
  },
  currentEmployer: (_root, _args, context) =>
    context.caller?.role === 'EMPLOYER' ? context.loaders.employer.load(context.caller.subject) : null,
  roster: (_root, args, context) => rosterOf(context, args.sessionId),
  rosterCsv: (_root, args, context) => rosterCsvOf(context, args.sessionId),
  verifyTranscript: async (_root, args, context) => {
    const verification = await context.services.transcripts.verify(args.code);
    return verification && { ...verification, cycle: verification.content.cycle, entries: verification.content.entries };
  },
  programmeStatistics: (_root, args, context) => context.services.statistics.programme(context.caller, args.year),
  cycleCompliance: (_root, args, context) => context.services.statistics.compliance(context.caller, args.startYear),
  registrationFacts: (_root, args, context) => context.services.facts.registrationFacts(context.caller, args),
  complianceFacts: (_root, args, context) => context.services.facts.complianceFacts(context.caller, args),
  officialCalendarYears: (_root, _args, context) => context.services.officialCalendar.years(),
  officialCalendarVersions: (_root, args, context) => {
    checkYear(args.year);
    return context.services.officialCalendar.versions(args.year);
  },
};
