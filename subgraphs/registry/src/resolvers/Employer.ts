import { forbidden } from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import type { EmployerRow } from '../db/schema';
import type { EmployerResolvers } from '../generated/resolvers';

/** Whether `caller` may read what an employer's account holds beyond its name: the employer itself and the registrar. */
const readsEmployerAccount = (caller: Caller | null, employer: EmployerRow): boolean =>
  caller?.role === 'REGISTRAR' || (caller?.role === 'EMPLOYER' && caller.subject === employer.creditCode);

const accountField =
  <Value>(read: (employer: EmployerRow, context: RegistryContext) => Value) =>
  (employer: EmployerRow, _args: unknown, context: RegistryContext): Value => {
    if (!readsEmployerAccount(context.caller, employer)) throw forbidden();
    return read(employer, context);
  };

export const Employer: EmployerResolvers = {
  __resolveReference: (reference, context) => context.loaders.employer.load(reference.creditCode),
  id: (employer) => employer.creditCode,
  contactName: accountField((employer) => employer.contactName),
  contactMobile: accountField((employer) => employer.contactMobile),
  staffCount: accountField((employer, context) => context.loaders.employerStaffCount.load(employer.creditCode)),
};
