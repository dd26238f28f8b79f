import { DocumentWriter, type TableColumn } from './DocumentWriter';
import { formatHours } from './formatHours';
import { loadFonts } from './fonts';
import { requireDay, requireText } from './requireText';

/** The form's title, as the plan names it. */
export const TRAINING_REQUEST_FORM_TITLE = '公需科目继续教育培训需求表';

/** What an employer filed: everything the form prints. */
export interface TrainingRequestFormInput {
  requestId: string;
  employerName: string;
  creditCode: string;
  courseTitle: string;
  /** The institution that runs the course. */
  institutionName: string;
  hours: number;
  firstDay: string;
  lastDay: string;
  headcount: number;
  venue: string;
  contactName: string;
  contactMobile: string;
  /** The day it was filed, YYYY-MM-DD in Asia/Shanghai. */
  filedOn: string;
}

function validate(input: TrainingRequestFormInput): void {
  for (const field of [
    'requestId',
    'employerName',
    'creditCode',
    'courseTitle',
    'institutionName',
    'venue',
    'contactName',
    'contactMobile',
  ] as const) {
    requireText(input[field], field);
  }
  for (const field of ['firstDay', 'lastDay', 'filedOn'] as const) requireDay(input[field], field);
  if (!Number.isInteger(input.headcount) || input.headcount < 1) throw new RangeError('headcount must be a positive integer');
  if (!(input.hours > 0)) throw new RangeError('hours must be positive');
}

/**
 * The 《公需科目继续教育培训需求表》 an employer files, pre-filled from its request, as A4 PDF bytes with room
 * for the unit's stamp (加盖公章) and the date: printed, stamped, scanned and uploaded back. Rejects with
 * RangeError for input missing a field, and with the underlying error if the fonts cannot be read.
 */
export async function renderTrainingRequestForm(input: TrainingRequestFormInput): Promise<Buffer> {
  validate(input);
  const fonts = await loadFonts();
  const w = new DocumentWriter(fonts, {
    title: `${TRAINING_REQUEST_FORM_TITLE} ${input.requestId}`,
    subject: TRAINING_REQUEST_FORM_TITLE,
    issuedOn: input.filedOn,
    size: 'A4',
    layout: 'portrait',
    margin: 56,
    footerHeight: 18,
  });
  const width = w.contentWidth;

  w.paragraph(TRAINING_REQUEST_FORM_TITLE, { size: 18, bold: true, align: 'center', gapAfter: 4 });
  w.paragraph('（单位自行组织面授培训 · 报送上海继续工程教育协会）', { size: 10, align: 'center', gapAfter: 10 });
  w.pair(`需求编号：${input.requestId}`, `填报日期：${input.filedOn}`, { size: 9.5 });
  w.gap(4);

  const columns: TableColumn[] = [
    { header: '项目', width: 130 },
    { header: '内容', width: width - 130 },
  ];
  const period = input.firstDay === input.lastDay ? input.firstDay : `${input.firstDay} 至 ${input.lastDay}`;
  w.table(
    columns,
    [
      ['单位名称', input.employerName],
      ['统一社会信用代码', input.creditCode],
      ['培训课程', `${input.courseTitle}（必修，${formatHours(input.hours)} 学时）`],
      ['课程实施机构', input.institutionName],
      ['培训日期', period],
      ['预计参训人数', `${input.headcount} 人`],
      ['培训地点', input.venue],
      ['联系人', input.contactName],
      ['联系电话', input.contactMobile],
      ['授课教师', '由上海继续工程教育协会统一安排师资'],
    ],
    { size: 10.5 },
  );
  w.gap(16);
  w.paragraph('本单位承诺：以上信息真实；参训人员均为本单位专业技术人员，并已在系统中登记其身份证号码。', { size: 10.5 });
  w.gap(40);
  w.pair('单位（盖章）：', '日期：　　　年　　月　　日', { size: 10.5 });
  w.gap(24);
  w.paragraph('请打印本表，加盖单位公章后扫描（PDF、JPEG 或 PNG，不超过 5 MB），在系统中上传。', { size: 9, color: '#555555' });

  return w.finish((page, pageCount) => `需求编号 ${input.requestId}    第 ${page} 页，共 ${pageCount} 页`);
}
