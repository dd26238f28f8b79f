import { splitCsv } from '@xueshi/domain';
import { badInput } from '@xueshi/subgraph-kit';

/** RFC 4180 CSV as rows of cells (domain's splitCsv); BAD_USER_INPUT for an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const rows = splitCsv(text);
  if (rows === null) throw badInput({ zh: 'CSV 文件中有未闭合的引号', en: 'The CSV has an unterminated quote' }, 'csv');
  return rows;
}

/** One CSV cell as a field value: protects spreadsheets from formula injection. */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A CSV document Excel opens as UTF-8 (so Chinese shows correctly): a BOM, guarded cells, CRLF lines. */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
