import type { InstitutionStatisticsResolvers } from '../generated/resolvers';
import { institution } from '@xueshi/institutions';

export const InstitutionStatistics: InstitutionStatisticsResolvers = {
  institution: (figures) => institution(figures.institution),
};
