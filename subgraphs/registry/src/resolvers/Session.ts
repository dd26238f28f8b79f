import type { SessionResolvers } from '../generated/resolvers';
import type { ConcreteTypename } from './entityReferences';
import { byTypename, ownedReference } from './entityReferences';

export const Session: SessionResolvers = {
  __resolveReference: (reference) => ownedReference(reference.id, 'session'),
  __resolveType: byTypename<ConcreteTypename<SessionResolvers>>,
};
