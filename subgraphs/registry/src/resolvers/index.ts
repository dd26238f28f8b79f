import { DateScalar, DateTimeScalar, mergeResolvers } from '@xueshi/subgraph-kit';
import type { Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import { accountResolvers } from './account';
import { catalogueResolvers } from './catalogue';
import { employerResolvers } from './employer';
import { entityResolvers } from './entities';
import { institutionResolvers } from './institution';
import { learnerResolvers } from './learner';
import { ledgerResolvers } from './ledger';

export const resolvers: Resolvers<RegistryContext> = mergeResolvers<RegistryContext>(
  { DateTime: DateTimeScalar, Date: DateScalar },
  entityResolvers,
  institutionResolvers,
  catalogueResolvers,
  learnerResolvers,
  accountResolvers,
  employerResolvers,
  ledgerResolvers,
);
