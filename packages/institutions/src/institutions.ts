/**
 * The institutions (实施机构) that run the programme. This list is the one place an institution is
 * added: the registry's entity types, the supergraph and the gateway's services all follow from it.
 */
export const INSTITUTION_CODES = [
  'association',
  'management-college',
  'engineers-society',
  'shu',
  'sjtu',
  'elective-provider',
] as const;

export type InstitutionCode = (typeof INSTITUTION_CODES)[number];

export interface Institution {
  code: InstitutionCode;
  /** Prefix of the institution's own GraphQL types, e.g. `Sjtu` for `SjtuSession`. */
  typePrefix: string;
  /** The Chinese name exactly as the plan writes it. */
  name: string;
  /** 牵头单位: the lead unit records everyone's credit hours. */
  isLeadUnit: boolean;
  /** What the plan says the institution runs. */
  runs: string;
  /** Its subgraph's port when the whole system runs on one machine; never reused. */
  defaultPort: number;
  /**
   * The two digits of its invoice numbers (20210500000001): printed on invoices already issued, so an
   * institution keeps its number for ever and a new one takes the next unused.
   */
  invoiceIssuerNumber: number;
}

export const INSTITUTIONS: readonly Institution[] = [
  {
    code: 'association',
    typePrefix: 'Association',
    name: '上海继续工程教育协会',
    isLeadUnit: true,
    runs: '知识产权基础',
    defaultPort: 4002,
    invoiceIssuerNumber: 1,
  },
  {
    code: 'management-college',
    typePrefix: 'ManagementCollege',
    name: '上海科技管理干部学院',
    isLeadUnit: false,
    runs: '创新知识基础',
    defaultPort: 4003,
    invoiceIssuerNumber: 2,
  },
  {
    code: 'engineers-society',
    typePrefix: 'EngineersSociety',
    name: '上海工程师学会',
    isLeadUnit: false,
    runs: '项目管理基础',
    defaultPort: 4004,
    invoiceIssuerNumber: 3,
  },
  {
    code: 'shu',
    typePrefix: 'Shu',
    name: '上海大学',
    isLeadUnit: false,
    runs: '人工智能及应用',
    defaultPort: 4005,
    invoiceIssuerNumber: 4,
  },
  {
    code: 'sjtu',
    typePrefix: 'Sjtu',
    name: '上海交通大学',
    isLeadUnit: false,
    runs: '数据分析基础',
    defaultPort: 4006,
    invoiceIssuerNumber: 5,
  },
  {
    code: 'elective-provider',
    typePrefix: 'ElectiveProvider',
    name: '国培网（北京创联教育投资有限公司）',
    isLeadUnit: false,
    runs: '网上课件学习课程（选修课）',
    defaultPort: 4007,
    invoiceIssuerNumber: 6,
  },
];

export function isInstitutionCode(value: string): value is InstitutionCode {
  return (INSTITUTION_CODES as readonly string[]).includes(value);
}

/** The institution with `code`; throws for a code that is not in the list. */
export function institution(code: string): Institution {
  const found = INSTITUTIONS.find((candidate) => candidate.code === code);
  if (!found) throw new RangeError(`Unknown institution: ${code}`);
  return found;
}
