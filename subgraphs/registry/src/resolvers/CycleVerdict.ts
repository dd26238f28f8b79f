import { addCalendarDays, shanghaiDay, shanghaiYear, suggestSessions } from '@xueshi/domain';
import type { CycleVerdictResolvers } from '../generated/resolvers';
import { ownedReference } from './entityReferences';

export const CycleVerdict: CycleVerdictResolvers = {
  suggestions: async (cycle, _args, context) => {
    const now = context.clock.now();
    const thisYear = shanghaiYear(now);
    if (cycle.compliant || thisYear > cycle.endYear) return [];
    const years = [...new Set([thisYear, Number(addCalendarDays(shanghaiDay(now), 60).slice(0, 4))])].filter(
      (year) => year <= cycle.endYear,
    );
    const [offers, held] = await Promise.all([
      Promise.all(years.map((year) => context.services.directory.openSessions(year, now))).then((lists) => lists.flat()),
      context.loaders.registrationsByLearner.load(cycle.learner.id),
    ]);
    const open = [];
    for (const offer of offers) {
      if (offer.restrictedToEmployer !== null) continue;
      if (offer.capacity !== null && (await context.loaders.seatsTaken.load(offer.sessionId)) >= offer.capacity) continue;
      open.push(offer);
    }
    const inCycle = cycle.standing.filter((entry) => entry.year >= cycle.startYear && entry.year <= cycle.endYear);
    const active = held.filter((registration) => ['AWAITING_PAYMENT', 'PAID'].includes(registration.status));
    return suggestSessions({
      requiredShortfall: cycle.requiredShortfall,
      totalShortfall: cycle.totalShortfall,
      takenCourseTitles: [...inCycle, ...active].map((row) => row.courseTitle),
      offers: open,
    }).map((offer) => ({ ...offer, session: ownedReference(offer.sessionId, 'session') }));
  },
};
