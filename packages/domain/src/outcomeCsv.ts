/**
 * Splits RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM) into rows of cells,
 * leaving out blank rows; null when a quote is never closed.
 */
export function splitCsv(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < input.length; index += 1) {
    const char = input[index];
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (quoted) return null;
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value.trim() !== ''));
}

/** The header names each column of an outcome upload may have (the roster CSV writes the first). */
export const OUTCOME_CSV_COLUMNS = {
  registrationId: ['报名编号', 'registrationid', 'registration id', 'registration'],
  attendedFully: ['全程参加', 'attendedfully', 'attended fully', 'attended'],
  examPassed: ['考试合格', 'exampassed', 'exam passed', 'passed'],
} as const;

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '合格', '通过']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '不合格', '未通过', '']);

/** 是/否 (yes/no, 1/0, …) as a boolean; null for anything else. */
export function outcomeYesNo(value: string): boolean | null {
  const normalised = value.trim().toLowerCase();
  return YES.has(normalised) ? true : NO.has(normalised) ? false : null;
}

/** One row of an outcome upload; a yes/no cell that is neither is null. */
export interface OutcomeCsvRow {
  /** The row's number in the file as a spreadsheet shows it: the header is 1. */
  line: number;
  registrationId: string;
  attendedFully: boolean | null;
  examPassed: boolean | null;
}

/**
 * The rows of an outcome upload (header first, then one row per registration), or null when the header
 * lacks one of the columns 报名编号, 全程参加 and 考试合格.
 */
export function outcomeCsvRows(rows: readonly (readonly string[])[]): OutcomeCsvRow[] | null {
  const [header, ...body] = rows;
  const names = (header ?? []).map((cell) => cell.trim().toLowerCase());
  const columnOf = (aliases: readonly string[]) => names.findIndex((name) => aliases.includes(name));
  const registrationId = columnOf(OUTCOME_CSV_COLUMNS.registrationId);
  const attendedFully = columnOf(OUTCOME_CSV_COLUMNS.attendedFully);
  const examPassed = columnOf(OUTCOME_CSV_COLUMNS.examPassed);
  if (registrationId < 0 || attendedFully < 0 || examPassed < 0) return null;
  return body.map((cells, index) => ({
    line: index + 2,
    registrationId: (cells[registrationId] ?? '').trim(),
    attendedFully: outcomeYesNo(cells[attendedFully] ?? ''),
    examPassed: outcomeYesNo(cells[examPassed] ?? ''),
  }));
}
