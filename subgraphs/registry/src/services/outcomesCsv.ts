import { badInput } from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import type { RegistrationRow } from '../db/schema';
import { requireSessionStaff } from '../policy';
import { parseCsv } from './csv';
import { MAX_OUTCOMES } from './outcomes';
import type { Outcomes } from './outcomes';

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '合格', '通过']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '不合格', '未通过', '']);

function yesNo(value: string, row: number, column: string): boolean {
  const normalised = value.trim().toLowerCase();
  if (YES.has(normalised)) return true;
  if (NO.has(normalised)) return false;
  throw badInput(
    { zh: `第 ${row} 行「${column}」应填“是”或“否”`, en: `Row ${row}: ${column} must be yes or no` },
    `csv.row${row}`,
  );
}

const COLUMNS = {
  registrationId: ['报名编号', 'registrationid', 'registration id', 'registration'],
  attendedFully: ['全程参加', 'attendedfully', 'attended fully', 'attended'],
  examPassed: ['考试合格', 'exampassed', 'exam passed', 'passed'],
};

/** A roster's outcomes read from the spreadsheet rosterCsv gives, then reported as reportOutcomes reports them. */
export function createOutcomesCsv(outcomes: Pick<Outcomes, 'reportOutcomes'>) {
  return {
    /**
     * The outcomes of a roster from a spreadsheet: CSV with columns 报名编号 (or registrationId), 全程参加 and 考试合格
     * (是/否, yes/no, 1/0), one row per registration, header first.
     */
    reportOutcomesCsv: async (caller: Caller | null, sessionId: string, csv: string): Promise<RegistrationRow[]> => {
      // Whoever may not report for the session is refused before the file is read.
      requireSessionStaff(caller, sessionId);
      const [header, ...body] = parseCsv(csv);
      if (body.length > MAX_OUTCOMES) {
        throw badInput(
          { zh: `CSV 最多 ${MAX_OUTCOMES} 行考核结果`, en: `The CSV may hold at most ${MAX_OUTCOMES} outcomes` },
          'csv',
        );
      }
      const names = (header ?? []).map((cell) => cell.trim().toLowerCase());
      const columnOf = (aliases: string[]) => names.findIndex((name) => aliases.includes(name));
      const columns = {
        registrationId: columnOf(COLUMNS.registrationId),
        attendedFully: columnOf(COLUMNS.attendedFully),
        examPassed: columnOf(COLUMNS.examPassed),
      };
      if (Object.values(columns).some((index) => index < 0)) {
        throw badInput(
          {
            zh: 'CSV 须包含列：报名编号、全程参加、考试合格',
            en: 'The CSV needs the columns registrationId, attendedFully, examPassed',
          },
          'csv',
        );
      }
      const rows = body.map((cells, index) => ({
        registrationId: (cells[columns.registrationId] ?? '').trim(),
        attendedFully: yesNo(cells[columns.attendedFully] ?? '', index + 2, '全程参加'),
        examPassed: yesNo(cells[columns.examPassed] ?? '', index + 2, '考试合格'),
      }));
      return outcomes.reportOutcomes(caller, sessionId, rows);
    },
  };
}

export type OutcomesCsv = ReturnType<typeof createOutcomesCsv>;
