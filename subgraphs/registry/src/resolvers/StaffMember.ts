import type { StaffMemberResolvers } from '../generated/resolvers';
import { institutionByCode } from './entityReferences';

export const StaffMember: StaffMemberResolvers = {
  institution: (member) => (member.institution ? institutionByCode(member.institution) : null),
};
