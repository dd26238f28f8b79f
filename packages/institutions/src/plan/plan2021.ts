import type { Category } from '@xueshi/domain';
import type { InstitutionCode } from '../institutions';

/**
 * The facts of the official 2021 plan (shared/seed/2021-shanghai-public-subjects-plan.md, beside the
 * repository), exactly as it writes them. Seeds and tests both read this; nothing here is invented.
 */

interface PlanContact {
  name: string;
  /** Exactly as written: "31263858-204" is a Shanghai landline with extension 204. */
  phones: string[];
}

interface PlanProfile {
  address: string | null;
  hotline: string | null;
  contacts: PlanContact[];
}

interface PlanCourse {
  /** The course's local id within its institution and year, e.g. `data` for `sjtu:course:2021-data`. */
  key: string;
  title: string;
  category: Category;
  days: number;
  /** 学时 as whole minutes: 6 hours is 360. */
  minutes: number;
  /** 元 × 100, textbook included. */
  feeFen: number;
}

export const PLAN_YEAR = 2021;

/** 公需科目在线直播课程报名将于 2 月 22 日 10 点开始. */
export const PLAN_REGISTRATION_OPENS_AT = '2021-02-22T10:00:00+08:00';

export const PLAN_PROFILES: Record<InstitutionCode, PlanProfile> = {
  association: {
    address: '梅园路 77 号上海人才大厦 11 楼 1113 室',
    hotline: null,
    contacts: [
      { name: '王老师', phones: ['31263858-204'] },
      { name: '秦老师', phones: ['31263858-203'] },
      { name: '黄老师', phones: ['31263858-202'] },
      { name: '韩老师', phones: ['31263858-302'] },
      { name: '裴老师', phones: ['31263858-306'] },
    ],
  },
  'management-college': {
    address: '嘉定区城中路 37 号上海科技管理干部学院对外培训处（10 号楼 401 室）',
    hotline: null,
    contacts: [
      { name: '于老师', phones: ['39188195', '18721889026'] },
      { name: '李老师', phones: ['39188196', '13681845846'] },
    ],
  },
  'engineers-society': {
    address: '雁荡路 84 号 2311 室',
    hotline: null,
    contacts: [
      { name: '陈老师', phones: ['53210069'] },
      { name: '吴老师', phones: ['53822040-23120'] },
    ],
  },
  shu: {
    address: '上海市广中路 788 号上海大学科技楼 816 室',
    hotline: null,
    contacts: [
      { name: '金老师', phones: ['18217464730', '56331932'] },
      { name: '钟老师', phones: ['56331894'] },
    ],
  },
  sjtu: {
    address: '上海交通大学长宁校区(法华镇路 535 号)主楼 511 室',
    hotline: null,
    contacts: [
      { name: '高老师', phones: ['13641974129'] },
      { name: '王老师', phones: ['17721428497'] },
    ],
  },
  'elective-provider': {
    address: null,
    hotline: '4006520666',
    contacts: [],
  },
};

/** The five required live courses: 知识产权基础 1 day, 6 hours, 120 yuan; the others 2 days, 12 hours, 240 yuan. */
export const PLAN_REQUIRED_COURSES: Partial<Record<InstitutionCode, PlanCourse>> = {
  association: { key: 'ip', title: '知识产权基础', category: 'REQUIRED', days: 1, minutes: 6 * 60, feeFen: 12_000 },
  'management-college': {
    key: 'innovation',
    title: '创新知识基础',
    category: 'REQUIRED',
    days: 2,
    minutes: 12 * 60,
    feeFen: 24_000,
  },
  'engineers-society': { key: 'pm', title: '项目管理基础', category: 'REQUIRED', days: 2, minutes: 12 * 60, feeFen: 24_000 },
  shu: { key: 'ai', title: '人工智能及应用', category: 'REQUIRED', days: 2, minutes: 12 * 60, feeFen: 24_000 },
  sjtu: { key: 'data', title: '数据分析基础', category: 'REQUIRED', days: 2, minutes: 12 * 60, feeFen: 24_000 },
};
