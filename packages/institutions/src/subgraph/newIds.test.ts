import { describe, expect, it } from 'vitest';
import { insertUnderNewId, randomIdSuffix } from './newIds';

/** A table that refuses an id it holds, as `insert … on conflict do nothing returning` does. */
function table(taken: string[]) {
  const ids = new Set(taken);
  const tried: string[] = [];
  const insert = async (local: string) => {
    tried.push(local);
    if (ids.has(local)) return undefined;
    ids.add(local);
    return { id: local };
  };
  return { insert, tried };
}

const suffixes =
  (...values: string[]) =>
  () =>
    values.shift() ?? 'ffffff';

describe('insertUnderNewId', () => {
  it('inserts under the prefix and a suffix', async () => {
    const { insert } = table([]);
    expect(await insertUnderNewId('2021-data-0311', insert, suffixes('a1b2c3'))).toEqual({ id: '2021-data-0311-a1b2c3' });
  });

  it('tries another suffix when the id is taken, instead of failing', async () => {
    const { insert, tried } = table(['2021-data-0311-aaaaaa', '2021-data-0311-bbbbbb']);
    const row = await insertUnderNewId('2021-data-0311', insert, suffixes('aaaaaa', 'bbbbbb', 'cccccc'));
    expect(row).toEqual({ id: '2021-data-0311-cccccc' });
    expect(tried).toEqual(['2021-data-0311-aaaaaa', '2021-data-0311-bbbbbb', '2021-data-0311-cccccc']);
  });

  it('gives up after a few taken ids rather than looping', async () => {
    const { insert, tried } = table(['p-ffffff']);
    await expect(insertUnderNewId('p', insert, () => 'ffffff')).rejects.toThrow(/no free id under p/);
    expect(tried).toHaveLength(5);
  });

  it('makes suffixes of six hex digits', () => {
    expect(randomIdSuffix()).toMatch(/^[0-9a-f]{6}$/);
  });
});
