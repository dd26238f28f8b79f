import { REQUIRED_HOURS_PER_CYCLE, TARGET_HOURS_PER_YEAR, TOTAL_HOURS_PER_CYCLE } from '@xueshi/domain';
import { DocumentWriter, type TableColumn } from './DocumentWriter';
import { loadFonts } from './fonts';
import { formatHours } from './formatHours';
import { TRANSCRIPT_HEADERS, transcriptRows } from './transcriptRows';
import { TRANSCRIPT_SUBTITLE, TRANSCRIPT_TITLE, validateTranscriptInput, type TranscriptInput } from './TranscriptInput';
import { verdictText } from './verdictText';

const COLUMN_WIDTHS = [30, 141, 124, 34, 36, 65, 65] as const;
const COLUMN_ALIGN = ['center', 'left', 'left', 'center', 'right', 'center', 'center'] as const;

/**
 * The learner's transcript (上海市专业技术人员继续教育学时记录) as A4 PDF bytes with Chinese text that
 * extracts exactly; rejects with RangeError for invalid input (see validateTranscriptInput) and with the
 * underlying error if the font package cannot be read.
 */
export async function renderTranscript(input: TranscriptInput): Promise<Buffer> {
  validateTranscriptInput(input);
  const fonts = await loadFonts();
  const w = new DocumentWriter(fonts, {
    title: TRANSCRIPT_TITLE,
    subject: TRANSCRIPT_SUBTITLE,
    issuedOn: input.issuedOn,
    size: 'A4',
    layout: 'portrait',
    margin: 50,
    footerHeight: 24,
  });
  const { cycle } = input;

  w.paragraph(TRANSCRIPT_TITLE, { size: 18, bold: true, align: 'center', gapAfter: 2 });
  w.paragraph(`（${TRANSCRIPT_SUBTITLE}）`, { size: 10, align: 'center', color: '#444444', gapAfter: 12 });

  w.paragraph(`姓名：${input.learnerName}`);
  w.paragraph(`身份证号码：${input.idNumberMasked}`);
  w.paragraph(`工作单位：${input.employer}`, { gapAfter: 10 });

  const columns: TableColumn[] = TRANSCRIPT_HEADERS.map((header, i) => ({
    header,
    width: COLUMN_WIDTHS[i] ?? 0,
    align: COLUMN_ALIGN[i] ?? 'left',
  }));
  w.table(columns, transcriptRows(input), { emptyText: '暂无学时记录' });

  w.gap(14);
  w.ensureSpace(150);
  w.paragraph(`周期学时汇总（${cycle.startYear}—${cycle.endYear} 年）`, { size: 12, bold: true, gapAfter: 6 });
  w.paragraph(`必修学时：${formatHours(cycle.requiredHours)} 学时（要求不少于 ${REQUIRED_HOURS_PER_CYCLE} 学时）`);
  w.paragraph(`选修学时：${formatHours(cycle.electiveHours)} 学时`);
  w.paragraph(`总学时：${formatHours(cycle.totalHours)} 学时（要求不少于 ${TOTAL_HOURS_PER_CYCLE} 学时）`);
  if (cycle.years.length > 0) {
    const years = cycle.years.map((year) => `${year.year} 年 ${formatHours(year.hours)} 学时`).join('；');
    w.paragraph(`分年度学时：${years}（年度目标 ${TARGET_HOURS_PER_YEAR} 学时，仅供参考）`);
  }
  w.paragraph(`周期考核结论：${verdictText(cycle)}`, { bold: true, gapAfter: 2 });
  w.paragraph('注：必修课学时可以抵扣选修课学时，选修课学时不能抵扣必修课学时。', { size: 9, color: '#444444', gapAfter: 14 });

  w.ensureSpace(90);
  w.rule('#888888');
  w.paragraph(`出具日期：${input.issuedOn}`);
  w.paragraph(`验证码：${input.verificationCode}`, { bold: true });
  w.paragraph(`核验网址：${input.verificationUrl}`);
  w.paragraph('核验方式：访问上述核验网址并输入验证码，即可核验本学时记录的真实性。', { size: 9, color: '#444444' });

  return w.finish((page, pageCount) => `验证码 ${input.verificationCode}    第 ${page} 页，共 ${pageCount} 页`);
}
