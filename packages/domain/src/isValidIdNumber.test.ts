import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, isValidIdNumber } from './isValidIdNumber';

// Written out independently of the implementation, straight from GB 11643.
function checkChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17.charAt(i)), 0);
  return '10X98765432'.charAt(sum % 11);
}

function idNumber(region: string, birth: string, sequence = '123'): string {
  const body = region + birth + sequence;
  return body + checkChar(body);
}

const PROVINCES = [
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
];

describe('isValidIdNumber', () => {
  it('accepts the demo number 310115198503121234, whose check digit 4 is correct', () => {
    // 3*7+1*9+0*10+1*5+1*8+5*4+1*2+9*1+8*6+5*3+0*7+3*9+1*10+2*5+1*8+2*4+3*2 = 206; 206 % 11 = 8 → '4'.
    expect(checkChar('31011519850312123')).toBe('4');
    expect(isValidIdNumber('310115198503121234')).toBe(true);
    expect(isValidIdNumber('310115198503121234', '2026-11-28')).toBe(true);
  });

  it('rejects the demo number with any other check character', () => {
    for (const c of '0123456789Xx'.replace('4', '')) {
      expect(isValidIdNumber(`31011519850312123${c}`), c).toBe(false);
    }
  });

  it('accepts X and lower-case x as the check character', () => {
    const body = Array.from({ length: 1000 }, (_, i) => `31011519850312${String(i).padStart(3, '0')}`).find(
      (b) => checkChar(b) === 'X',
    );
    expect(body).toBeDefined();
    expect(isValidIdNumber(`${body}X`)).toBe(true);
    expect(isValidIdNumber(`${body}x`)).toBe(true);
    expect(isValidIdNumber(`${body}0`)).toBe(false);
  });

  it('accepts every province-level region code and no other', () => {
    for (let code = 0; code < 100; code++) {
      const region = String(code).padStart(2, '0');
      const id = idNumber(`${region}0101`, '19900101');
      expect(isValidIdNumber(id), region).toBe(PROVINCES.includes(region));
    }
  });

  it('requires a real birth date from 1900 on', () => {
    expect(isValidIdNumber(idNumber('310115', '19000101'))).toBe(true);
    expect(isValidIdNumber(idNumber('310115', '18991231'))).toBe(false);
    expect(isValidIdNumber(idNumber('310115', '20000229'))).toBe(true);
    expect(isValidIdNumber(idNumber('310115', '20200229'))).toBe(true);
    expect(isValidIdNumber(idNumber('310115', '19000229'))).toBe(false);
    expect(isValidIdNumber(idNumber('310115', '20210229'))).toBe(false);
    for (const birth of ['19851301', '19850001', '19850100', '19850132', '19850431']) {
      expect(isValidIdNumber(idNumber('310115', birth)), birth).toBe(false);
    }
  });

  it('checks the birth date is in the past only when today is given', () => {
    const future = idNumber('310115', '20991231');
    expect(isValidIdNumber(future)).toBe(true);
    expect(isValidIdNumber(future, '2026-11-28')).toBe(false);
    const born = idNumber('310115', '20261127');
    expect(isValidIdNumber(born, '2026-11-28')).toBe(true);
    expect(isValidIdNumber(idNumber('310115', '20261128'), '2026-11-28')).toBe(false);
    expect(isValidIdNumber(idNumber('310115', '20261129'), '2026-11-28')).toBe(false);
  });

  it('throws RangeError for a malformed today, even for an invalid number', () => {
    expect(() => isValidIdNumber('310115198503121234', '2026-11-31')).toThrow(RangeError);
    expect(() => isValidIdNumber('nonsense', '28/11/2026')).toThrow(RangeError);
  });

  it('rejects wrong lengths, stray characters and whitespace', () => {
    for (const bad of [
      '',
      '31011519850312123',
      '3101151985031212344',
      ' 310115198503121234',
      '310115198503121234 ',
      '31011519850312123A',
      '3101151985O3121234',
      '310115-19850312123',
      '３１０１１５１９８５０３１２１２３４',
    ]) {
      expect(isValidIdNumber(bad), bad).toBe(false);
    }
    expect(isValidIdNumber(31011519850312 as unknown as string)).toBe(false);
  });

  it('catches every single-digit error in generated numbers (property)', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const region = `${PROVINCES[next() % PROVINCES.length]}${String(next() % 10000).padStart(4, '0')}`;
      const year = 1900 + (next() % 120);
      const birth = `${year}${String(1 + (next() % 12)).padStart(2, '0')}${String(1 + (next() % 28)).padStart(2, '0')}`;
      const id = idNumber(region, birth, String(next() % 1000).padStart(3, '0'));
      expect(isValidIdNumber(id), id).toBe(true);
      const position = next() % 17;
      const original = Number(id.charAt(position));
      const replacement = (original + 1 + (next() % 9)) % 10;
      const mutated = id.slice(0, position) + String(replacement) + id.slice(position + 1);
      expect(isValidIdNumber(mutated), mutated).toBe(false);
    }
  });
});

describe('idNumberCheckCharacter', () => {
  it('gives the check character of the demo number and of one ending in X', () => {
    expect(idNumberCheckCharacter('31011519850312123')).toBe('4');
    expect(isValidIdNumber(`11010519491231002${idNumberCheckCharacter('11010519491231002')}`)).toBe(true);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckCharacter('3101151985031212')).toThrow(RangeError);
    expect(() => idNumberCheckCharacter('3101151985031212X')).toThrow(RangeError);
  });
});
