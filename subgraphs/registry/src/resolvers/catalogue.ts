import type { Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import { ownedReference } from './entities';

export const catalogueResolvers: Resolvers<RegistryContext> = {
  Query: {
    course: (_root: unknown, args: { id: string }) => ownedReference(args.id, 'course'),
    session: (_root: unknown, args: { id: string }) => ownedReference(args.id, 'session'),
    programmeYear: (_root: unknown, args: { year: number }, context: RegistryContext) =>
      context.loaders.programmeYear.load(args.year),
  },
};
