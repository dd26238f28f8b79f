import { forbidden } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import type { EmployerRow } from '../db/schema';
import type { EmployerResolvers } from '../generated/resolvers';
import { isAllowed } from '../policy';

const accountField =
  <Value>(read: (employer: EmployerRow, context: RegistryContext) => Value) =>
  (employer: EmployerRow, _args: unknown, context: RegistryContext): Value => {
    // FORBIDDEN without a token too: whoever reached the employer may see it, not these fields.
    if (!isAllowed('employerAccount', context.caller, { employer: employer.creditCode })) throw forbidden();
    return read(employer, context);
  };

export const Employer: EmployerResolvers = {
  __resolveReference: (reference, context) => context.loaders.employer.load(reference.creditCode),
  id: (employer) => employer.creditCode,
  contactName: accountField((employer) => employer.contactName),
  contactMobile: accountField((employer) => employer.contactMobile),
  staffCount: accountField((employer, context) => context.loaders.employerStaffCount.load(employer.creditCode)),
};
