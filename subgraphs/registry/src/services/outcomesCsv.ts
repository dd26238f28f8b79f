import { outcomeCsvRows } from '@xueshi/domain';
import { badInput } from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import type { RegistrationRow } from '../db/schema';
import { requireSessionStaff } from '../policy';
import { parseCsv } from './csv';
import { MAX_OUTCOMES } from './outcomes';
import type { Outcomes } from './outcomes';

/** A yes/no cell of an outcome upload, or BAD_USER_INPUT naming its row and column. */
function yesNo(value: boolean | null, row: number, column: string): boolean {
  if (value !== null) return value;
  throw badInput(
    { zh: `第 ${row} 行「${column}」应填“是”或“否”`, en: `Row ${row}: ${column} must be yes or no` },
    `csv.row${row}`,
  );
}

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
      const table = parseCsv(csv);
      if (table.length - 1 > MAX_OUTCOMES) {
        throw badInput(
          { zh: `CSV 最多 ${MAX_OUTCOMES} 行考核结果`, en: `The CSV may hold at most ${MAX_OUTCOMES} outcomes` },
          'csv',
        );
      }
      // The domain's reading of the file, the rule the portal checks an upload with before sending it.
      const read = outcomeCsvRows(table);
      if (read === null) {
        throw badInput(
          {
            zh: 'CSV 须包含列：报名编号、全程参加、考试合格',
            en: 'The CSV needs the columns registrationId, attendedFully, examPassed',
          },
          'csv',
        );
      }
      const rows = read.map((row) => ({
        registrationId: row.registrationId,
        attendedFully: yesNo(row.attendedFully, row.line, '全程参加'),
        examPassed: yesNo(row.examPassed, row.line, '考试合格'),
      }));
      return outcomes.reportOutcomes(caller, sessionId, rows);
    },
  };
}

export type OutcomesCsv = ReturnType<typeof createOutcomesCsv>;
