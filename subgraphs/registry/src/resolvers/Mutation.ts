import type { EmployerRow, LearnerRow } from '../db/schema';
import type { MutationResolvers } from '../generated/resolvers';
import type { SignedIn } from '../services/identity';

const learnerSignIn = ({ token, expiresAt, subject }: SignedIn<LearnerRow>) => ({ token, expiresAt, learner: subject });
const employerSignIn = ({ token, expiresAt, subject }: SignedIn<EmployerRow>) => ({ token, expiresAt, employer: subject });

export const Mutation: MutationResolvers = {
  signUp: async (_root, args, context) => learnerSignIn(await context.services.identity.signUp(args.input)),
  signIn: async (_root, args, context) => learnerSignIn(await context.services.identity.signIn(args.idNumber, args.password)),
  staffSignIn: async (_root, args, context) => {
    const { token, expiresAt, subject } = await context.services.identity.staffSignIn(args.username, args.password);
    return { token, expiresAt, staff: subject };
  },
  employerSignUp: async (_root, args, context) => employerSignIn(await context.services.identity.employerSignUp(args.input)),
  employerSignIn: async (_root, args, context) =>
    employerSignIn(await context.services.identity.employerSignIn(args.creditCode, args.password)),
  setEmployerStaff: (_root, args, context) => context.services.identity.setEmployerStaff(context.caller, args.idNumbers),
  requestMobileCode: (_root, _args, context) => context.services.mobileVerification.requestCode(context.caller),
  verifyMobile: (_root, args, context) => context.services.mobileVerification.verify(context.caller, args.code),
  restoreIdNumber: (_root, args, context) => context.services.identity.restoreIdNumber(context.caller, args.input),
  register: async (_root, args, context) => {
    await context.services.mobileVerification.requireVerified(context.caller);
    return context.services.registrations.register(context.caller, args.sessionId);
  },
  sessionChanged: (_root, args, context) => context.services.registrations.sessionChanged(context.caller, args.sessionId),
  pay: async (_root, args, context) => {
    await context.services.mobileVerification.requireVerified(context.caller);
    return context.services.payments.pay(context.caller, args.registrationId, args.idempotencyKey);
  },
  withdraw: (_root, args, context) => context.services.registrations.withdraw(context.caller, args.registrationId),
  requestInvoice: (_root, args, context) => context.services.invoices.request(context.caller, args.input),
  setCycleStartYear: (_root, args, context) => context.services.cycleStart.set(context.caller, args),
  reportOutcome: (_root, args, context) => context.services.outcomes.reportOutcome(context.caller, args),
  reportOutcomes: (_root, args, context) =>
    context.services.outcomes.reportOutcomes(context.caller, args.sessionId, args.outcomes),
  reportOutcomesCsv: (_root, args, context) =>
    context.services.outcomesCsv.reportOutcomesCsv(context.caller, args.sessionId, args.csv),
  reportCoursewareCompletion: (_root, args, context) =>
    context.services.outcomes.reportCoursewareCompletion(context.caller, args.registrationId, args.completedAt),
  reverseCreditEntry: (_root, args, context) =>
    context.services.corrections.reverseCreditEntry(context.caller, args.entryId, args.reason),
  recordCreditEntry: (_root, args, context) => context.services.corrections.recordCreditEntry(context.caller, args.input),
  loadOfficialCalendar: (_root, args, context) => context.services.officialCalendar.load(context.caller, args.input),
  issueTranscript: (_root, args, context) => context.services.transcripts.issue(context.caller, args.cycleStartYear),
};
