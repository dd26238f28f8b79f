import { describe, expect, it } from 'vitest';
import { datesOwedToLearner, movesEarlier, sessionDateChangeRefusal } from './sessionDates';

const at = (text: string) => new Date(text);
const current = { startsAt: at('2021-03-18T09:00:00+08:00'), endsAt: at('2021-03-19T16:30:00+08:00') };
const later = { startsAt: at('2021-03-25T09:00:00+08:00'), endsAt: at('2021-03-26T16:30:00+08:00') };
const earlier = { startsAt: at('2021-03-01T09:00:00+08:00'), endsAt: at('2021-03-02T16:30:00+08:00') };

describe('sessionDateChangeRefusal', () => {
  it('allows any change while no seat is taken', () => {
    expect(sessionDateChangeRefusal(current, earlier, 0)).toBeNull();
    expect(sessionDateChangeRefusal(current, later, 0)).toBeNull();
  });

  it('lets a session with learners move only later', () => {
    expect(sessionDateChangeRefusal(current, later, 3)).toBeNull();
    expect(sessionDateChangeRefusal(current, current, 3)).toBeNull();
    expect(sessionDateChangeRefusal(current, earlier, 3)).toEqual({
      reason: 'EARLIER_WITH_LEARNERS',
      field: 'startsAt',
      seatsTaken: 3,
    });
  });

  it('refuses an end brought forward even when the start stays', () => {
    const shorter = { startsAt: current.startsAt, endsAt: at('2021-03-18T16:30:00+08:00') };
    expect(sessionDateChangeRefusal(current, shorter, 1)).toEqual({
      reason: 'EARLIER_WITH_LEARNERS',
      field: 'endsAt',
      seatsTaken: 1,
    });
  });

  it('refuses one millisecond earlier', () => {
    const nudged = { ...current, startsAt: new Date(current.startsAt.getTime() - 1) };
    expect(sessionDateChangeRefusal(current, nudged, 1)?.field).toBe('startsAt');
  });

  it('throws RangeError for an invalid date', () => {
    expect(() => sessionDateChangeRefusal(current, { ...later, endsAt: new Date(Number.NaN) }, 1)).toThrow(RangeError);
  });
});

describe('movesEarlier', () => {
  it('says whether either date moves earlier', () => {
    expect(movesEarlier(current, later)).toBe(false);
    expect(movesEarlier(current, earlier)).toBe(true);
    expect(movesEarlier(current, { startsAt: later.startsAt, endsAt: current.endsAt })).toBe(false);
  });
});

describe('datesOwedToLearner', () => {
  it('keeps the dates paid for when the session has since moved earlier', () => {
    expect(datesOwedToLearner(current, earlier)).toEqual(current);
  });

  it('follows a move later, never shortening what was paid for', () => {
    expect(datesOwedToLearner(current, later)).toEqual(later);
  });

  it('falls back to whichever dates are known', () => {
    expect(datesOwedToLearner(current, null)).toEqual(current);
    expect(datesOwedToLearner({ startsAt: null, endsAt: null }, later)).toEqual(later);
    expect(datesOwedToLearner({ startsAt: null, endsAt: null }, null)).toEqual({ startsAt: null, endsAt: null });
  });
});
