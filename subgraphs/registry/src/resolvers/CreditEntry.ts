import { minutesToHours } from '@xueshi/domain';
import { institution } from '@xueshi/institutions';
import type { CreditEntryResolvers } from '../generated/resolvers';

export const CreditEntry: CreditEntryResolvers = {
  institutionName: (entry) => institution(entry.institution).name,
  institution: (entry) => institution(entry.institution),
  hours: (entry) => minutesToHours(entry.minutes),
  reverses: (entry, _args, context) => (entry.reverses ? context.loaders.creditEntry.load(entry.reverses) : null),
};
