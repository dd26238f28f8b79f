import { describe, expect, it } from 'vitest';
import { endOfShanghaiYear } from './endOfShanghaiYear';
import { shanghaiDay } from './shanghaiDay';
import { shanghaiYear } from './shanghaiYear';
import { startOfShanghaiDay } from './startOfShanghaiDay';

const at = (iso: string): Date => new Date(iso);

describe('shanghaiDay', () => {
  it('turns at 16:00 UTC', () => {
    expect(shanghaiDay(at('2021-02-21T15:59:59.999Z'))).toBe('2021-02-21');
    expect(shanghaiDay(at('2021-02-21T16:00:00Z'))).toBe('2021-02-22');
    expect(shanghaiDay(at('2021-02-22T02:00:00Z'))).toBe('2021-02-22');
    expect(shanghaiDay(at('2021-02-22T10:00:00+08:00'))).toBe('2021-02-22');
    expect(shanghaiDay(at('1969-12-31T16:00:00Z'))).toBe('1970-01-01');
    expect(shanghaiDay(at('1969-12-31T15:59:59Z'))).toBe('1969-12-31');
  });

  it('has no daylight saving time: every day of 2021 starts at 16:00 UTC the day before', () => {
    for (let d = 0; d < 365; d++) {
      const utcMidnight = new Date(Date.UTC(2021, 0, 1 + d));
      const day = utcMidnight.toISOString().slice(0, 10);
      const start = startOfShanghaiDay(day);
      expect(start.getTime()).toBe(utcMidnight.getTime() - 8 * 3_600_000);
      expect(shanghaiDay(start)).toBe(day);
      expect(shanghaiDay(new Date(start.getTime() - 1))).not.toBe(day);
    }
  });

  it('throws RangeError for an invalid Date', () => {
    expect(() => shanghaiDay(at('garbage'))).toThrow(RangeError);
  });
});

describe('startOfShanghaiDay', () => {
  it('is 00:00 +08:00 of the day', () => {
    expect(startOfShanghaiDay('2021-02-22').toISOString()).toBe('2021-02-21T16:00:00.000Z');
    expect(startOfShanghaiDay('2024-02-29').toISOString()).toBe('2024-02-28T16:00:00.000Z');
    expect(startOfShanghaiDay('0050-06-01').toISOString()).toBe('0050-05-31T16:00:00.000Z');
  });

  it('throws RangeError for a malformed day', () => {
    for (const bad of ['2021-02-29', '2021-02-22T00:00', '']) {
      expect(() => startOfShanghaiDay(bad), bad).toThrow(RangeError);
    }
  });
});

describe('shanghaiYear', () => {
  it('turns at 16:00 UTC on 31 December', () => {
    expect(shanghaiYear(at('2021-12-31T15:59:59.999Z'))).toBe(2021);
    expect(shanghaiYear(at('2021-12-31T16:00:00Z'))).toBe(2022);
    expect(shanghaiYear(at('2021-06-01T00:00:00Z'))).toBe(2021);
  });

  it('throws RangeError for an invalid Date', () => {
    expect(() => shanghaiYear(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('endOfShanghaiYear', () => {
  it('is 31 Dec 23:59:59.999 +08:00', () => {
    expect(endOfShanghaiYear(2021).toISOString()).toBe('2021-12-31T15:59:59.999Z');
    expect(shanghaiYear(endOfShanghaiYear(2021))).toBe(2021);
    expect(shanghaiYear(new Date(endOfShanghaiYear(2021).getTime() + 1))).toBe(2022);
    expect(shanghaiDay(endOfShanghaiYear(2024))).toBe('2024-12-31');
  });

  it('throws RangeError for a year that is not an integer from 1 to 9999', () => {
    for (const year of [2021.5, 0, 10000, Number.NaN]) {
      expect(() => endOfShanghaiYear(year), String(year)).toThrow(RangeError);
    }
  });
});
