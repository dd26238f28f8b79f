import { describe, expect, it } from 'vitest';
import { normaliseEmployer } from './normaliseEmployer';

describe('normaliseEmployer', () => {
  it('folds full-width forms and spaces in employer names', () => {
    expect(normaliseEmployer('ＡＢＣ 公司（上海）')).toBe(normaliseEmployer('abc公司(上海)'));
    expect(normaliseEmployer('上海电气')).not.toBe(normaliseEmployer('上海电器'));
  });
});
