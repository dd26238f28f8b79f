import { randomBytes } from 'node:crypto';

/** New ids tried before giving up: each is taken with odds of one in millions. */
const NEW_ID_ATTEMPTS = 5;

/** Six hex digits: short enough to read out on the phone, as session ids are. */
export const randomIdSuffix = (): string => randomBytes(3).toString('hex');

/**
 * Inserts a row under a new local id, `prefix` and a random suffix. `insert` inserts nothing and returns
 * undefined when the id is already taken (on conflict do nothing), and another suffix is tried: a repeat
 * is rare, but a course opened many times on one day must not fail a change on it.
 */
export async function insertUnderNewId<Row>(
  prefix: string,
  insert: (local: string) => Promise<Row | undefined>,
  suffix: () => string = randomIdSuffix,
): Promise<Row> {
  for (let attempt = 0; attempt < NEW_ID_ATTEMPTS; attempt += 1) {
    const row = await insert(`${prefix}-${suffix()}`);
    if (row !== undefined) return row;
  }
  throw new Error(`no free id under ${prefix} in ${NEW_ID_ATTEMPTS} tries`);
}
