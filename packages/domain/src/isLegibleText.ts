/**
 * Letters that print as nothing: the Hangul fillers (choseong, jungseong, compatibility, half-width)
 * and the blank Braille pattern. They count as letters to Unicode, so a name made of them passes any
 * letters-only check and leaves a blank line on a roster.
 */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/u;
/** Format characters (zero-width spaces and joiners, direction marks, BOMs …): invisible too. */
const FORMAT = /\p{Cf}/u;
/** A combining mark at the start, with nothing to sit on. */
const LEADING_MARK = /^\p{M}/u;
/**
 * The most combining marks one character may carry: enough for any script's writing (Vietnamese stacks
 * two, Indic clusters a few); a taller stack spills over the lines around it.
 */
export const MAX_COMBINING_MARKS = 4;
const MARK_STACK = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1}}`, 'u');
/** What a reader can see and read: a letter or digit of any script. */
const VISIBLE = /[\p{L}\p{N}]/u;

/**
 * Whether `value` reads as text when printed: it holds at least one letter or digit of any script,
 * no character that prints as nothing (Hangul fillers, blank Braille, zero-width and other format
 * characters), no combining mark without a character before it and no more than four marks on one
 * character. Names and titles made only of invisible or combining characters print blank on rosters,
 * invoices and transcripts; never throws.
 */
export function isLegibleText(value: string): boolean {
  if (typeof value !== 'string') return false;
  return (
    !BLANK_LETTERS.test(value) &&
    !FORMAT.test(value) &&
    !LEADING_MARK.test(value) &&
    !MARK_STACK.test(value) &&
    VISIBLE.test(value)
  );
}
