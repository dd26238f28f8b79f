import { isLegibleText } from '@xueshi/domain';
import { parseOwnedId } from '@xueshi/institutions';
import { badInput, checkedText, isUuid } from '@xueshi/subgraph-kit';

export { isUuid } from '@xueshi/subgraph-kit';

/** BAD_USER_INPUT unless `year` is a whole year from 2000 to 2100. */
export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput({ zh: '年度无效', en: 'Not a valid year' }, 'year');
}

/**
 * The id to name in a NOT_FOUND: a registry UUID or an institution-owned id only, so arbitrary input
 * (markup, 100 000 characters, …) is never echoed back to the caller.
 */
export const echoedId = (id: string): string | undefined => (isUuid(id) || parseOwnedId(id) ? id : undefined);

/** Whether `value` holds control, format or unassigned characters (NUL, RTL overrides, …): no identifier does. */
export const hasControlCharacters = (value: string): boolean => /\p{C}/u.test(value);

/** The first year of a 3-year cycle: BAD_USER_INPUT unless 2000–2100. */
export function cycleStartYear(value: number, field = 'startYear'): number {
  if (!Number.isInteger(value) || value < 2000 || value > 2100) {
    throw badInput({ zh: '考核周期起始年度无效（2000–2100）', en: 'The cycle must start in a year from 2000 to 2100' }, field);
  }
  return value;
}

/** Letters of any script, combining marks, the middle dots of transliterated names, apostrophes, hyphens, spaces. */
const PERSON_NAME = /^[\p{L}\p{M}·・'’\- ]{1,40}$/u;

/** What a name or text that would print blank (isLegibleText) is refused with. */
const ILLEGIBLE = {
  zh: '请用看得见的文字填写，不要只用空白或符号',
  en: 'Use visible letters, not only blank or combining characters',
};

/**
 * A person's name as entered, trimmed; BAD_USER_INPUT unless it is 1–40 letters (any script) that
 * print: letters alone would let Hangul fillers and bare combining marks through.
 */
export function personName(value: string, field = 'name'): string {
  const trimmed = value.trim();
  if (!PERSON_NAME.test(trimmed)) {
    throw badInput({ zh: '请填写真实姓名（1–40 个字）', en: 'Enter your real name (1–40 letters)' }, field);
  }
  if (!isLegibleText(trimmed)) throw badInput(ILLEGIBLE, field);
  return trimmed;
}

/**
 * Free text such as an employer or an invoice title, trimmed; BAD_USER_INPUT unless within bounds,
 * plain (no markup, script or SQL punctuation, no `--`, no `javascript:`) and legible (isLegibleText).
 */
export function text(value: string, field: string, bounds: { min: number; max: number; zh: string; en: string }): string {
  const { min, max, zh, en } = bounds;
  return checkedText(value, field, { rule: 'plain', min, max, refused: { zh, en }, illegible: ILLEGIBLE });
}
