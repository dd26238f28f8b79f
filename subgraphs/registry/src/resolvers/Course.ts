import type { CourseResolvers } from '../generated/resolvers';
import type { ConcreteTypename } from './entityReferences';
import { byTypename, ownedReference } from './entityReferences';

export const Course: CourseResolvers = {
  __resolveReference: (reference) => ownedReference(reference.id, 'course'),
  __resolveType: byTypename<ConcreteTypename<CourseResolvers>>,
};
