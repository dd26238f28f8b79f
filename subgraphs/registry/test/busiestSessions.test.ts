import { describe, expect, it } from 'vitest';
import { fullest } from '../src/services/busiestSessions';

const session = (sessionId: string, held: number, capacity: number) => ({ institution: 'sjtu', sessionId, held, capacity });

describe('fullest', () => {
  it('ranks by share of seats held, then fewest seats left, then id, and keeps the first few', () => {
    const ranked = fullest(
      [session('c', 10, 100), session('b', 4, 5), session('a', 40, 50), session('d', 8, 10), session('e', 4, 5)],
      3,
    );
    expect(ranked.map(({ sessionId }) => sessionId)).toEqual(['b', 'e', 'd']);
    expect(fullest([session('x', 40, 50), session('y', 4, 5)], 10).map(({ sessionId }) => sessionId)).toEqual(['y', 'x']);
  });
});
