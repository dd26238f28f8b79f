/** Queries built to cross a limit: the suites that test query limits, at the gateway and at subgraphs, share them. */

/** `count` aliased copies of `field`: `{ a0: <field> a1: <field> … }`. */
export const aliased = (count: number, field: string): string =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;

/**
 * A query `depth` fields deep, the id at the bottom counted, walking from `root` through course and
 * sessions in turn: `{ session(id: …) { course { sessions { id } } } }` is 4 deep.
 */
export function nested(depth: number, root = 'session(id: "sjtu:session:x")'): string {
  const fields = [root];
  while (fields.length < depth - 1) fields.push(fields.length % 2 === 1 ? 'course' : 'sessions');
  return `{ ${fields.join(' { ')} { id ${'} '.repeat(fields.length)}}`;
}
