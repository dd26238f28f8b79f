import type { ProgrammeStatisticsResolvers } from '../generated/resolvers';
import { programmeCsv } from '../services/statistics';

export const ProgrammeStatistics: ProgrammeStatisticsResolvers = {
  csv: (figures) => programmeCsv(figures),
};
