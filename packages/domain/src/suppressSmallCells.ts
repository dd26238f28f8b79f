/** The fewest distinct learners a published group of aggregate figures may describe. */
export const MIN_LEARNERS_PER_CELL = 5;

/** One group (cell) of an aggregate answer, as the suppression rule sees it. */
export interface FactCell {
  /** The cell's value in each dimension of the answer, in the same dimension order in every cell. */
  readonly coordinates: readonly string[];
  /** Opaque ids of the learners the cell's figures describe (repeats allowed). */
  readonly learnerIds: readonly string[];
  /**
   * The cell's distinct learners when counted where the data is: then `learnerIds` need name them only
   * when they are fewer than the minimum, since a group holding a cell of the minimum already reaches it.
   */
  readonly learners?: number;
}

/**
 * Which cells of one answer to withhold, one flag per cell in order.
 *
 * Primary: a cell with fewer than `minimum` distinct learners is withheld. Complementary: an analyst
 * knows every coarser total of the same cells (the answer grouped by any subset of its dimensions,
 * down to the grand total), so within each such group of two or more cells the withheld cells, if
 * any, must be at least two and together describe at least `minimum` distinct learners; otherwise the
 * smallest published cells of the group are withheld too (fewest learners first, then by coordinates,
 * so the choice does not depend on the order of the input). Subtracting published cells from any of
 * those totals thus never isolates one withheld cell, and what it leaves describes at least as many
 * learners as a published cell. Repeats until every group holds, since withholding a cell in one
 * group can leave another short.
 *
 * Throws RangeError when the cells disagree on the number of dimensions or `minimum` is below 1.
 */
export function suppressSmallCells(cells: readonly FactCell[], minimum: number = MIN_LEARNERS_PER_CELL): boolean[] {
  if (!Number.isInteger(minimum) || minimum < 1) throw new RangeError(`The minimum must be a positive integer, got ${minimum}`);
  const dimensions = cells[0]?.coordinates.length ?? 0;
  if (cells.some((cell) => cell.coordinates.length !== dimensions)) {
    throw new RangeError('Every cell must have a coordinate in each dimension');
  }
  const sizes = cells.map((cell) => cell.learners ?? new Set(cell.learnerIds).size);
  // Whether withheld cells together describe `minimum` distinct learners: ids are needed only below it.
  const reachMinimum = (indices: readonly number[]) =>
    indices.some((index) => (sizes[index] ?? 0) >= minimum) ||
    new Set(indices.flatMap((index) => cells[index]?.learnerIds ?? [])).size >= minimum;
  const withheld = sizes.map((size) => size < minimum);
  const order = (a: number, b: number) =>
    (sizes[a] ?? 0) - (sizes[b] ?? 0) ||
    JSON.stringify(cells[a]?.coordinates).localeCompare(JSON.stringify(cells[b]?.coordinates));

  const groups: number[][] = [];
  // Every proper subset of the dimensions, as a bit mask: the coarser groupings whose totals are known.
  for (let kept = 0; kept < 2 ** dimensions - 1; kept += 1) {
    const byKey = new Map<string, number[]>();
    cells.forEach((cell, index) => {
      const key = JSON.stringify(cell.coordinates.filter((_, dimension) => (kept & (1 << dimension)) !== 0));
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    for (const group of byKey.values()) if (group.length > 1) groups.push(group.sort(order));
  }

  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      const hidden = group.filter((index) => withheld[index]);
      if (hidden.length === 0) continue;
      for (const index of group) {
        if (hidden.length >= 2 && reachMinimum(hidden)) break;
        if (withheld[index]) continue;
        withheld[index] = true;
        hidden.push(index);
        changed = true;
      }
    }
  }
  return withheld;
}
