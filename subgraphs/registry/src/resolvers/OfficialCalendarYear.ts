import type { OfficialCalendarYearResolvers } from '../generated/resolvers';

export const OfficialCalendarYear: OfficialCalendarYearResolvers = {
  // Staff accounts are named for the registrar's audit, not for the public.
  loadedBy: (year, _args, context) => (context.caller?.role === 'REGISTRAR' ? year.loadedBy : null),
};
