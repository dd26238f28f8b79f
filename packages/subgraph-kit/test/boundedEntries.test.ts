import { describe, expect, it } from 'vitest';
import { makeRoom } from '../src/boundedEntries';

describe('makeRoom: stores of kept answers stay bounded', () => {
  const filled = (untils: number[]) => new Map(untils.map((until, index) => [`k${index}`, { until }]));

  it('leaves a store with room as it is', () => {
    const entries = filled([1, 2]);
    makeRoom(entries, 3, () => true);
    expect([...entries.keys()]).toEqual(['k0', 'k1']);
  });

  it('drops every expired entry of a full store, and nothing else', () => {
    const entries = filled([5, 1, 9, 2]);
    makeRoom(entries, 4, (entry) => entry.until <= 2);
    expect([...entries.keys()]).toEqual(['k0', 'k2']);
  });

  it('drops the oldest when nothing has expired', () => {
    const entries = filled([5, 6, 7]);
    makeRoom(entries, 3, () => false);
    expect([...entries.keys()]).toEqual(['k1', 'k2']);
  });
});
