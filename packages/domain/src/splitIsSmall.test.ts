import { describe, expect, it } from 'vitest';
import { splitIsSmall } from './splitIsSmall';

describe('splitIsSmall', () => {
  it('withholds a count of 1 to 4 learners, or one that leaves 1 to 4 of the group', () => {
    expect(splitIsSmall(4, 20)).toBe(true);
    expect(splitIsSmall(1, 20)).toBe(true);
    expect(splitIsSmall(20, 4)).toBe(true);
    expect(splitIsSmall(5, 5)).toBe(false);
    expect(splitIsSmall(0, 20)).toBe(false);
    expect(splitIsSmall(20, 0)).toBe(false);
  });

  it('takes another threshold', () => {
    expect(splitIsSmall(5, 10, 10)).toBe(true);
    expect(splitIsSmall(10, 10, 10)).toBe(false);
  });
});
