import type { InvoiceInput } from '../InvoiceInput';
import type { TranscriptEntry, TranscriptInput } from '../TranscriptInput';

const COURSES = [
  ['知识产权基础', '上海继续工程教育协会'],
  ['创新知识基础', '上海科技管理干部学院'],
  ['项目管理基础', '上海工程师学会'],
  ['人工智能及应用', '上海大学'],
  ['数据分析基础', '上海交通大学'],
  ['网络安全基础', '国培网'],
] as const;

/** `count` distinct entries short enough to print on one line each: 4.5 h every fourth, else 0.1 + 0.2 h. */
export function sampleEntries(count: number): TranscriptEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const [title, institution] = COURSES[i % COURSES.length] ?? COURSES[0];
    const month = String((i % 12) + 1).padStart(2, '0');
    return {
      courseTitle: `${title}（第${i + 1}讲）`,
      institutionName: institution,
      category: i % 6 === 5 ? 'ELECTIVE' : 'REQUIRED',
      hours: i % 4 === 0 ? 4.5 : 0.1 + 0.2,
      completedOn: `2022-${month}-${String((i % 28) + 1).padStart(2, '0')}`,
      visibleFrom: `2023-${month}-${String((i % 28) + 1).padStart(2, '0')}`,
    };
  });
}

/** A transcript for 张三 whose cycle 2021–2023 is short of hours, with `entries` as its rows. */
export function sampleTranscript(entries: TranscriptEntry[] = sampleEntries(5)): TranscriptInput {
  return {
    learnerName: '张三',
    idNumberMasked: '310***********123X',
    employer: '上海某某科技有限公司',
    issuedOn: '2024-01-05',
    verificationCode: 'XS7K-9QPM-2D4F',
    verificationUrl: 'https://xueshi.example.cn/verify',
    cycle: {
      startYear: 2021,
      endYear: 2023,
      requiredHours: 40.5,
      electiveHours: 30,
      totalHours: 70.5,
      compliant: false,
      requiredShortfall: 4.5,
      totalShortfall: 19.5,
      years: [
        { year: 2021, hours: 30 },
        { year: 2022, hours: 22.5 },
        { year: 2023, hours: 18 },
      ],
    },
    entries,
  };
}

/** An invoice from 上海交通大学 to an organisation for one 240-yuan course. */
export function sampleInvoice(): InvoiceInput {
  return {
    invoiceNumber: '24312000000012345678',
    issuedOn: '2021-03-02',
    seller: { name: '上海交通大学' },
    buyer: { kind: 'ORGANISATION', title: '上海某某科技有限公司', creditCode: '91310000132149237G' },
    items: [{ description: '公需科目培训费（数据分析基础）', amountFen: 24000 }],
    totalFen: 24000,
    paymentReference: 'PAY-20210302-000123',
  };
}
