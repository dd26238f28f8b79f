import { ownedId } from '@xueshi/institutions';
import { SAMPLE_COURSEWARE, demoProgrammeYears } from '@xueshi/institutions/demo';
import type { Courseware } from '@xueshi/institutions/demo';
import { PLAN_COURSE, coursewareSession, seedInstitution } from '@xueshi/institutions/subgraph';
import type { CourseRow, CourseSeed } from '@xueshi/institutions/subgraph';
import type { Clock, Database, SeedLevel } from '@xueshi/subgraph-kit';

function coursewareCourse(year: number, courseware: Courseware, position: number): CourseRow {
  return {
    id: ownedId('elective-provider', 'course', `${year}-${courseware.key}`),
    year,
    position,
    title: courseware.title,
    category: 'ELECTIVE',
    days: null,
    minutes: courseware.minutes,
    feeFen: courseware.feeFen,
    description: '网上课件学习课程（样例数据）：须在购买当年 12 月 31 日前修完，逾期失效且不退费。',
    isSample: true,

    ...PLAN_COURSE,
  };
}

/** The courseware courses of `year`, each with its one session: what the scale data (bench/scale.ts) loads too. */
export function yearOfCourseware(year: number): CourseSeed[] {
  return SAMPLE_COURSEWARE.map((courseware, position) => {
    const course = coursewareCourse(year, courseware, position);
    return { course, sessions: [coursewareSession(course)] };
  });
}

/** The 2021 courseware; with `demo`, also that of the demo's other years (history, this year, upcoming). */
export async function seed(database: Database, level: SeedLevel, clock: Clock): Promise<void> {
  const years = level === 'demo' ? demoProgrammeYears(clock.now()) : [2021];
  await seedInstitution(database.db, 'elective-provider', years.flatMap(yearOfCourseware));
}
