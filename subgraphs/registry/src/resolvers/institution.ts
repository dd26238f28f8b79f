import { INSTITUTIONS } from '@xueshi/institutions';
import type { Institution } from '@xueshi/institutions';
import type { Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import { profileReference } from './entities';

/** The institution with `code`, or null. */
export const institutionByCode = (code: string): Institution | null => INSTITUTIONS.find((entry) => entry.code === code) ?? null;

export const institutionResolvers: Resolvers<RegistryContext> = {
  Query: {
    institutions: () => INSTITUTIONS,
    institution: (_root: unknown, args: { code: string }) => institutionByCode(args.code),
  },
  Institution: {
    __resolveReference: (reference: { code: string }) => institutionByCode(reference.code),
    profile: (institution: Institution) => profileReference(institution.code),
  },
};
