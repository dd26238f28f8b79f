import { addCalendarDays, BUILT_IN_CALENDAR, firstWorkingRun, shanghaiDay, shanghaiYear } from '@xueshi/domain';
import type { InstitutionCode } from '../institutions';

/**
 * The demo learner of the embedded demo (ID number 310115198503121234, password xueshi-demo) and the
 * 2021–2023 history they hold. Institution seeds create these sessions and the registry seeds the
 * learner's registrations, outcomes and credit entries for them, so both sides read this one list.
 */
export const DEMO_PASSWORD = 'xueshi-demo';

export const DEMO_LEARNER = {
  idNumber: '310115198503121234',
  name: '张伟',
  mobile: '13912345678',
  employer: '上海华东电力设计院有限公司',
} as const;

/**
 * The demo employer (password xueshi-demo), which runs one face-to-face session itself and lists the
 * demo learner as its staff. Its credit code is made up, with a valid GB 32100 check character.
 */
export const DEMO_EMPLOYER = {
  creditCode: '913100001322153413',
  name: '上海电气集团股份有限公司',
  contactName: '李明',
  contactMobile: '13812345678',
} as const;

export type DemoHistoryItem =
  | {
      kind: 'live';
      institution: InstitutionCode;
      /** The course's key within its institution and year, as in PLAN_REQUIRED_COURSES. */
      courseKey: string;
      year: number;
      /** The session's first training day; its days follow on consecutive days. */
      firstDay: string;
    }
  | {
      kind: 'courseware';
      institution: 'elective-provider';
      courseKey: string;
      year: number;
      /** The day the learner finished the courseware. */
      completedOn: string;
    };

export const DEMO_HISTORY: readonly DemoHistoryItem[] = [
  { kind: 'live', institution: 'association', courseKey: 'ip', year: 2021, firstDay: '2021-05-20' },
  { kind: 'live', institution: 'shu', courseKey: 'ai', year: 2021, firstDay: '2021-09-16' },
  { kind: 'courseware', institution: 'elective-provider', courseKey: 'ethics', year: 2021, completedOn: '2021-07-08' },
  { kind: 'courseware', institution: 'elective-provider', courseKey: 'digital-economy', year: 2021, completedOn: '2021-11-23' },
  { kind: 'live', institution: 'sjtu', courseKey: 'data', year: 2022, firstDay: '2022-04-14' },
  { kind: 'live', institution: 'management-college', courseKey: 'innovation', year: 2022, firstDay: '2022-09-22' },
  { kind: 'courseware', institution: 'elective-provider', courseKey: 'carbon-neutrality', year: 2022, completedOn: '2022-06-15' },
  { kind: 'courseware', institution: 'elective-provider', courseKey: 'big-data-literacy', year: 2022, completedOn: '2022-10-26' },
  { kind: 'live', institution: 'engineers-society', courseKey: 'pm', year: 2023, firstDay: '2023-03-16' },
  { kind: 'courseware', institution: 'elective-provider', courseKey: 'mental-health', year: 2023, completedOn: '2023-05-11' },
];

/** The staff accounts of the embedded demo, all with DEMO_PASSWORD. */
export const DEMO_STAFF_USERNAMES = ['registrar', 'analyst'] as const;

/** How long the demo's courses run, in days: its sessions' days must all be working days. */
const LONGEST_COURSE_DAYS = 2;

/**
 * First days of upcoming demo sessions, counted from `now`: about 10, 24 and 38 days ahead, moved on to
 * the next day that starts two working days. None where that runs into a year whose official calendar
 * is not held: a session there could fall on a holiday nobody has announced yet.
 */
export function upcomingFirstDays(now: Date): string[] {
  const today = shanghaiDay(now);
  const days = [10, 24, 38].flatMap((offset) => {
    const first = firstWorkingRun(BUILT_IN_CALENDAR, addCalendarDays(today, offset), LONGEST_COURSE_DAYS);
    return first === null ? [] : [first];
  });
  return [...new Set(days)];
}

/** The programme years the demo covers at `now`: the history's, this year, and any an upcoming session falls in. */
export function demoProgrammeYears(now: Date): number[] {
  const years = [2021, 2022, 2023, shanghaiYear(now), ...upcomingFirstDays(now).map((day) => Number(day.slice(0, 4)))];
  return [...new Set(years)].sort((a, b) => a - b);
}
