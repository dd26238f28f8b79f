import { addCalendarDays, minutesToHours, shanghaiDay, shanghaiYear, suggestSessions } from '@xueshi/domain';
import type { CycleVerdict } from '@xueshi/domain';
import { institution } from '@xueshi/institutions';
import { forbidden, notFound, requireRole } from '@xueshi/subgraph-kit';
import type { Caller, Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import type { CreditEntryRow, LearnerRow, OutcomeRow, RegistrationRow, TranscriptRow } from '../db/schema';
import type { ManualCreditInput } from '../services/outcomes';
import { requireSessionStaff } from '../services/access';
import { csvDocument } from '../services/csv';
import { complianceFactsCsv, factsCsv } from '../services/facts';
import { complianceCsv, programmeCsv } from '../services/statistics';
import type { ComplianceFigures, ProgrammeFigures } from '../services/statistics';
import type { ComplianceAnswer, ComplianceDimension, FactAnswer, FactDimension, FactFilter } from '../services/facts';
import { checkYear, cycleStartYear, echoedId } from '../services/validation';
import type { OfficialCalendarInput, OfficialCalendarYearView } from '../services/officialCalendar';
import { isDated, ledgerFor, standingEntries, verdictOf } from '../services/ledger';
import { institutionByCode } from './institution';
import { ownedReference } from './entities';

/** A learner's own record: the learner and the registrar; FORBIDDEN for anyone else. */
export function requireOwnRecord(caller: Caller | null, learner: LearnerRow): Caller {
  const who = requireRole(caller, 'LEARNER', 'REGISTRAR', 'INSTITUTION_STAFF', 'ANALYST', 'SERVICE');
  if (who.role === 'REGISTRAR' || (who.role === 'LEARNER' && who.subject === learner.id)) return who;
  throw forbidden();
}

interface CycleOf extends CycleVerdict {
  learner: LearnerRow;
  standing: CreditEntryRow[];
}

const today = (context: RegistryContext) => shanghaiDay(context.clock.now());

/**
 * The roster of a session: who may see it is its institution's staff and the registrar. NOT_FOUND for a
 * session its institution does not have (asked of the owner only when the roster is empty).
 */
async function rosterOf(context: RegistryContext, sessionId: string): Promise<RegistrationRow[]> {
  requireSessionStaff(context.caller, sessionId);
  const roster = await context.loaders.rosterBySession.load(sessionId);
  if (roster.length === 0 && !(await context.services.directory.sessionFacts(sessionId))) {
    throw notFound({ zh: '班次', en: 'Session' }, echoedId(sessionId));
  }
  return roster;
}

export const ledgerResolvers: Resolvers<RegistryContext> = {
  Query: {
    roster: (_root: unknown, args: { sessionId: string }, context: RegistryContext) => rosterOf(context, args.sessionId),
    rosterCsv: async (_root: unknown, args: { sessionId: string }, context: RegistryContext) => {
      const roster = await rosterOf(context, args.sessionId);
      const people = await Promise.all(roster.map((registration) => context.loaders.learner.load(registration.learnerId)));
      const outcomes = await Promise.all(roster.map((registration) => context.loaders.outcome.load(registration.id)));
      const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? '是' : '否');
      const lines = [
        ['报名编号', '姓名', '工作单位', '全程参加', '考试合格'],
        ...roster.map((registration, index) => [
          registration.id,
          people[index]?.name ?? '',
          people[index]?.employer ?? '',
          yesNo(outcomes[index]?.attendedFully),
          yesNo(outcomes[index]?.examPassed),
        ]),
      ];
      return csvDocument(lines);
    },
    verifyTranscript: async (_root: unknown, args: { code: string }, context: RegistryContext) => {
      const verification = await context.services.transcripts.verify(args.code);
      return verification && { ...verification, cycle: verification.content.cycle, entries: verification.content.entries };
    },
    programmeStatistics: (_root: unknown, args: { year: number }, context: RegistryContext) =>
      context.services.statistics.programme(context.caller, args.year),
    cycleCompliance: (_root: unknown, args: { startYear: number }, context: RegistryContext) =>
      context.services.statistics.compliance(context.caller, args.startYear),
    registrationFacts: (
      _root: unknown,
      args: { year: number; groupBy: FactDimension[]; filter?: FactFilter | null },
      context: RegistryContext,
    ) => context.services.facts.registrationFacts(context.caller, args),
    complianceFacts: (_root: unknown, args: { startYear: number; groupBy: ComplianceDimension[] }, context: RegistryContext) =>
      context.services.facts.complianceFacts(context.caller, args),
    officialCalendarYears: (_root: unknown, _args: unknown, context: RegistryContext) =>
      context.services.officialCalendar.years(),
    officialCalendarVersions: (_root: unknown, args: { year: number }, context: RegistryContext) => {
      checkYear(args.year);
      return context.services.officialCalendar.versions(args.year);
    },
  },
  Mutation: {
    reportOutcome: (
      _root: unknown,
      args: { registrationId: string; attendedFully: boolean; examPassed: boolean },
      context: RegistryContext,
    ) => context.services.outcomes.reportOutcome(context.caller, args),
    reportOutcomes: (
      _root: unknown,
      args: { sessionId: string; outcomes: { registrationId: string; attendedFully: boolean; examPassed: boolean }[] },
      context: RegistryContext,
    ) => context.services.outcomes.reportOutcomes(context.caller, args.sessionId, args.outcomes),
    reportOutcomesCsv: (_root: unknown, args: { sessionId: string; csv: string }, context: RegistryContext) =>
      context.services.outcomes.reportOutcomesCsv(context.caller, args.sessionId, args.csv),
    reportCoursewareCompletion: (_root: unknown, args: { registrationId: string; completedAt: Date }, context: RegistryContext) =>
      context.services.outcomes.reportCoursewareCompletion(context.caller, args.registrationId, args.completedAt),
    reverseCreditEntry: (_root: unknown, args: { entryId: string; reason: string }, context: RegistryContext) =>
      context.services.outcomes.reverseCreditEntry(context.caller, args.entryId, args.reason),
    recordCreditEntry: (_root: unknown, args: { input: ManualCreditInput }, context: RegistryContext) =>
      context.services.outcomes.recordCreditEntry(context.caller, args.input),
    loadOfficialCalendar: (_root: unknown, args: { input: OfficialCalendarInput }, context: RegistryContext) =>
      context.services.officialCalendar.load(context.caller, args.input),
    issueTranscript: (_root: unknown, args: { cycleStartYear?: number | null }, context: RegistryContext) =>
      context.services.transcripts.issue(context.caller, args.cycleStartYear),
  },
  Learner: {
    creditEntries: async (learner: LearnerRow, _args: unknown, context: RegistryContext) => {
      const caller = requireOwnRecord(context.caller, learner);
      return ledgerFor(caller, await context.loaders.creditEntriesByLearner.load(learner.id), today(context));
    },
    cycle: async (learner: LearnerRow, args: { startYear?: number | null }, context: RegistryContext): Promise<CycleOf> => {
      const caller = requireOwnRecord(context.caller, learner);
      const startYear =
        args.startYear === null || args.startYear === undefined ? learner.cycleStartYear : cycleStartYear(args.startYear);
      const standing = standingEntries(
        ledgerFor(caller, await context.loaders.creditEntriesByLearner.load(learner.id), today(context)),
      );
      return { ...verdictOf(standing, startYear), learner, standing };
    },
    transcripts: (learner: LearnerRow, _args: unknown, context: RegistryContext) => {
      requireOwnRecord(context.caller, learner);
      return context.loaders.transcriptsByLearner.load(learner.id);
    },
    pendingCredit: async (learner: LearnerRow, _args: unknown, context: RegistryContext) => {
      requireOwnRecord(context.caller, learner);
      return (await context.loaders.creditEntriesByLearner.load(learner.id)).filter((entry) => !isDated(entry));
    },
  },
  CycleVerdict: {
    suggestions: async (cycle: CycleOf, _args: unknown, context: RegistryContext) => {
      const now = context.clock.now();
      const thisYear = shanghaiYear(now);
      if (cycle.compliant || thisYear > cycle.endYear) return [];
      const years = [...new Set([thisYear, Number(addCalendarDays(shanghaiDay(now), 60).slice(0, 4))])].filter(
        (year) => year <= cycle.endYear,
      );
      const [offers, held] = await Promise.all([
        Promise.all(years.map((year) => context.services.directory.openSessions(year, now))).then((lists) => lists.flat()),
        context.loaders.registrationsByLearner.load(cycle.learner.id),
      ]);
      const open = [];
      for (const offer of offers) {
        if (offer.restrictedToEmployer !== null) continue;
        if (offer.capacity !== null && (await context.loaders.seatsTaken.load(offer.sessionId)) >= offer.capacity) continue;
        open.push(offer);
      }
      const inCycle = cycle.standing.filter((entry) => entry.year >= cycle.startYear && entry.year <= cycle.endYear);
      const active = held.filter((registration) => ['AWAITING_PAYMENT', 'PAID'].includes(registration.status));
      return suggestSessions({
        requiredShortfall: cycle.requiredShortfall,
        totalShortfall: cycle.totalShortfall,
        takenCourseTitles: [...inCycle, ...active].map((row) => row.courseTitle),
        offers: open,
      }).map((offer) => ({ ...offer, session: ownedReference(offer.sessionId, 'session') }));
    },
  },
  CreditEntry: {
    institutionName: (entry: CreditEntryRow) => institution(entry.institution).name,
    institution: (entry: CreditEntryRow) => institutionByCode(entry.institution),
    hours: (entry: CreditEntryRow) => minutesToHours(entry.minutes),
    reverses: (entry: CreditEntryRow, _args: unknown, context: RegistryContext) =>
      entry.reverses ? context.loaders.creditEntry.load(entry.reverses) : null,
  },
  PendingCredit: {
    institutionName: (entry: CreditEntryRow) => institution(entry.institution).name,
    hours: (entry: CreditEntryRow) => minutesToHours(entry.minutes),
    awaitingCalendarYear: (entry: CreditEntryRow) => entry.pendingCalendarYear,
  },
  Registration: {
    outcome: (registration: RegistrationRow, _args: unknown, context: RegistryContext) =>
      context.loaders.outcome.load(registration.id),
    creditEntry: async (registration: RegistrationRow, _args: unknown, context: RegistryContext) => {
      const entry = await context.loaders.creditEntryByRegistration.load(registration.id);
      return entry && isDated(entry) ? entry : null;
    },
    pendingCredit: async (registration: RegistrationRow, _args: unknown, context: RegistryContext) => {
      const entry = await context.loaders.creditEntryByRegistration.load(registration.id);
      return entry && !isDated(entry) ? entry : null;
    },
    learner: (registration: RegistrationRow, _args: unknown, context: RegistryContext) => {
      const caller = requireRole(context.caller, 'LEARNER', 'REGISTRAR', 'INSTITUTION_STAFF', 'ANALYST', 'SERVICE');
      const allowed =
        caller.role === 'REGISTRAR' ||
        (caller.role === 'LEARNER' && caller.subject === registration.learnerId) ||
        (caller.role === 'INSTITUTION_STAFF' && caller.institution === registration.institution);
      if (!allowed) throw forbidden();
      return context.loaders.learner.load(registration.learnerId);
    },
  },
  InstitutionStatistics: {
    institution: (figures: { institution: string }) => institutionByCode(figures.institution),
  },
  ProgrammeStatistics: {
    csv: (figures: ProgrammeFigures) => programmeCsv(figures),
  },
  CycleCompliance: {
    csv: (figures: ComplianceFigures) => complianceCsv(figures),
  },
  RegistrationFacts: {
    csv: (answer: FactAnswer) => factsCsv(answer),
  },
  ComplianceFacts: {
    csv: (answer: ComplianceAnswer) => complianceFactsCsv(answer),
  },
  OfficialCalendarYear: {
    // Staff accounts are named for the registrar's audit, not for the public.
    loadedBy: (year: OfficialCalendarYearView, _args: unknown, context: RegistryContext) =>
      context.caller?.role === 'REGISTRAR' ? year.loadedBy : null,
  },
  Outcome: {
    reportedAt: (outcome: OutcomeRow) => outcome.reportedAt,
  },
  Transcript: {
    issuedOn: (transcript: TranscriptRow) => transcript.content.issuedOn,
    pdf: async (transcript: TranscriptRow, _args: unknown, context: RegistryContext) =>
      (await context.services.documents.transcriptLinks(transcript.id, requireRole(context.caller, 'LEARNER', 'REGISTRAR'))).pdf,
    csv: async (transcript: TranscriptRow, _args: unknown, context: RegistryContext) =>
      (await context.services.documents.transcriptLinks(transcript.id, requireRole(context.caller, 'LEARNER', 'REGISTRAR'))).csv,
    verificationUrl: (transcript: TranscriptRow, _args: unknown, context: RegistryContext) =>
      context.services.documents.verificationUrl(transcript.verificationCode),
  },
};
