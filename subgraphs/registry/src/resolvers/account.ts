import type { Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import type { IdNumberRestorationRow, LearnerRow, StaffRow } from '../db/schema';
import type { RestoreIdNumberInput, SignUpInput, SignedIn } from '../services/identity';
import { institutionByCode } from './institution';

const learnerSignIn = ({ token, expiresAt, subject }: SignedIn<LearnerRow>) => ({ token, expiresAt, learner: subject });

export const accountResolvers: Resolvers<RegistryContext> = {
  Query: {
    currentStaff: (_root: unknown, _args: unknown, context: RegistryContext) => {
      const caller = context.caller;
      if (!caller || !['INSTITUTION_STAFF', 'REGISTRAR', 'ANALYST'].includes(caller.role)) return null;
      return context.loaders.staffMember.load(caller.subject);
    },
  },
  Mutation: {
    signUp: async (_root: unknown, args: { input: SignUpInput }, context: RegistryContext) =>
      learnerSignIn(await context.services.identity.signUp(args.input)),
    signIn: async (_root: unknown, args: { idNumber: string; password: string }, context: RegistryContext) =>
      learnerSignIn(await context.services.identity.signIn(args.idNumber, args.password)),
    staffSignIn: async (_root: unknown, args: { username: string; password: string }, context: RegistryContext) => {
      const { token, expiresAt, subject } = await context.services.identity.staffSignIn(args.username, args.password);
      return { token, expiresAt, staff: subject };
    },
    requestMobileCode: (_root: unknown, _args: unknown, context: RegistryContext) =>
      context.services.mobileVerification.requestCode(context.caller),
    verifyMobile: (_root: unknown, args: { code: string }, context: RegistryContext) =>
      context.services.mobileVerification.verify(context.caller, args.code),
    restoreIdNumber: (_root: unknown, args: { input: RestoreIdNumberInput }, context: RegistryContext) =>
      context.services.identity.restoreIdNumber(context.caller, args.input),
  },
  IdNumberRestoration: {
    lockedLearner: (restoration: IdNumberRestorationRow, _args: unknown, context: RegistryContext) =>
      context.loaders.learner.load(restoration.lockedLearnerId),
  },
  StaffMember: {
    institution: (member: StaffRow) => (member.institution ? institutionByCode(member.institution) : null),
  },
};
