import { describe, expect, it } from 'vitest';
import { isValidMobile } from './isValidMobile';

describe('isValidMobile', () => {
  it('accepts 11-digit numbers starting 13 to 19', () => {
    for (const mobile of ['13812345678', '18721889026', '13681845846', '17721428497', '19900000000', '14700000000']) {
      expect(isValidMobile(mobile), mobile).toBe(true);
    }
  });

  it('rejects landlines, wrong prefixes, lengths, separators and country codes', () => {
    for (const bad of [
      '',
      '31263858',
      '02131263858',
      '12812345678',
      '10012345678',
      '23812345678',
      '1381234567',
      '138123456789',
      '138 1234 5678',
      '138-1234-5678',
      '+8613812345678',
      '8613812345678',
      ' 13812345678',
      '1381234567a',
    ]) {
      expect(isValidMobile(bad), bad).toBe(false);
    }
    expect(isValidMobile(13812345678 as unknown as string)).toBe(false);
  });
});
