import { badInput } from '@xueshi/subgraph-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID, the shape of every id the registry owns. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Letters of any script, combining marks, the middle dots of transliterated names, apostrophes, hyphens, spaces. */
const PERSON_NAME = /^[\p{L}\p{M}·・'’\- ]{1,40}$/u;
/** Printable text without the characters markup, scripts and SQL are made of; names and titles never need them. */
const PLAIN_TEXT = /^[^\p{C}<>;={}[\]\\$`|^~]+$/u;

/** A person's name as entered, trimmed; BAD_USER_INPUT unless it is 1–40 letters (any script). */
export function personName(value: string, field = 'name'): string {
  const trimmed = value.trim();
  if (!PERSON_NAME.test(trimmed)) {
    throw badInput({ zh: '请填写真实姓名（1–40 个字）', en: 'Enter your real name (1–40 letters)' }, field);
  }
  return trimmed;
}

/**
 * Free text such as an employer or an invoice title, trimmed; BAD_USER_INPUT unless within bounds and
 * plain (no markup, script or SQL punctuation, no `--`).
 */
export function text(value: string, field: string, bounds: { min: number; max: number; zh: string; en: string }): string {
  const trimmed = value.trim();
  if (trimmed.length < bounds.min || trimmed.length > bounds.max || !PLAIN_TEXT.test(trimmed) || trimmed.includes('--')) {
    throw badInput({ zh: bounds.zh, en: bounds.en }, field);
  }
  return trimmed;
}
