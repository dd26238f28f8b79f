import { describe, expect, it } from 'vitest';
import { creditCodeOfIdentity, employerIdentity } from './employerIdentity';

describe('employerIdentity', () => {
  it('is the listing employer’s credit code, whatever name the learner typed', () => {
    expect(employerIdentity('电气集团', '913100001322153413')).toBe('code:913100001322153413');
    expect(employerIdentity('上海电气集团股份有限公司', '913100001322153413')).toBe(
      employerIdentity('随便写的', '913100001322153413'),
    );
    expect(creditCodeOfIdentity(employerIdentity('x', '913100001322153413'))).toBe('913100001322153413');
  });

  it('is the typed name trimmed, width-folded, without spaces and case-folded for a learner no employer lists', () => {
    expect(employerIdentity(' 上海 甲科技（集团）　有限公司 ', null)).toBe(
      employerIdentity('上海甲科技(集团)有限公司', undefined),
    );
    expect(employerIdentity('ＡＢＣ Ltd', null)).toBe('name:abcltd');
    expect(creditCodeOfIdentity(employerIdentity('ＡＢＣ Ltd', null))).toBeNull();
  });

  it('never takes a typed name for a registered employer', () => {
    expect(employerIdentity('code:913100001322153413', null)).not.toBe(employerIdentity('', '913100001322153413'));
  });
});
