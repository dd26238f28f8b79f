import { describe, expect, it } from 'vitest';
import { registrationRefusal } from './registrationRefusal';

const at = (text: string) => new Date(text);
const yearOpens = at('2021-02-22T10:00:00+08:00');
const session = {
  deliveryMode: 'LIVE_ONLINE' as const,
  registrationOpensAt: at('2021-02-22T10:00:00+08:00'),
  registrationClosesAt: at('2021-03-11T09:00:00+08:00'),
  restrictedToEmployer: null,
  employerCreditCode: null,
};
const attempt = (now: string, overrides: Partial<Parameters<typeof registrationRefusal>[0]> = {}) =>
  registrationRefusal({ now: at(now), programmeYearOpensAt: yearOpens, session, learnerIsEmployerStaff: false, ...overrides });

describe('registrationRefusal', () => {
  it("refuses one second before the year's window opens and admits at 10:00 sharp", () => {
    expect(attempt('2021-02-22T09:59:59+08:00')).toEqual({ reason: 'YEAR_NOT_OPEN', opensAt: yearOpens });
    expect(attempt('2021-02-22T10:00:00+08:00')).toBeNull();
  });

  it("sells courseware before the year's live-course opening, never for a year the registry does not run", () => {
    const courseware = {
      ...session,
      deliveryMode: 'ONLINE_COURSEWARE' as const,
      registrationOpensAt: at('2021-01-01T00:00:00+08:00'),
      registrationClosesAt: at('2021-12-31T23:59:59+08:00'),
    };
    expect(attempt('2021-02-01T10:00:00+08:00', { session: courseware })).toBeNull();
    expect(attempt('2021-02-01T10:00:00+08:00', { session: courseware, programmeYearOpensAt: null })).toEqual({
      reason: 'YEAR_NOT_OPEN',
      opensAt: null,
    });
  });

  it('refuses a year the registry does not run', () => {
    expect(attempt('2021-03-01T10:00:00+08:00', { programmeYearOpensAt: null })).toEqual({
      reason: 'YEAR_NOT_OPEN',
      opensAt: null,
    });
  });

  it("honours the session's own opening after the year's", () => {
    const later = { ...session, registrationOpensAt: at('2021-03-01T10:00:00+08:00') };
    expect(attempt('2021-02-28T12:00:00+08:00', { session: later })).toEqual({
      reason: 'NOT_YET_OPEN',
      opensAt: later.registrationOpensAt,
    });
    expect(attempt('2021-03-01T10:00:00+08:00', { session: later })).toBeNull();
  });

  it('closes when the session starts', () => {
    expect(attempt('2021-03-11T08:59:59+08:00')).toBeNull();
    expect(attempt('2021-03-11T09:00:00+08:00')).toEqual({ reason: 'CLOSED', closedAt: session.registrationClosesAt });
  });

  it('admits only the staff its employer listed to employer-run training', () => {
    const restricted = { ...session, restrictedToEmployer: '上海电气集团股份有限公司', employerCreditCode: '91310000MA1FL5LX3W' };
    expect(attempt('2021-03-01T10:00:00+08:00', { session: restricted })).toEqual({
      reason: 'EMPLOYER_ONLY',
      employer: restricted.restrictedToEmployer,
    });
    expect(attempt('2021-03-01T10:00:00+08:00', { session: restricted, learnerIsEmployerStaff: true })).toBeNull();
  });

  it("admits nobody to a session restricted by an employer's name alone", () => {
    const byName = { ...session, restrictedToEmployer: '上海电气集团股份有限公司' };
    expect(attempt('2021-03-01T10:00:00+08:00', { session: byName, learnerIsEmployerStaff: true })).toEqual({
      reason: 'EMPLOYER_ONLY',
      employer: byName.restrictedToEmployer,
    });
  });
});
