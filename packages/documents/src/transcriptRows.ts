import { formatHours } from './formatHours';
import { categoryLabel, type TranscriptInput } from './TranscriptInput';

/** The transcript table's columns, shared by the PDF and the CSV. */
export const TRANSCRIPT_HEADERS = ['序号', '课程名称', '实施机构', '类别', '学时', '完成日期', '记录日期'] as const;

/** The transcript table's rows as printed, numbered from 1 in the order given; throws RangeError for invalid hours. */
export function transcriptRows(input: TranscriptInput): string[][] {
  return input.entries.map((entry, i) => [
    String(i + 1),
    entry.courseTitle,
    entry.institutionName,
    categoryLabel(entry.category),
    formatHours(entry.hours),
    entry.completedOn,
    entry.visibleFrom,
  ]);
}
