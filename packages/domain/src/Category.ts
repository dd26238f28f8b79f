/** Every category, in display order: credit hours come from a required (必修) or an elective (选修) course. */
export const CATEGORIES = Object.freeze(['REQUIRED', 'ELECTIVE'] as const);

/** Whether credit hours come from a required (必修) or an elective (选修) course. */
export type Category = (typeof CATEGORIES)[number];

/** Whether `value` is a Category; never throws. */
export function isCategory(value: unknown): value is Category {
  return (CATEGORIES as readonly unknown[]).includes(value);
}
