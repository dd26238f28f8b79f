import type { InstitutionResolvers } from '../generated/resolvers';
import { institutionByCode, profileReference } from './entityReferences';

export const Institution: InstitutionResolvers = {
  __resolveReference: (reference) => institutionByCode(reference.code),
  profile: (institution) => profileReference(institution.code),
};
