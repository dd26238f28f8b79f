import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant as ISO 8601 in Asia/Shanghai time, e.g. 2021-03-05T09:00:00+08:00. */
export function formatShanghaiInstant(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) {
    throw new GraphQLError('DateTime must be ISO 8601 with an offset, e.g. 2021-02-22T10:00:00+08:00', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(value);
}

function isRealDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Instants are stored in UTC and shown in Asia/Shanghai. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with offset; shown in Asia/Shanghai (+08:00).',
  serialize: (value) => {
    if (value instanceof Date) return formatShanghaiInstant(value);
    if (typeof value === 'string') return formatShanghaiInstant(parseInstant(value));
    throw new GraphQLError('DateTime cannot represent this value');
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseInstant(ast.value);
  },
});

/** A calendar day in Asia/Shanghai, YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day in Asia/Shanghai, YYYY-MM-DD.',
  serialize: (value) => {
    if (typeof value === 'string' && isRealDay(value)) return value;
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue: (value) => {
    if (typeof value === 'string' && isRealDay(value)) return value;
    throw new GraphQLError('Date must be YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING && isRealDay(ast.value)) return ast.value;
    throw new GraphQLError('Date must be YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
