import { byKey, groupBy, groupLoader, once, rowLoader } from '@xueshi/subgraph-kit';
import { describe, expect, it, vi } from 'vitest';

interface Row {
  id: string;
  course: string;
}

const rows: Row[] = [
  { id: 's1', course: 'c2' },
  { id: 's2', course: 'c1' },
  { id: 's3', course: 'c2' },
  { id: 's4', course: 'c9' },
];

describe('groupBy', () => {
  it('answers one list per key, in the order the keys were asked for, rows kept in their order', () => {
    expect(groupBy(['c1', 'c2', 'c3'], rows, (row) => row.course)).toEqual([
      [{ id: 's2', course: 'c1' }],
      [
        { id: 's1', course: 'c2' },
        { id: 's3', course: 'c2' },
      ],
      [],
    ]);
  });

  it('ignores rows for keys nobody asked for, and answers every key even with no rows', () => {
    expect(groupBy(['c3'], rows, (row) => row.course)).toEqual([[]]);
    expect(groupBy([], rows, (row) => row.course)).toEqual([]);
    expect(groupBy(['c1', 'c1'], rows, (row) => row.course)).toEqual([[rows[1]], [rows[1]]]);
  });
});

describe('byKey', () => {
  it('answers one row per key in key order, null where there is none', () => {
    expect(byKey(['s3', 'missing', 's1'], rows, (row) => row.id)).toEqual([rows[2], null, rows[0]]);
    expect(byKey([], rows, (row) => row.id)).toEqual([]);
  });

  it('works with non-string keys', () => {
    const numbered = [{ n: 2 }, { n: 1 }];
    expect(byKey([1, 2, 3], numbered, (row) => row.n)).toEqual([{ n: 1 }, { n: 2 }, null]);
  });
});

describe('rowLoader and groupLoader', () => {
  it('select once for all the keys asked in one tick, each key given once, and answer each key as byKey and groupBy do', async () => {
    const select = vi.fn(async (keys: string[]) => rows.filter((row) => keys.includes(row.id) || keys.includes(row.course)));
    const session = rowLoader('session', select, (row) => row.id);
    expect(await Promise.all([session.load('s3'), session.load('missing'), session.load('s3')])).toEqual([
      rows[2],
      null,
      rows[2],
    ]);
    expect(select).toHaveBeenCalledTimes(1);
    expect(select).toHaveBeenLastCalledWith(['s3', 'missing']);

    const sessionsByCourse = groupLoader('sessionsByCourse', select, (row) => row.course);
    expect(await Promise.all([sessionsByCourse.load('c2'), sessionsByCourse.load('c3')])).toEqual([[rows[0], rows[2]], []]);
    expect(select).toHaveBeenCalledTimes(2);
    expect(select).toHaveBeenLastCalledWith(['c2', 'c3']);
  });
});

describe('once', () => {
  it('runs the query lazily and only once, however many callers ask, concurrently or later', async () => {
    const load = vi.fn(async () => ['row']);
    const cached = once(load);
    expect(load).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([cached(), cached()]);
    expect(await cached()).toBe(first);
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps a failure for the rest of the request rather than querying again', async () => {
    const load = vi.fn(() => Promise.reject(new Error('down')));
    const cached = once(load);
    await expect(cached()).rejects.toThrow('down');
    await expect(cached()).rejects.toThrow('down');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
