/** Whether credit hours come from a required (必修) or an elective (选修) course. */
export type Category = 'REQUIRED' | 'ELECTIVE';

/** Every category, in display order. */
export const CATEGORIES: readonly Category[] = Object.freeze(['REQUIRED', 'ELECTIVE'] as const);

/** Whether `value` is a Category; never throws. */
export function isCategory(value: unknown): value is Category {
  return value === 'REQUIRED' || value === 'ELECTIVE';
}
