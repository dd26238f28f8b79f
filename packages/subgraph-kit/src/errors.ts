import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

/** The stable `extensions.code` values a client may branch on. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  REGISTRATION_CLOSED: 'REGISTRATION_CLOSED',
  SESSION_FULL: 'SESSION_FULL',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
  UNAVAILABLE: 'UNAVAILABLE',
  /** A date depends on a year whose official working-day calendar the system does not hold yet. */
  CALENDAR_YEAR_NOT_HELD: 'CALENDAR_YEAR_NOT_HELD',
  /** In production, an anonymous caller or a learner sent an operation the frontends do not ship. */
  OPERATION_NOT_TRUSTED: 'OPERATION_NOT_TRUSTED',
  /** The operation cannot be planned within the gateway's planning budget. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * A failure the caller caused or can act on. Its message is shown to people, in Chinese and English;
 * `code` is what programs branch on and never changes.
 */
export class UserError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: Bilingual, details: Record<string, unknown> = {}) {
    super(`${message.zh} (${message.en})`, {
      extensions: { ...details, code, zh: message.zh, en: message.en },
    });
    this.code = code;
  }
}

export const unauthenticated = (message: Bilingual = { zh: '请先登录', en: 'Please sign in first' }) =>
  new UserError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message: Bilingual = { zh: '无权执行此操作', en: 'You are not allowed to do this' }) =>
  new UserError(ErrorCode.FORBIDDEN, message);

export const notFound = (what: Bilingual, id?: string) =>
  new UserError(ErrorCode.NOT_FOUND, { zh: `未找到${what.zh}`, en: `${what.en} not found` }, id === undefined ? {} : { id });

export const badInput = (message: Bilingual, field?: string) =>
  new UserError(ErrorCode.BAD_USER_INPUT, message, field === undefined ? {} : { field });

export const conflict = (message: Bilingual) => new UserError(ErrorCode.CONFLICT, message);

/**
 * CALENDAR_YEAR_NOT_HELD: what was asked needs `year`'s official calendar, which is neither built in nor
 * loaded yet (ADR 0029); `message` says what waits for it, `field` the input that named the year.
 */
export const calendarYearNotHeld = (year: number, message: Bilingual, field?: string) =>
  new UserError(ErrorCode.CALENDAR_YEAR_NOT_HELD, message, field === undefined ? { year } : { year, field });

/** What a caller is told while the service's database is out of reach: nothing was done, try again. */
export const DATABASE_UNAVAILABLE: Bilingual = {
  zh: '数据库暂时无法访问，本次操作未执行，请稍后重试',
  en: 'The database is out of reach for the moment; nothing was done, please try again shortly',
};

/** What a caller is told when the database connection was lost while their change was being committed. */
export const DATABASE_OUTCOME_UNKNOWN: Bilingual = {
  zh: '保存时与数据库的连接中断，无法确认本次操作是否已生效，请先查看结果再决定是否重试',
  en: 'The connection to the database broke while this was being saved, so whether it took effect is unknown; check before trying again',
};

/**
 * Passes typed errors through unchanged and masks everything else: an unexpected error's message
 * may hold SQL or personal data, so only the log keeps it. At the gateway, a subgraph's errors arrive
 * as plain objects the subgraph has already formatted (and masked), so they pass too.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError || !(original instanceof Error)) return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: '服务内部错误 (Internal server error)',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
