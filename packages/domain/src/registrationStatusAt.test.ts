import { describe, expect, it } from 'vitest';
import { coursewareAccessExpiresAt, registrationStatusAt } from './registrationStatusAt';

const at = (text: string) => new Date(text);

describe('registrationStatusAt', () => {
  it('expires an unpaid registration when its hold passes', () => {
    const registration = {
      status: 'AWAITING_PAYMENT' as const,
      holdExpiresAt: at('2021-03-01T10:30:00+08:00'),
      accessExpiresAt: null,
    };
    expect(registrationStatusAt(registration, at('2021-03-01T10:29:59+08:00'))).toBe('AWAITING_PAYMENT');
    expect(registrationStatusAt(registration, at('2021-03-01T10:30:00+08:00'))).toBe('EXPIRED');
  });

  it('expires paid courseware after its year ends, and leaves other statuses alone', () => {
    const paid = {
      status: 'PAID' as const,
      holdExpiresAt: null,
      accessExpiresAt: coursewareAccessExpiresAt(at('2021-06-01T12:00:00+08:00')),
    };
    expect(registrationStatusAt(paid, at('2021-12-31T23:59:59+08:00'))).toBe('PAID');
    expect(registrationStatusAt(paid, at('2022-01-01T00:00:00+08:00'))).toBe('EXPIRED');
    expect(registrationStatusAt({ ...paid, status: 'COMPLETED' }, at('2022-06-01T00:00:00+08:00'))).toBe('COMPLETED');
  });

  it('ends courseware access with the Shanghai year of purchase, not the UTC one', () => {
    expect(coursewareAccessExpiresAt(at('2021-12-31T20:00:00Z')).toISOString()).toBe('2022-12-31T15:59:59.999Z');
    expect(coursewareAccessExpiresAt(at('2021-12-31T15:59:59Z')).toISOString()).toBe('2021-12-31T15:59:59.999Z');
  });
});
