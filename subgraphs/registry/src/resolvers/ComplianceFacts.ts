import type { ComplianceFactsResolvers } from '../generated/resolvers';
import { complianceFactsCsv } from '../services/facts';

export const ComplianceFacts: ComplianceFactsResolvers = {
  csv: (answer) => complianceFactsCsv(answer),
};
