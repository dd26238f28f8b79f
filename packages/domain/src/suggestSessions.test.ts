import { describe, expect, it } from 'vitest';
import { suggestSessions } from './suggestSessions';
import type { Category } from './Category';
import type { SessionOffer } from './suggestSessions';

const offer = (sessionId: string, courseTitle: string, category: Category, hours: number, startsAt: string): SessionOffer => ({
  sessionId,
  courseTitle,
  category,
  hours,
  startsAt,
});

const offers = [
  offer('ai-2', '人工智能及应用', 'REQUIRED', 12, '2026-12-20T09:00:00+08:00'),
  offer('ai-1', '人工智能及应用', 'REQUIRED', 12, '2026-12-10T09:00:00+08:00'),
  offer('data-1', '数据分析基础', 'REQUIRED', 12, '2026-12-08T09:00:00+08:00'),
  offer('ip-1', '知识产权基础', 'REQUIRED', 6, '2026-12-15T09:00:00+08:00'),
  offer('ethics', '职业道德', 'ELECTIVE', 3, '2026-01-04T10:00:00+08:00'),
  offer('digital', '数字经济', 'ELECTIVE', 4.5, '2026-01-04T10:00:00+08:00'),
];

describe('suggestSessions', () => {
  it('suggests nothing when nothing is short', () => {
    expect(suggestSessions({ requiredShortfall: 0, totalShortfall: 0, takenCourseTitles: [], offers })).toEqual([]);
  });

  it('closes a required shortfall with the earliest session of each untaken required course', () => {
    const chosen = suggestSessions({ requiredShortfall: 15, totalShortfall: 15, takenCourseTitles: ['数据分析基础'], offers });
    expect(chosen.map((entry) => entry.sessionId)).toEqual(['ai-1', 'ip-1']);
  });

  it('fills the rest of a total shortfall with the longest electives first', () => {
    const chosen = suggestSessions({ requiredShortfall: 0, totalShortfall: 7, takenCourseTitles: [], offers });
    expect(chosen.map((entry) => entry.sessionId)).toEqual(['digital', 'ethics']);
  });

  it('falls back to required courses when electives are not enough, one session per course', () => {
    const chosen = suggestSessions({ requiredShortfall: 0, totalShortfall: 20, takenCourseTitles: [], offers });
    expect(chosen.map((entry) => entry.sessionId)).toEqual(['digital', 'ethics', 'data-1', 'ai-1']);
  });

  it('counts fractional hours exactly', () => {
    const chosen = suggestSessions({
      requiredShortfall: 0,
      totalShortfall: 0.3,
      takenCourseTitles: [],
      offers: [
        offer('a', 'A', 'ELECTIVE', 0.1, 'x'),
        offer('b', 'B', 'ELECTIVE', 0.2, 'x'),
        offer('c', 'C', 'ELECTIVE', 0.05, 'x'),
      ],
    });
    expect(chosen.map((entry) => entry.sessionId)).toEqual(['b', 'a']);
  });
});
