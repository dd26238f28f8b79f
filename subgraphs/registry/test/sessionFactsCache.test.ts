import { describe, expect, it } from 'vitest';
import type { SessionFacts } from '../src/services/institutionDirectory';
import { SessionFactsCache } from '../src/services/sessionFactsCache';
import type { VersionedFacts } from '../src/services/sessionFactsCache';

const facts = (id: string, capacity: number): SessionFacts => ({
  id,
  institution: 'sjtu',
  courseId: 'sjtu:course:2021-data',
  courseTitle: '数据要素',
  category: 'REQUIRED',
  year: 2021,
  minutes: 360,
  feeFen: 12_000,
  startsAt: new Date('2021-03-18T01:00:00Z'),
  endsAt: new Date('2021-03-19T08:30:00Z'),
  firstDay: '2021-03-18',
  lastDay: '2021-03-19',
  deliveryMode: 'LIVE_ONLINE',
  capacity,
  registrationOpensAt: new Date('2021-02-22T02:00:00Z'),
  registrationClosesAt: new Date('2021-03-18T01:00:00Z'),
  restrictedToEmployer: null,
  employerCreditCode: null,
});

/** A cache on a clock the test moves, and a loader that counts its reads of the owner. */
function setUp(maxAgeMs = 10_000) {
  let now = 0;
  const cache = new SessionFactsCache(maxAgeMs, () => now);
  const loads = { count: 0 };
  const load = (answer: VersionedFacts | null) => async (): Promise<VersionedFacts | null> => {
    loads.count += 1;
    await Promise.resolve();
    return answer;
  };
  return { cache, loads, load, advance: (ms: number) => (now += ms) };
}

describe('SessionFactsCache: a session read once for everyone registering, until it changes', () => {
  it('shares one read among callers at once, then keeps it until its age is up', async () => {
    const { cache, loads, load, advance } = setUp();
    const read = { facts: facts('sjtu:session:a', 20), version: 3 };
    const together = await Promise.all([cache.get('sjtu:session:a', load(read)), cache.get('sjtu:session:a', load(read))]);
    advance(9_999);
    const kept = await cache.get('sjtu:session:a', load(read));
    advance(1);
    const expired = await cache.get('sjtu:session:a', load(read));

    expect(together.map((held) => held?.cached)).toEqual([false, false]);
    expect(kept).toEqual({ ...read, cached: true });
    expect(expired?.cached).toBe(false);
    expect(loads.count).toBe(2);
  });

  it('reads again a session it was told to forget, and never keeps one not found', async () => {
    const { cache, loads, load } = setUp();
    await cache.get('sjtu:session:a', load({ facts: facts('sjtu:session:a', 20), version: 0 }));
    cache.forget('sjtu:session:a');
    const fresh = await cache.get('sjtu:session:a', load({ facts: facts('sjtu:session:a', 1), version: 1 }));
    const missing = [await cache.get('sjtu:session:b', load(null)), await cache.get('sjtu:session:b', load(null))];

    expect(fresh).toMatchObject({ version: 1, cached: false, facts: { capacity: 1 } });
    expect(missing).toEqual([null, null]);
    expect(loads.count).toBe(4);
  });

  it('keeps nothing when its age is 0', async () => {
    const { cache, loads, load } = setUp(0);
    const read = { facts: facts('sjtu:session:a', 20), version: 0 };
    await cache.get('sjtu:session:a', load(read));
    await cache.get('sjtu:session:a', load(read));

    expect(loads.count).toBe(2);
  });
});
