import { isCategory, type Category, type CycleVerdict } from '@xueshi/domain';
import { formatHours } from './formatHours';
import { requireDay, requireText } from './requireText';

/** The document's title, as the plan names it. */
export const TRANSCRIPT_TITLE = '上海市专业技术人员继续教育学时记录';
/** The export that produces it, as the plan names it. */
export const TRANSCRIPT_SUBTITLE = '全部学时记录导出';

/** One recorded course on the transcript. */
export interface TranscriptEntry {
  readonly courseTitle: string;
  readonly institutionName: string;
  readonly category: Category;
  /** Credit hours, possibly fractional (4.5). */
  readonly hours: number;
  /** YYYY-MM-DD, the last training day or the day the courseware was finished. */
  readonly completedOn: string;
  /** YYYY-MM-DD, the day the association's record became visible to the learner. */
  readonly visibleFrom: string;
}

/** What the transcript (上海市专业技术人员继续教育学时记录) shows; every date is given, none is read from a clock. */
export interface TranscriptInput {
  readonly learnerName: string;
  /** Already masked (310***********123X): the transcript is handed to employers and checked by anyone. */
  readonly idNumberMasked: string;
  readonly employer: string;
  /** YYYY-MM-DD. */
  readonly issuedOn: string;
  readonly verificationCode: string;
  /** Where anyone can check the verification code; printed as text. */
  readonly verificationUrl: string;
  readonly cycle: Readonly<CycleVerdict>;
  /** Printed in the order given. */
  readonly entries: readonly TranscriptEntry[];
}

/** Chinese label of a category (必修/选修); never throws for a Category. */
export function categoryLabel(category: Category): string {
  return category === 'REQUIRED' ? '必修' : '选修';
}

function requireHours(value: number, field: string): void {
  try {
    formatHours(value);
  } catch (error) {
    throw new RangeError(`${field}: ${(error as Error).message}`, { cause: error });
  }
}

function requireYear(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${field} must be an integer year, got ${String(value)}`);
  }
  return value;
}

/**
 * Checks everything the transcript prints, so that a document is never issued with a blank name, an
 * unmasked ID number, an impossible date or a verdict that contradicts its shortfalls; throws
 * RangeError naming the first offending field.
 */
export function validateTranscriptInput(input: TranscriptInput): void {
  requireText(input.learnerName, 'learnerName');
  requireText(input.employer, 'employer');
  requireText(input.verificationCode, 'verificationCode');
  const masked = requireText(input.idNumberMasked, 'idNumberMasked');
  if (!masked.includes('*')) throw new RangeError('idNumberMasked must be masked (310***********123X)');
  requireDay(input.issuedOn, 'issuedOn');
  const url = requireText(input.verificationUrl, 'verificationUrl');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new RangeError(`verificationUrl must be an http(s) URL, got ${url}`);
  }

  const { cycle } = input;
  const startYear = requireYear(cycle.startYear, 'cycle.startYear');
  const endYear = requireYear(cycle.endYear, 'cycle.endYear');
  if (endYear < startYear) throw new RangeError(`cycle.endYear ${endYear} is before cycle.startYear ${startYear}`);
  for (const field of ['requiredHours', 'electiveHours', 'totalHours', 'requiredShortfall', 'totalShortfall'] as const) {
    requireHours(cycle[field], `cycle.${field}`);
  }
  const noShortfall = cycle.requiredShortfall === 0 && cycle.totalShortfall === 0;
  if (cycle.compliant !== noShortfall) {
    throw new RangeError('cycle.compliant contradicts cycle.requiredShortfall and cycle.totalShortfall');
  }
  cycle.years.forEach((year, i) => {
    requireYear(year.year, `cycle.years[${i}].year`);
    requireHours(year.hours, `cycle.years[${i}].hours`);
  });

  input.entries.forEach((entry, i) => {
    const at = `entries[${i}]`;
    requireText(entry.courseTitle, `${at}.courseTitle`);
    requireText(entry.institutionName, `${at}.institutionName`);
    if (!isCategory(entry.category)) throw new RangeError(`${at}.category is not a category: ${String(entry.category)}`);
    requireHours(entry.hours, `${at}.hours`);
    requireDay(entry.completedOn, `${at}.completedOn`);
    requireDay(entry.visibleFrom, `${at}.visibleFrom`);
  });
}
