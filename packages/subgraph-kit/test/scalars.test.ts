import { DateScalar, DateTimeScalar, createLogger, formatShanghaiInstant } from '@xueshi/subgraph-kit';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse, parseConstValue } from 'graphql';
import { describe, expect, it } from 'vitest';

describe('DateTime', () => {
  it('serialises an instant in Asia/Shanghai time with +08:00, across the date line', () => {
    expect(DateTimeScalar.serialize(new Date('2021-03-05T01:00:00Z'))).toBe('2021-03-05T09:00:00+08:00');
    expect(DateTimeScalar.serialize(new Date('2021-03-04T16:30:00Z'))).toBe('2021-03-05T00:30:00+08:00');
    expect(DateTimeScalar.serialize('2021-12-31T20:00:00-05:00')).toBe('2022-01-01T09:00:00+08:00');
    expect(formatShanghaiInstant(new Date('2021-02-22T02:00:00.000Z'))).toBe('2021-02-22T10:00:00+08:00');
  });

  it('parses ISO 8601 with an offset to the same instant, as a variable and as a literal', () => {
    const parsed = DateTimeScalar.parseValue('2021-02-22T10:00:00+08:00');
    expect(parsed).toBeInstanceOf(Date);
    expect(parsed.toISOString()).toBe('2021-02-22T02:00:00.000Z');
    expect(DateTimeScalar.parseLiteral(parseConstValue('"2021-02-22T02:00:00Z"')).toISOString()).toBe('2021-02-22T02:00:00.000Z');
  });

  it('refuses strings without an offset, non-dates and non-strings with BAD_USER_INPUT', () => {
    for (const value of ['2021-02-22T10:00:00', '2021-02-22', '2021-02-22 10:00:00+08:00', 'soon', 1_614_000_000_000, null]) {
      let failure: unknown;
      try {
        DateTimeScalar.parseValue(value);
      } catch (error) {
        failure = error;
      }
      expect(failure, String(value)).toBeInstanceOf(GraphQLError);
      expect((failure as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    }
    expect(() => DateTimeScalar.parseLiteral(parseConstValue('"2021-02-22T10:00:00"'))).toThrow(GraphQLError);
    expect(() => DateTimeScalar.parseLiteral(parseConstValue('20210222'))).toThrow(GraphQLError);
    expect(() => DateTimeScalar.serialize('2021-02-22T10:00:00')).toThrow(GraphQLError);
    expect(() => DateTimeScalar.serialize(42)).toThrow(GraphQLError);
  });
});

describe('Date', () => {
  it('accepts real calendar days, leap days included', () => {
    expect(DateScalar.parseValue('2021-02-28')).toBe('2021-02-28');
    expect(DateScalar.parseValue('2020-02-29')).toBe('2020-02-29');
    expect(DateScalar.parseLiteral(parseConstValue('"2021-12-31"'))).toBe('2021-12-31');
    expect(DateScalar.serialize('2021-03-05')).toBe('2021-03-05');
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const value of [
      '2021-02-30',
      '2021-02-29',
      '2021-13-01',
      '2021-04-31',
      '2021-00-10',
      '2021-3-5',
      '2021-03-05T00:00:00Z',
      20210305,
    ]) {
      expect(() => DateScalar.parseValue(value), String(value)).toThrow(/YYYY-MM-DD/);
      expect(() => DateScalar.serialize(value), String(value)).toThrow(GraphQLError);
    }
    expect(() => DateScalar.parseLiteral(parseConstValue('"2021-02-30"'))).toThrow(GraphQLError);
  });
});

describe('both scalars in a subgraph schema', () => {
  const schema = buildSubgraphSchema({
    typeDefs: parse(`
      scalar Date
      scalar DateTime
      type Query {
        startsAt: DateTime!
        day(day: Date!): Date!
        later(at: DateTime!): DateTime!
      }
    `),
    resolvers: {
      Date: DateScalar,
      DateTime: DateTimeScalar,
      Query: {
        startsAt: () => new Date('2021-03-05T01:00:00Z'),
        day: (_: unknown, args: { day: string }) => args.day,
        later: (_: unknown, args: { at: Date }) => new Date(args.at.getTime() + 3_600_000),
      },
    },
  });
  // Executed by Apollo Server, as the subgraphs do: graphql-js's own `graphql()` would be another copy
  // of the module under Vitest (ESM here, CommonJS inside @apollo/subgraph) and refuse the schema.
  const server = new ApolloServer({ schema, logger: createLogger('scalars', { level: 'silent' }) });
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const { body } = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
    if (body.kind !== 'single') throw new Error('expected a single result');
    return body.singleResult;
  };

  it('answers instants in +08:00 and takes them back with any offset', async () => {
    expect((await run('{ startsAt later(at: "2021-03-05T09:00:00+08:00") }')).data).toEqual({
      startsAt: '2021-03-05T09:00:00+08:00',
      later: '2021-03-05T10:00:00+08:00',
    });
  });

  it('refuses 2021-02-30 and a DateTime without offset, as literals and as variables', async () => {
    expect((await run('{ day(day: "2021-02-28") }')).data).toEqual({ day: '2021-02-28' });
    for (const [source, variables] of [
      ['{ day(day: "2021-02-30") }', undefined],
      ['query ($d: Date!) { day(day: $d) }', { d: '2021-02-30' }],
      ['{ later(at: "2021-03-05T09:00:00") }', undefined],
      ['query ($at: DateTime!) { later(at: $at) }', { at: '2021-03-05T09:00:00' }],
    ] as const) {
      const result = await run(source, variables);
      expect(result.data, source).toBeUndefined();
      expect(result.errors?.[0]?.message, source).toMatch(/YYYY-MM-DD|offset/);
    }
  });
});
