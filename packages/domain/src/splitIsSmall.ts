import { MIN_LEARNERS_PER_CELL } from './suppressSmallCells';

/**
 * Whether a count taken out of a published group must be withheld: when the learners it counts, or the
 * group's other learners (what subtracting it from the group's total leaves), are at least one and
 * fewer than `minimum`. None, or all, of a group is no one in particular.
 */
export function splitIsSmall(counted: number, rest: number, minimum: number = MIN_LEARNERS_PER_CELL): boolean {
  const small = (learners: number) => learners > 0 && learners < minimum;
  return small(counted) || small(rest);
}
