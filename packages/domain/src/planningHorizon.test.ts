import { describe, expect, it } from 'vitest';
import { PLANNING_YEARS_AHEAD, isWithinPlanningHorizon, planningYears } from './planningHorizon';

const NOW = new Date('2021-02-22T10:00:00+08:00');

describe('planning horizon', () => {
  it('spans last year to two years ahead, in Shanghai years', () => {
    expect(PLANNING_YEARS_AHEAD).toBe(2);
    expect(planningYears(NOW)).toEqual({ first: 2020, last: 2023 });
    // Half past midnight on 1 January in Shanghai is still 31 December in UTC: the Shanghai year counts.
    expect(planningYears(new Date('2021-12-31T16:30:00Z'))).toEqual({ first: 2021, last: 2024 });
  });

  it('accepts dates within the horizon, to its edges in Shanghai time', () => {
    for (const instant of [
      '2021-03-11T09:00:00+08:00',
      '2020-01-01T00:00:00+08:00',
      '2023-12-31T23:59:59+08:00',
      '2022-06-01T00:00:00Z',
    ]) {
      expect(isWithinPlanningHorizon(new Date(instant), NOW), instant).toBe(true);
    }
  });

  it('refuses the year 9999, dates past the horizon, long-past years and invalid dates', () => {
    for (const instant of [
      '9999-03-01T09:00:00+08:00',
      '+275760-09-13T00:00:00Z',
      '2024-01-01T00:00:00+08:00',
      '2023-12-31T16:00:00Z',
      '2019-12-31T23:59:59+08:00',
      '1000-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
    ]) {
      expect(isWithinPlanningHorizon(new Date(instant), NOW), instant).toBe(false);
    }
    expect(isWithinPlanningHorizon(new Date('not a date'), NOW)).toBe(false);
  });
});
