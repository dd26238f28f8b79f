import { forbidden } from '@xueshi/subgraph-kit';
import type { Caller, Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import type { EmployerRow } from '../db/schema';
import type { EmployerSignUpInput, SignedIn } from '../services/identity';
import { ownedReference } from './entities';

interface TrainingRequestReference {
  id: string;
  courseId: string;
  sessionId?: string | null;
}

const employerSignIn = ({ token, expiresAt, subject }: SignedIn<EmployerRow>) => ({ token, expiresAt, employer: subject });

/** Whether `caller` may read what an employer's account holds beyond its name: the employer itself and the registrar. */
const readsEmployerAccount = (caller: Caller | null, employer: EmployerRow): boolean =>
  caller?.role === 'REGISTRAR' || (caller?.role === 'EMPLOYER' && caller.subject === employer.creditCode);

const accountField =
  <Value>(read: (employer: EmployerRow, context: RegistryContext) => Value) =>
  (employer: EmployerRow, _args: unknown, context: RegistryContext): Value => {
    if (!readsEmployerAccount(context.caller, employer)) throw forbidden();
    return read(employer, context);
  };

export const employerResolvers: Resolvers<RegistryContext> = {
  Query: {
    currentEmployer: (_root: unknown, _args: unknown, context: RegistryContext) =>
      context.caller?.role === 'EMPLOYER' ? context.loaders.employer.load(context.caller.subject) : null,
  },
  Mutation: {
    employerSignUp: async (_root: unknown, args: { input: EmployerSignUpInput }, context: RegistryContext) =>
      employerSignIn(await context.services.identity.employerSignUp(args.input)),
    employerSignIn: async (_root: unknown, args: { creditCode: string; password: string }, context: RegistryContext) =>
      employerSignIn(await context.services.identity.employerSignIn(args.creditCode, args.password)),
    setEmployerStaff: (_root: unknown, args: { idNumbers: string[] }, context: RegistryContext) =>
      context.services.identity.setEmployerStaff(context.caller, args.idNumbers),
  },
  Employer: {
    __resolveReference: (reference: { creditCode: string }, context: RegistryContext) =>
      context.loaders.employer.load(reference.creditCode),
    id: (employer: EmployerRow) => employer.creditCode,
    contactName: accountField((employer) => employer.contactName),
    contactMobile: accountField((employer) => employer.contactMobile),
    staffCount: accountField((employer, context) => context.loaders.employerStaffCount.load(employer.creditCode)),
  },
  // The association owns training requests; the registry, which knows every institution's types, points
  // each at its course and session.
  TrainingRequest: {
    __resolveReference: (reference: TrainingRequestReference) => reference,
    course: (request: TrainingRequestReference) => ownedReference(request.courseId, 'course'),
    session: (request: TrainingRequestReference) => (request.sessionId ? ownedReference(request.sessionId, 'session') : null),
  },
};
