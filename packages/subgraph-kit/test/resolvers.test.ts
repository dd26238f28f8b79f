import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, mergeResolvers, referenced } from '../src';

describe('mergeResolvers', () => {
  it("merges the fields of each type from every map, keeping each map's resolvers", () => {
    const me = () => 'me';
    const course = () => 'course';
    const name = () => 'name';
    const merged = mergeResolvers<Record<string, object>>(
      { Query: { me }, Date: DateScalar },
      { Query: { course }, Learner: { name } },
    );
    expect(merged).toEqual({ Query: { me, course }, Date: DateScalar, Learner: { name } });
  });

  it('refuses a field two maps both define, naming it, rather than letting the later one win', () => {
    expect(() =>
      mergeResolvers<Record<string, object>>({ Learner: { name: () => 'a', id: () => '1' } }, { Learner: { name: () => 'b' } }),
    ).toThrow('Resolvers for Learner.name are defined twice');
  });

  it('refuses a scalar defined twice, or a scalar and fields under one name', () => {
    expect(() => mergeResolvers<Record<string, object>>({ Date: DateScalar }, { Date: DateTimeScalar })).toThrow(
      'Resolvers for Date are defined twice',
    );
    expect(() => mergeResolvers<Record<string, object>>({ Date: DateScalar }, { Date: { serialize: () => '' } })).toThrow(
      'Resolvers for Date are defined twice',
    );
  });
});

describe('referenced', () => {
  it('answers the row a field must have, and reports a missing one as a fault naming the field', async () => {
    await expect(referenced(Promise.resolve({ id: 'r1' }), 'Payment.registration')).resolves.toEqual({ id: 'r1' });
    await expect(referenced(Promise.resolve(null), 'Payment.registration')).rejects.toThrow(
      'Payment.registration: the row it must have is missing',
    );
  });
});
