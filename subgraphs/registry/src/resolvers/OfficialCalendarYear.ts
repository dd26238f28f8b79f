import type { OfficialCalendarYearResolvers } from '../generated/resolvers';
import { isAllowed } from '../policy';

export const OfficialCalendarYear: OfficialCalendarYearResolvers = {
  // Staff accounts are named for the registrar's audit, not for the public.
  loadedBy: (year, _args, context) => (isAllowed('calendarLoading', context.caller) ? year.loadedBy : null),
};
