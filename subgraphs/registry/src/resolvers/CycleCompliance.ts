import type { CycleComplianceResolvers } from '../generated/resolvers';
import { complianceCsv } from '../services/statistics';

export const CycleCompliance: CycleComplianceResolvers = {
  csv: (figures) => complianceCsv(figures),
};
