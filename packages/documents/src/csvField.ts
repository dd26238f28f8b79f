// Spreadsheets run a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...,
// @SUM(...)); tab and carriage return are on OWASP's list for the same reason.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: prefixed with ' when a spreadsheet would read it as a formula, then quoted per RFC
 * 4180 (inner quotes doubled) when it holds a comma, quote or line break; never throws.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
