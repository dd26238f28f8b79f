import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';

interface CatalogueSession {
  id: string;
  startsAt: string;
  endsAt: string;
  deliveryMode: string;
  capacity: number | null;
  seatsTaken: number;
  registrationOpensAt: string;
}
interface CatalogueCourse {
  id: string;
  title: string;
  category: string;
  hours: number;
  days: number | null;
  feeFen: number;
  sessions: CatalogueSession[];
}
interface CatalogueInstitution {
  code: string;
  name: string;
  isLeadUnit: boolean;
  profile: {
    address: string | null;
    hotline: string | null;
    contacts: { name: string; phones: string[] }[];
    courses: CatalogueCourse[];
  } | null;
}

// Transcribed by hand from the plan (shared/seed/2021-shanghai-public-subjects-plan.md, 八 and 六), not
// from the code that seeds it, so a slip in either shows here.
const PLAN = [
  {
    code: 'association',
    name: '上海继续工程教育协会',
    isLeadUnit: true,
    address: '梅园路 77 号上海人才大厦 11 楼 1113 室',
    hotline: null,
    contacts: [
      { name: '王老师', phones: ['31263858-204'] },
      { name: '秦老师', phones: ['31263858-203'] },
      { name: '黄老师', phones: ['31263858-202'] },
      { name: '韩老师', phones: ['31263858-302'] },
      { name: '裴老师', phones: ['31263858-306'] },
    ],
    course: { title: '知识产权基础', hours: 6, days: 1, feeFen: 12000 },
  },
  {
    code: 'management-college',
    name: '上海科技管理干部学院',
    isLeadUnit: false,
    address: '嘉定区城中路 37 号上海科技管理干部学院对外培训处（10 号楼 401 室）',
    hotline: null,
    contacts: [
      { name: '于老师', phones: ['39188195', '18721889026'] },
      { name: '李老师', phones: ['39188196', '13681845846'] },
    ],
    course: { title: '创新知识基础', hours: 12, days: 2, feeFen: 24000 },
  },
  {
    code: 'engineers-society',
    name: '上海工程师学会',
    isLeadUnit: false,
    address: '雁荡路 84 号 2311 室',
    hotline: null,
    contacts: [
      { name: '陈老师', phones: ['53210069'] },
      { name: '吴老师', phones: ['53822040-23120'] },
    ],
    course: { title: '项目管理基础', hours: 12, days: 2, feeFen: 24000 },
  },
  {
    code: 'shu',
    name: '上海大学',
    isLeadUnit: false,
    address: '上海市广中路 788 号上海大学科技楼 816 室',
    hotline: null,
    contacts: [
      { name: '金老师', phones: ['18217464730', '56331932'] },
      { name: '钟老师', phones: ['56331894'] },
    ],
    course: { title: '人工智能及应用', hours: 12, days: 2, feeFen: 24000 },
  },
  {
    code: 'sjtu',
    name: '上海交通大学',
    isLeadUnit: false,
    address: '上海交通大学长宁校区(法华镇路 535 号)主楼 511 室',
    hotline: null,
    contacts: [
      { name: '高老师', phones: ['13641974129'] },
      { name: '王老师', phones: ['17721428497'] },
    ],
    course: { title: '数据分析基础', hours: 12, days: 2, feeFen: 24000 },
  },
];

const REGISTRATION_OPENS = Date.parse('2021-02-22T10:00:00+08:00');
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('Catalogue through the gateway', () => {
  let graph: TestGraph;
  let institutions: CatalogueInstitution[];

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
    const result = await graph.execute<{ institutions: CatalogueInstitution[] }>(contractOperation('Catalogue'), {
      year: 2021,
    });
    expect(result.errors).toBeUndefined();
    institutions = result.data?.institutions ?? [];
  });
  afterAll(() => graph?.close());

  it('lists the six institutions with their Chinese names, the association as lead unit', () => {
    expect(institutions.map(({ code, name, isLeadUnit }) => ({ code, name, isLeadUnit }))).toEqual([
      ...PLAN.map(({ code, name, isLeadUnit }) => ({ code, name, isLeadUnit })),
      { code: 'elective-provider', name: '国培网（北京创联教育投资有限公司）', isLeadUnit: false },
    ]);
  });

  it.each(PLAN)('gives $name its address, contacts and phones exactly as the plan writes them', (plan) => {
    const institution = institutions.find((entry) => entry.code === plan.code);
    expect(institution?.profile?.address).toBe(plan.address);
    expect(institution?.profile?.hotline).toBe(plan.hotline);
    expect(institution?.profile?.contacts).toEqual(plan.contacts);
  });

  it('gives the online elective provider its hotline and no address', () => {
    const provider = institutions.find((entry) => entry.code === 'elective-provider');
    expect(provider?.profile?.hotline).toBe('4006520666');
    expect(provider?.profile?.address).toBeNull();
    expect(provider?.profile?.contacts).toEqual([]);
  });

  it.each(PLAN)("runs $course.title at $name with the plan's hours, days and fee", (plan) => {
    const courses = institutions.find((entry) => entry.code === plan.code)?.profile?.courses ?? [];
    expect(courses.map(({ title, category, hours, days, feeFen }) => ({ title, category, hours, days, feeFen }))).toEqual([
      { ...plan.course, category: 'REQUIRED' },
    ]);
  });

  it.each(PLAN)('opens at least three 2021 sessions of $course.title across the year, none before 22 Feb 10:00', (plan) => {
    const [course] = institutions.find((entry) => entry.code === plan.code)?.profile?.courses ?? [];
    const sessions = course?.sessions ?? [];
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(sessions.map((session) => session.startsAt.slice(5, 7))).size).toBeGreaterThanOrEqual(3);
    for (const session of sessions) {
      expect(session.startsAt).toMatch(ISO_WITH_OFFSET);
      expect(session.endsAt).toMatch(ISO_WITH_OFFSET);
      expect(Date.parse(session.registrationOpensAt)).toBeGreaterThanOrEqual(REGISTRATION_OPENS);
      expect(Date.parse(session.endsAt)).toBeGreaterThan(Date.parse(session.startsAt));
      expect(['LIVE_ONLINE', 'FACE_TO_FACE']).toContain(session.deliveryMode);
      expect(session.capacity).toBeGreaterThan(0);
      expect(session.seatsTaken).toBe(0);
    }
  });

  it('offers at least ten courseware electives with their actual hours, some fractional', () => {
    const courses = institutions.find((entry) => entry.code === 'elective-provider')?.profile?.courses ?? [];
    expect(courses.length).toBeGreaterThanOrEqual(10);
    expect(courses.some((course) => !Number.isInteger(course.hours))).toBe(true);
    for (const course of courses) {
      expect(course.category).toBe('ELECTIVE');
      expect(course.days).toBeNull();
      expect(course.sessions).toHaveLength(1);
      expect(course.sessions[0]?.deliveryMode).toBe('ONLINE_COURSEWARE');
      expect(course.sessions[0]?.capacity).toBeNull();
    }
  });
});
