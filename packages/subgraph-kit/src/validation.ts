import { isLegibleText } from '@xueshi/domain';
import { badInput } from './errors';
import type { Bilingual } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID, the shape of every id a subgraph mints for its own records. */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * The rules free text is held to, by name. Both refuse control, format and unassigned characters and the
 * characters markup, scripts and SQL are made of, which names and titles never need.
 */
export const TEXT_RULES = {
  /** What an institution publishes on the catalogue and rosters (a title, a venue, a contact): `|`, `^`, `~` may stand in it. */
  printable: /^[^\p{C}<>;={}[\]\\$`]+$/u,
  /** What the registry records on a learner, an invoice or the ledger (an employer, a title, a reason): no `|`, `^`, `~` either. */
  plain: /^[^\p{C}<>;={}[\]\\$`|^~]+$/u,
} as const;

export type TextRule = keyof typeof TEXT_RULES;

/** A script URL scheme: never part of a name, a title, a venue or a reason. */
const SCRIPT_SCHEME = /(?:java|vb)script\s*:/i;

export interface TextCheck {
  rule: TextRule;
  /** Bounds of the trimmed length; at least one character unless told. */
  min?: number;
  max: number;
  /** What the caller is told when the text is out of bounds or breaks the rule. */
  refused: Bilingual;
  /** What the caller is told when it would print blank (isLegibleText). */
  illegible: Bilingual;
}

/**
 * `value` trimmed; BAD_USER_INPUT on `field` unless within bounds, allowed by its rule, free of `--` and
 * `javascript:`, and legible: text of fillers or bare combining marks prints blank.
 */
export function checkedText(value: string, field: string, check: TextCheck): string {
  const trimmed = value.trim();
  if (
    trimmed.length < (check.min ?? 1) ||
    trimmed.length > check.max ||
    !TEXT_RULES[check.rule].test(trimmed) ||
    trimmed.includes('--') ||
    SCRIPT_SCHEME.test(trimmed)
  ) {
    throw badInput(check.refused, field);
  }
  if (!isLegibleText(trimmed)) throw badInput(check.illegible, field);
  return trimmed;
}
