import { describe, expect, it } from 'vitest';
import { CATEGORIES, isCategory } from './Category';

describe('Category', () => {
  it('has exactly REQUIRED and ELECTIVE', () => {
    expect(CATEGORIES).toEqual(['REQUIRED', 'ELECTIVE']);
    expect(isCategory('REQUIRED')).toBe(true);
    expect(isCategory('ELECTIVE')).toBe(true);
    expect(isCategory('required')).toBe(false);
    expect(isCategory(undefined)).toBe(false);
  });
});
