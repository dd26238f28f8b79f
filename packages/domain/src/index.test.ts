import { describe, expect, it } from 'vitest';
import * as domain from './index';

describe('@xueshi/domain', () => {
  it('exports every function the contract names', () => {
    const contract = [
      'isValidIdNumber',
      'maskIdNumber',
      'isValidCreditCode',
      'isValidMobile',
      'isWorkingDay',
      'addWorkingDays',
      'creditVisibleFrom',
      'cycleVerdict',
      'refundFen',
      'maskMobile',
      'normaliseIdNumber',
      'shanghaiDay',
      'startOfShanghaiDay',
      'shanghaiYear',
      'endOfShanghaiYear',
      'hoursToMinutes',
      'minutesToHours',
      'formatFen',
      'CalendarYearNotHeldError',
      'isValidDay',
      'addCalendarDays',
      'dayOfWeek',
      'isCategory',
      'earliestEmployerTrainingDay',
    ];
    for (const name of contract) {
      expect(typeof (domain as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
