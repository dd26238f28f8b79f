import { describe, expect, it } from 'vitest';
import { normaliseEmployer, registrationRefusal } from './registrationRefusal';

const at = (text: string) => new Date(text);
const yearOpens = at('2021-02-22T10:00:00+08:00');
const session = {
  registrationOpensAt: at('2021-02-22T10:00:00+08:00'),
  registrationClosesAt: at('2021-03-11T09:00:00+08:00'),
  restrictedToEmployer: null,
};
const attempt = (now: string, overrides: Partial<Parameters<typeof registrationRefusal>[0]> = {}) =>
  registrationRefusal({ now: at(now), programmeYearOpensAt: yearOpens, session, learnerEmployer: '上海某公司', ...overrides });

describe('registrationRefusal', () => {
  it("refuses one second before the year's window opens and admits at 10:00 sharp", () => {
    expect(attempt('2021-02-22T09:59:59+08:00')).toEqual({ reason: 'YEAR_NOT_OPEN', opensAt: yearOpens });
    expect(attempt('2021-02-22T10:00:00+08:00')).toBeNull();
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

  it("admits only the employer's staff to employer-run training, whatever the spacing or bracket width", () => {
    const restricted = { ...session, restrictedToEmployer: '上海电气集团股份有限公司（总部）' };
    expect(attempt('2021-03-01T10:00:00+08:00', { session: restricted })).toEqual({
      reason: 'EMPLOYER_ONLY',
      employer: restricted.restrictedToEmployer,
    });
    expect(
      attempt('2021-03-01T10:00:00+08:00', { session: restricted, learnerEmployer: ' 上海电气集团股份有限公司(总部) ' }),
    ).toBeNull();
  });

  it('folds full-width forms and spaces in employer names', () => {
    expect(normaliseEmployer('ＡＢＣ 公司（上海）')).toBe(normaliseEmployer('abc公司(上海)'));
  });
});
