import { describe, expect, it } from 'vitest';
import { UNPAID_HOLD_LIMITS, summariseUnpaidHolds, unpaidHoldRefusal } from './unpaidHoldRefusal';
import type { UnpaidRegistration } from './unpaidHoldRefusal';

const at = (text: string) => new Date(text);
const NOW = at('2021-03-01T12:00:00+08:00');
const minutes = (count: number) => new Date(NOW.getTime() + count * 60_000);

const live = (sessionId: string, lapsesIn: number): UnpaidRegistration => ({
  sessionId,
  status: 'AWAITING_PAYMENT',
  holdExpiresAt: minutes(lapsesIn),
  endedAt: null,
});
/** A hold that lapsed `ago` minutes before now, written down or not. */
const lapsed = (sessionId: string, ago: number, written = false): UnpaidRegistration => ({
  sessionId,
  status: written ? 'EXPIRED' : 'AWAITING_PAYMENT',
  holdExpiresAt: minutes(-ago),
  endedAt: written ? minutes(-ago) : null,
});
const withdrawnUnpaid = (sessionId: string, ago: number): UnpaidRegistration => ({
  sessionId,
  status: 'WITHDRAWN',
  holdExpiresAt: null,
  endedAt: minutes(-ago),
});

describe('unpaidHoldRefusal', () => {
  it('lets a learner with nothing unpaid hold a seat', () => {
    expect(unpaidHoldRefusal('s1', [], NOW)).toBeNull();
  });

  it(`allows ${UNPAID_HOLD_LIMITS.maxLiveHolds} live holds at once, and the next only when one of them lapses`, () => {
    const two = [live('a', 10), live('b', 5)];
    expect(unpaidHoldRefusal('s1', two, NOW)).toBeNull();
    expect(unpaidHoldRefusal('s1', [...two, live('c', 20)], NOW)).toEqual({
      reason: 'TOO_MANY_LIVE_HOLDS',
      limit: 3,
      holdAgainAt: minutes(5),
    });
    // The earliest of them has lapsed: a seat is free again (and the lapse counts as ended unpaid).
    expect(unpaidHoldRefusal('s1', [...two, live('c', 20)], minutes(5))).toBeNull();
  });

  it('bars the same session for a day after a hold on it lapsed unpaid, written down or not', () => {
    for (const hold of [lapsed('s1', 1), lapsed('s1', 1, true)]) {
      expect(unpaidHoldRefusal('s1', [hold], NOW)).toEqual({
        reason: 'SESSION_RECENTLY_RELEASED',
        holdAgainAt: minutes(24 * 60 - 1),
      });
      expect(unpaidHoldRefusal('other', [hold], NOW)).toBeNull();
      expect(unpaidHoldRefusal('s1', [hold], minutes(24 * 60 - 1))).toBeNull();
    }
  });

  it('treats withdrawing before paying as letting the hold lapse, so a hold cannot be renewed by withdrawing', () => {
    expect(unpaidHoldRefusal('s1', [withdrawnUnpaid('s1', 0)], NOW)).toEqual({
      reason: 'SESSION_RECENTLY_RELEASED',
      holdAgainAt: minutes(24 * 60),
    });
  });

  it('refuses new holds after three ended unpaid within a day, until the oldest leaves the day', () => {
    const ended = [lapsed('a', 600), withdrawnUnpaid('b', 120), lapsed('c', 30, true)];
    expect(unpaidHoldRefusal('s1', ended.slice(0, 2), NOW)).toBeNull();
    expect(unpaidHoldRefusal('s1', ended, NOW)).toEqual({
      reason: 'TOO_MANY_ENDED_UNPAID',
      limit: 3,
      holdAgainAt: minutes(24 * 60 - 600),
    });
    expect(unpaidHoldRefusal('s1', ended, minutes(24 * 60 - 600))).toBeNull();
  });

  it('ignores paid, completed and free registrations it is handed', () => {
    const settled: UnpaidRegistration[] = [
      { sessionId: 's1', status: 'PAID', holdExpiresAt: null, endedAt: null },
      { sessionId: 's1', status: 'COMPLETED', holdExpiresAt: null, endedAt: minutes(-5) },
    ];
    expect(unpaidHoldRefusal('s1', settled, NOW)).toBeNull();
  });

  it('applies the limits it is given', () => {
    const limits = { maxLiveHolds: 1, sameSessionCooldownMinutes: 60, maxEndedUnpaidPerWindow: 1, windowMinutes: 120 };
    expect(unpaidHoldRefusal('s1', [live('a', 5)], NOW, limits)?.reason).toBe('TOO_MANY_LIVE_HOLDS');
    expect(unpaidHoldRefusal('s1', [lapsed('s1', 61)], NOW, limits)?.reason).toBe('TOO_MANY_ENDED_UNPAID');
    expect(unpaidHoldRefusal('s1', [lapsed('a', 121)], NOW, limits)).toBeNull();
  });

  it('throws RangeError for an invalid now', () => {
    expect(() => unpaidHoldRefusal('s1', [], new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('summariseUnpaidHolds', () => {
  it('counts live holds, and holds ended unpaid within the day with their learners', () => {
    const rows = [
      { ...live('s1', 10), learnerId: 'x' },
      { ...lapsed('s1', 30), learnerId: 'x' },
      { ...lapsed('s1', 90, true), learnerId: 'y' },
      { ...withdrawnUnpaid('s1', 5), learnerId: 'y' },
      { ...lapsed('s1', 24 * 60 + 1, true), learnerId: 'z' },
    ];
    expect(summariseUnpaidHolds(rows, NOW)).toEqual({ held: 1, endedUnpaid: 3, learnersEndedUnpaid: 2 });
    expect(summariseUnpaidHolds([], NOW)).toEqual({ held: 0, endedUnpaid: 0, learnersEndedUnpaid: 0 });
  });
});
