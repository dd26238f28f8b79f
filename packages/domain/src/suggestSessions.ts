import type { Category } from './Category';

/** A session open for registration now, as a way to earn hours. */
export interface SessionOffer {
  sessionId: string;
  courseTitle: string;
  category: Category;
  hours: number;
  /** ISO instant; earlier sessions are suggested first. */
  startsAt: string;
}

export interface ShortfallSituation {
  requiredShortfall: number;
  totalShortfall: number;
  /** Courses that already count or are under way (completed in the cycle, or registered for): not suggested again. */
  takenCourseTitles: readonly string[];
  offers: readonly SessionOffer[];
}

const toUnits = (hours: number) => Math.round(hours * 3600);

/**
 * Sessions that would close a cycle's shortfall: first the earliest session of each required course not
 * yet taken, until the required shortfall is met; then courseware electives, longest first, and then
 * further required courses, until the total shortfall is met. One session per course. Returns [] when
 * nothing is short; never fails.
 */
export function suggestSessions(situation: ShortfallSituation): SessionOffer[] {
  const taken = new Set(situation.takenCourseTitles);
  const earliestPerCourse = new Map<string, SessionOffer>();
  for (const offer of [...situation.offers].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    if (!taken.has(offer.courseTitle) && !earliestPerCourse.has(offer.courseTitle))
      earliestPerCourse.set(offer.courseTitle, offer);
  }
  const required = [...earliestPerCourse.values()].filter((offer) => offer.category === 'REQUIRED');
  const electives = [...earliestPerCourse.values()]
    .filter((offer) => offer.category === 'ELECTIVE')
    .sort((a, b) => b.hours - a.hours || a.courseTitle.localeCompare(b.courseTitle));

  const chosen: SessionOffer[] = [];
  let requiredLeft = toUnits(situation.requiredShortfall);
  let totalLeft = toUnits(situation.totalShortfall);
  for (const offer of required) {
    if (requiredLeft <= 0) break;
    chosen.push(offer);
    requiredLeft -= toUnits(offer.hours);
    totalLeft -= toUnits(offer.hours);
  }
  for (const offer of [...electives, ...required.filter((offer) => !chosen.includes(offer))]) {
    if (totalLeft <= 0) break;
    chosen.push(offer);
    totalLeft -= toUnits(offer.hours);
  }
  return chosen;
}
