import { describe, expect, it } from 'vitest';
import { maskIdNumber } from './maskIdNumber';
import { maskMobile } from './maskMobile';
import { normaliseIdNumber } from './normaliseIdNumber';

describe('normaliseIdNumber', () => {
  it('trims and upper-cases x', () => {
    expect(normaliseIdNumber(' 31011519850312123x\n')).toBe('31011519850312123X');
    expect(normaliseIdNumber('310115198503121234')).toBe('310115198503121234');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskIdNumber('310115198503121234')).toBe('310***********1234');
    expect(maskIdNumber('31011519850312123x')).toBe('310***********123X');
    expect(maskIdNumber(' 310115198503121234 ')).toBe('310***********1234');
  });

  it('never shows a short value whole', () => {
    expect(maskIdNumber('12345678')).toBe('123*5678');
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile(' 13812345678 ')).toBe('138****5678');
  });

  it('never shows a short value whole', () => {
    expect(maskMobile('1234567')).toBe('*******');
  });
});
