import type { InstitutionProfileResolvers } from '../generated/resolvers';
import type { ConcreteTypename } from './entityReferences';
import { byTypename, profileReference } from './entityReferences';

export const InstitutionProfile: InstitutionProfileResolvers = {
  __resolveReference: (reference) => profileReference(reference.code),
  __resolveType: byTypename<ConcreteTypename<InstitutionProfileResolvers>>,
};
