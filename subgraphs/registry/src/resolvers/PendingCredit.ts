import { minutesToHours } from '@xueshi/domain';
import { institution } from '@xueshi/institutions';
import type { PendingCreditResolvers } from '../generated/resolvers';

export const PendingCredit: PendingCreditResolvers = {
  institutionName: (entry) => institution(entry.institution).name,
  hours: (entry) => minutesToHours(entry.minutes),
  awaitingCalendarYear: (entry) => entry.pendingCalendarYear,
};
