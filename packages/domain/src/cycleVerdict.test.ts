import { describe, expect, it } from 'vitest';
import type { Category } from './Category';
import { cycleVerdict, type CycleEntry } from './cycleVerdict';

const req = (year: number, hours: number): CycleEntry => ({ year, category: 'REQUIRED', hours });
const ele = (year: number, hours: number): CycleEntry => ({ year, category: 'ELECTIVE', hours });

describe('cycleVerdict', () => {
  it('reports an empty cycle as non-compliant with full shortfalls and three zero years', () => {
    expect(cycleVerdict([], 2021)).toEqual({
      startYear: 2021,
      endYear: 2023,
      requiredHours: 0,
      electiveHours: 0,
      totalHours: 0,
      compliant: false,
      requiredShortfall: 45,
      totalShortfall: 90,
      years: [
        { year: 2021, hours: 0 },
        { year: 2022, hours: 0 },
        { year: 2023, hours: 0 },
      ],
    });
  });

  it('is compliant at exactly 45 required and 90 in total', () => {
    const verdict = cycleVerdict([req(2021, 12), req(2022, 12), req(2023, 21), ele(2021, 45)], 2021);
    expect(verdict).toMatchObject({ requiredHours: 45, electiveHours: 45, totalHours: 90, compliant: true });
    expect(verdict).toMatchObject({ requiredShortfall: 0, totalShortfall: 0 });
    expect(verdict.years).toEqual([
      { year: 2021, hours: 57 },
      { year: 2022, hours: 12 },
      { year: 2023, hours: 21 },
    ]);
  });

  it('lets required hours beyond 45 stand in for elective hours', () => {
    expect(cycleVerdict([req(2021, 60), req(2022, 30)], 2021)).toMatchObject({ compliant: true, electiveHours: 0 });
    expect(cycleVerdict([req(2021, 60), ele(2022, 29)], 2021)).toMatchObject({ compliant: false, totalShortfall: 1 });
  });

  it('never lets elective hours count toward the required 45', () => {
    expect(cycleVerdict([req(2021, 44), ele(2022, 100)], 2021)).toMatchObject({
      compliant: false,
      requiredShortfall: 1,
      totalShortfall: 0,
      totalHours: 144,
    });
  });

  it('counts only the entries inside the cycle’s three years', () => {
    const verdict = cycleVerdict([req(2020, 45), ele(2024, 45), req(2022, 6), ele(2023, 1.5)], 2021);
    expect(verdict).toMatchObject({ requiredHours: 6, electiveHours: 1.5, totalHours: 7.5, endYear: 2023 });
    expect(verdict.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    expect(cycleVerdict([req(2020, 45), ele(2020, 45)], 2020).compliant).toBe(true);
    expect(cycleVerdict([req(2020, 45), ele(2020, 45)], 2021).compliant).toBe(false);
  });

  it('adds fractional hours exactly', () => {
    const verdict = cycleVerdict([ele(2021, 0.1), ele(2021, 0.2)], 2021);
    expect(verdict.electiveHours).toBe(0.3);
    expect(verdict.totalHours).toBe(0.3);
    expect(verdict.years[0]).toEqual({ year: 2021, hours: 0.3 });
    const tenths = cycleVerdict(
      Array.from({ length: 10 }, () => ele(2022, 0.1)),
      2021,
    );
    expect(tenths.electiveHours).toBe(1);
    const nearly = cycleVerdict([req(2021, 45), ele(2021, 44.9)], 2021);
    expect(nearly.totalShortfall).toBe(0.1);
    expect(nearly.compliant).toBe(false);
  });

  it('matches an integer-minute oracle on generated ledgers (property)', () => {
    let seed = 99;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let run = 0; run < 300; run++) {
      const entries: CycleEntry[] = Array.from({ length: next() % 12 }, () => ({
        year: 2020 + (next() % 5),
        category: (next() % 2 === 0 ? 'REQUIRED' : 'ELECTIVE') as Category,
        hours: (next() % 1500) / 60,
      }));
      const inCycle = entries.filter((e) => e.year >= 2021 && e.year <= 2023);
      const minutes = (cat: Category): number =>
        inCycle.filter((e) => e.category === cat).reduce((sum, e) => sum + Math.round(e.hours * 60), 0);
      const required = minutes('REQUIRED');
      const total = required + minutes('ELECTIVE');
      const verdict = cycleVerdict(entries, 2021);
      expect(verdict.requiredHours).toBe(required / 60);
      expect(verdict.totalHours).toBe(total / 60);
      expect(verdict.compliant).toBe(required >= 45 * 60 && total >= 90 * 60);
      expect(verdict.requiredShortfall).toBe(Math.max(0, 45 * 60 - required) / 60);
      expect(verdict.totalShortfall).toBe(Math.max(0, 90 * 60 - total) / 60);
      expect(verdict.years.reduce((sum, y) => sum + Math.round(y.hours * 60), 0)).toBe(total);
    }
  });

  it('rejects negative or non-finite hours, even outside the cycle', () => {
    for (const hours of [-1, -0.001, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300]) {
      expect(() => cycleVerdict([req(2021, hours)], 2021), String(hours)).toThrow(RangeError);
      expect(() => cycleVerdict([ele(2019, hours)], 2021), String(hours)).toThrow(RangeError);
    }
  });

  it('rejects a non-integer start year, entry year or an unknown category', () => {
    expect(() => cycleVerdict([], 2021.5)).toThrow(RangeError);
    expect(() => cycleVerdict([], Number.NaN)).toThrow(RangeError);
    expect(() => cycleVerdict([req(2021.5, 1)], 2021)).toThrow(RangeError);
    expect(() => cycleVerdict([{ year: 2021, category: 'OPTIONAL' as Category, hours: 1 }], 2021)).toThrow(RangeError);
  });
});

describe('cycleVerdict is exact for any hours, not only whole minutes', () => {
  const required = (hours: number, year = 2021) => ({ year, category: 'REQUIRED' as const, hours });
  const elective = (hours: number, year = 2021) => ({ year, category: 'ELECTIVE' as const, hours });

  it('is not compliant a fraction of a second short of 45 required hours', () => {
    const verdict = cycleVerdict([required(44.9999), elective(45.0001)], 2021);
    expect(verdict.compliant).toBe(false);
    expect(verdict.requiredShortfall).toBeCloseTo(0.0001, 12);
    expect(verdict.requiredShortfall).toBeGreaterThan(0);
    expect(verdict.totalHours).toBe(90);
    expect(verdict.totalShortfall).toBe(0);
  });

  it('is not compliant a billionth of an hour short of 90 in total, and is at exactly 90', () => {
    expect(cycleVerdict([required(45), elective(44.999999999)], 2021).compliant).toBe(false);
    expect(cycleVerdict([required(45), elective(44.999999999), elective(0.000000001)], 2021).compliant).toBe(true);
  });

  it('adds thirds and minutes to what they mean, and shows sevenths as they add up', () => {
    const thirds = cycleVerdict([required(1 / 3), required(1 / 3), required(1 / 3)], 2021);
    expect(thirds.requiredHours).toBe(1);
    const sevenths = cycleVerdict(
      Array.from({ length: 7 }, () => elective(1 / 7)),
      2021,
    );
    expect(sevenths.electiveHours).toBe(1);
    const minutes = cycleVerdict(
      Array.from({ length: 2700 }, () => required(1 / 60)),
      2021,
    );
    expect(minutes).toMatchObject({ requiredHours: 45, requiredShortfall: 0 });
  });

  it('keeps sub-second hours: 3,600,000 entries of a millisecond make one hour, not zero', () => {
    const verdict = cycleVerdict([elective(1 / 3_600_000), elective(0.0000001)], 2021);
    expect(verdict.electiveHours).toBeGreaterThan(0);
    expect(verdict.electiveHours).toBeCloseTo(1 / 3_600_000 + 0.0000001, 15);
  });
});
