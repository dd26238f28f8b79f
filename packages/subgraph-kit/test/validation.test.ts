import { ErrorCode, UserError, checkedText, isUuid } from '@xueshi/subgraph-kit';
import { describe, expect, it } from 'vitest';

const REFUSED = { zh: '不允许', en: 'Not allowed' };
const ILLEGIBLE = { zh: '看不见', en: 'Blank' };
const check = (rule: 'plain' | 'printable', max = 20) => ({ rule, max, refused: REFUSED, illegible: ILLEGIBLE });

/** The message and field a refusal carries, or the trimmed text. */
function outcome(value: string, rule: 'plain' | 'printable', max?: number) {
  try {
    return checkedText(value, 'venue', check(rule, max));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { code: error.extensions['code'], message: error.message, field: error.extensions['field'] };
  }
}

describe('checkedText', () => {
  it('trims, and keeps names and titles of any script under either rule', () => {
    for (const rule of ['plain', 'printable'] as const) {
      expect(outcome('  上海交通大学 Room 511 (A-2)  ', rule, 40)).toBe('上海交通大学 Room 511 (A-2)');
    }
  });

  it('lets `|`, `^` and `~` stand in printable text only', () => {
    for (const value of ['3号楼|501室', 'a^b', '9~12']) {
      expect(outcome(value, 'printable')).toBe(value);
      expect(outcome(value, 'plain')).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'venue' });
    }
  });

  it('refuses markup, SQL punctuation, `--`, script schemes, control characters and over-long text under both rules', () => {
    for (const rule of ['plain', 'printable'] as const) {
      for (const value of [
        '<b>',
        "a'; drop table x;",
        'a -- b',
        'javascript:alert(1)',
        'VBScript :x',
        'a\u202eb',
        'x'.repeat(21),
        '',
      ]) {
        expect(outcome(value, rule), `${rule} ${JSON.stringify(value)}`).toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
        expect(JSON.stringify(outcome(value, rule))).toContain('Not allowed');
      }
    }
  });

  it('refuses text that would print blank with its own message', () => {
    expect(JSON.stringify(outcome('\u3164\u3164', 'printable'))).toContain('Blank');
  });
});

describe('isUuid', () => {
  it('accepts a UUID in either case and nothing else', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true);
    expect(isUuid('sjtu:session:2021-data-0311')).toBe(false);
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e ')).toBe(false);
  });
});
