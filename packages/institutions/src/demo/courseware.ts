export interface Courseware {
  key: string;
  title: string;
  /** Actual courseware length in whole minutes: 270 is 4.5 hours. */
  minutes: number;
  feeFen: number;
}

/**
 * Sample courseware (选修课): the plan names no titles, so these are illustrative and labelled as
 * samples; hours are the courseware's actual length, some of them fractional.
 */
export const SAMPLE_COURSEWARE: readonly Courseware[] = [
  { key: 'ethics', title: '专业技术人员职业道德与诚信建设', minutes: 180, feeFen: 3_000 },
  { key: 'digital-economy', title: '数字经济与数字化转型', minutes: 270, feeFen: 4_500 },
  { key: 'yangtze-delta', title: '长三角一体化发展战略解读', minutes: 150, feeFen: 2_500 },
  { key: 'carbon-neutrality', title: '碳达峰碳中和政策与实践', minutes: 180, feeFen: 3_000 },
  { key: 'cybersecurity', title: '网络安全与个人信息保护', minutes: 120, feeFen: 2_000 },
  { key: 'mental-health', title: '心理健康与压力管理', minutes: 90, feeFen: 1_500 },
  { key: 'research-integrity', title: '科研诚信与学术规范', minutes: 120, feeFen: 2_000 },
  { key: 'high-quality-development', title: '新发展理念与高质量发展', minutes: 240, feeFen: 4_000 },
  { key: 'big-data-literacy', title: '大数据时代的信息素养', minutes: 210, feeFen: 3_500 },
  { key: 'blockchain', title: '区块链技术及应用概述', minutes: 150, feeFen: 2_500 },
  { key: 'communication', title: '沟通协作与团队效能', minutes: 72, feeFen: 1_200 },
  { key: 'public-health-emergency', title: '突发公共卫生事件应对', minutes: 108, feeFen: 1_800 },
];

/** The sample courseware with `key`; throws for a key not in the list. */
export function sampleCourseware(key: string): Courseware {
  const found = SAMPLE_COURSEWARE.find((courseware) => courseware.key === key);
  if (!found) throw new RangeError(`Unknown courseware: ${key}`);
  return found;
}
