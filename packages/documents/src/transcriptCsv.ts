import { REQUIRED_HOURS_PER_CYCLE, TOTAL_HOURS_PER_CYCLE } from '@xueshi/domain';
import { csvField } from './csvField';
import { formatHours } from './formatHours';
import { TRANSCRIPT_HEADERS, transcriptRows } from './transcriptRows';
import { TRANSCRIPT_TITLE, validateTranscriptInput, type TranscriptInput } from './TranscriptInput';
import { verdictText } from './verdictText';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * The transcript as CSV text: a byte-order mark so that Excel reads the UTF-8 as such, the course rows
 * under the PDF's column headers, then a blank line and the cycle totals, verdict and verification code
 * as name,value rows; CRLF line ends, RFC 4180 quoting, formula-looking cells prefixed with '. Encode
 * the string as UTF-8. Throws RangeError for invalid input (see validateTranscriptInput).
 */
export function transcriptCsv(input: TranscriptInput): string {
  validateTranscriptInput(input);
  const { cycle } = input;
  const records: string[][] = [[...TRANSCRIPT_HEADERS], ...transcriptRows(input), []];
  records.push(
    [TRANSCRIPT_TITLE],
    ['姓名', input.learnerName],
    ['身份证号码', input.idNumberMasked],
    ['工作单位', input.employer],
    ['考核周期', `${cycle.startYear}-${cycle.endYear}`],
    ['必修学时', formatHours(cycle.requiredHours)],
    ['选修学时', formatHours(cycle.electiveHours)],
    ['总学时', formatHours(cycle.totalHours)],
    ['必修学时要求', String(REQUIRED_HOURS_PER_CYCLE)],
    ['总学时要求', String(TOTAL_HOURS_PER_CYCLE)],
    ...cycle.years.map((year) => [`${year.year}年学时`, formatHours(year.hours)]),
    ['必修学时尚差', formatHours(cycle.requiredShortfall)],
    ['总学时尚差', formatHours(cycle.totalShortfall)],
    ['周期考核结论', verdictText(cycle)],
    ['出具日期', input.issuedOn],
    ['验证码', input.verificationCode],
    ['核验网址', input.verificationUrl],
  );
  return BOM + records.map((record) => record.map(csvField).join(',') + CRLF).join('');
}
