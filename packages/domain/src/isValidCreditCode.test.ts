import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from './isValidCreditCode';

// Written out independently of the implementation, straight from GB 32100.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17.charAt(i)) * (3 ** i % 31);
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

describe('isValidCreditCode', () => {
  it('accepts published codes whose check character computes correctly', () => {
    expect(checkChar('91310000132149237')).toBe('G');
    expect(isValidCreditCode('91310000132149237G')).toBe(true);
    expect(checkChar('91440300708461136')).toBe('T');
    expect(isValidCreditCode('91440300708461136T')).toBe(true);
  });

  it('rejects a published code with any other check character', () => {
    for (const c of CHARSET.replace('G', '')) {
      expect(isValidCreditCode(`91310000132149237${c}`), c).toBe(false);
    }
  });

  it('accepts a constructed code whose check character is 0 (sum divisible by 31)', () => {
    const body = Array.from({ length: 200 }, (_, i) => `9131000013214${String(i).padStart(4, '0')}`).find(
      (b) => checkChar(b) === '0',
    );
    expect(body).toBeDefined();
    expect(isValidCreditCode(`${body}0`)).toBe(true);
  });

  it('rejects letters outside the code alphabet, lower case, wrong lengths and whitespace', () => {
    for (const bad of [
      '',
      '91310000132149237',
      '91310000132149237GG',
      '91310000132149237g',
      '91310000132149237G ',
      'I1310000132149237G',
      'O1310000132149237G',
      'S1310000132149237G',
      'V1310000132149237G',
      'Z1310000132149237G',
    ]) {
      expect(isValidCreditCode(bad), bad).toBe(false);
    }
    expect(isValidCreditCode(null as unknown as string)).toBe(false);
  });

  it('catches every single-character substitution in generated codes (property)', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const body = Array.from({ length: 17 }, () => CHARSET.charAt(next() % 31)).join('');
      const code = body + checkChar(body);
      expect(isValidCreditCode(code), code).toBe(true);
      const position = next() % 18;
      const original = CHARSET.indexOf(code.charAt(position));
      const replacement = CHARSET.charAt((original + 1 + (next() % 30)) % 31);
      const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
      expect(isValidCreditCode(mutated), mutated).toBe(false);
    }
  });
});
