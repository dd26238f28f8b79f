import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant as ISO 8601 in Asia/Shanghai time, e.g. 2021-03-05T09:00:00+08:00. */
export function formatShanghaiInstant(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Whether every part of an ISO 8601 instant is real: no 31 February, no hour 25, no offset of +15:00. */
function isRealInstant(parts: RegExpExecArray): boolean {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = parts
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const realDay = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  return realDay && hour < 24 && minute < 60 && second < 60 && offsetHours <= 14 && offsetMinutes < 60;
}

/** Parses an ISO 8601 instant with offset; BAD_USER_INPUT for anything else, including impossible dates. */
function parseInstant(value: unknown): Date {
  const parts = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (typeof value !== 'string' || !parts || !isRealInstant(parts)) {
    throw new GraphQLError(
      '时间须为带时区的 ISO 8601 格式 (DateTime must be ISO 8601 with an offset, e.g. 2021-02-22T10:00:00+08:00)',
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
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
    return parseInstant(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});

const DATE_MESSAGE = '日期须为 YYYY-MM-DD 格式的真实日期 (Date must be a real day, YYYY-MM-DD)';

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
    throw new GraphQLError(DATE_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING && isRealDay(ast.value)) return ast.value;
    throw new GraphQLError(DATE_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
