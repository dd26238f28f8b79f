import type { RegistrationFactsResolvers } from '../generated/resolvers';
import { factsCsv } from '../services/facts';

export const RegistrationFacts: RegistrationFactsResolvers = {
  csv: (answer) => factsCsv(answer),
};
