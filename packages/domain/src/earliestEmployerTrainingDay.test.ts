import { describe, expect, it } from 'vitest';
import { earliestEmployerTrainingDay } from './earliestEmployerTrainingDay';

describe('earliestEmployerTrainingDay', () => {
  it.each([
    ['2021-03-15', '2021-04-15'],
    ['2021-01-31', '2021-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2024-01-29', '2024-02-29'],
    ['2023-01-29', '2023-02-28'],
    ['2100-01-30', '2100-02-28'],
    ['2000-01-30', '2000-02-29'],
    ['2021-03-31', '2021-04-30'],
    ['2021-05-31', '2021-06-30'],
    ['2021-08-31', '2021-09-30'],
    ['2021-12-15', '2022-01-15'],
    ['2021-12-31', '2022-01-31'],
    ['2021-02-28', '2021-03-28'],
    ['2024-02-29', '2024-03-29'],
  ])('filed on %s, the first day is %s at the earliest', (filedOn, earliest) => {
    expect(earliestEmployerTrainingDay(filedOn)).toBe(earliest);
  });

  it('refuses what is not a calendar day', () => {
    expect(() => earliestEmployerTrainingDay('2021-02-30')).toThrow(RangeError);
    expect(() => earliestEmployerTrainingDay('9999-12-01')).toThrow(RangeError);
  });
});
