import { parseDay, toEpochDay, tryParseDay } from './calendarDay';

const ID_PATTERN = /^(\d{2})\d{4}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

// GB/T 2260 province-level codes: 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71 (Taiwan), 81-82 (HK, Macau).
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/**
 * Whether `idNumber` is a GB 11643 resident ID number: 18 characters, a province-level region code,
 * a real birth date from 1900 on, and a correct check character (lower-case x accepted; surrounding
 * spaces are not, see normaliseIdNumber). Without `today` the birth date is not checked to be in the
 * past, since no function here reads the clock; with `today` (YYYY-MM-DD) it must be strictly before
 * it. Returns false for any invalid number; throws RangeError only for a malformed `today`.
 */
export function isValidIdNumber(idNumber: string, today?: string): boolean {
  const todayEpochDay = today === undefined ? undefined : toEpochDay(parseDay(today));
  if (typeof idNumber !== 'string') return false;
  const match = ID_PATTERN.exec(idNumber);
  if (!match) return false;
  const [, province = '', year = '', month = '', day = ''] = match;
  if (!PROVINCE_CODES.has(province)) return false;
  const birth = tryParseDay(`${year}-${month}-${day}`);
  if (!birth || birth.year < 1900) return false;
  if (todayEpochDay !== undefined && toEpochDay(birth) >= todayEpochDay) return false;
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17]?.toUpperCase();
}

/**
 * The GB 11643 check character for the first 17 digits of an ID number (upper-case X for ten); throws
 * RangeError when `first17` is not 17 digits.
 */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('An ID number check character needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}
