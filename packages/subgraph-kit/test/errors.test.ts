import { ApolloServer } from '@apollo/server';
import { ErrorCode, UserError, badInput, createErrorFormatter, createLogger, forbidden, notFound } from '@xueshi/subgraph-kit';
import type { Logger } from '@xueshi/subgraph-kit';
import { beforeAll, describe, expect, it } from 'vitest';

/** A logger that keeps what it writes, to check what the log gets that the client does not. */
function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('errors-test', {
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

const SECRET = 'duplicate key value violates unique constraint "learners_id_number_key" 310104198806150011';

describe('createErrorFormatter', () => {
  let lines: Record<string, unknown>[];
  let server: ApolloServer;

  const run = async (query: string) => {
    const { body } = await server.executeOperation({ query });
    if (body.kind !== 'single') throw new Error('expected a single result');
    return body.singleResult;
  };

  beforeAll(async () => {
    const captured = capturingLogger();
    lines = captured.lines;
    server = new ApolloServer({
      typeDefs: 'type Query { fine: String, denied: String, missing: String, bad: String, broken: String, rejected: String }',
      resolvers: {
        Query: {
          fine: () => 'ok',
          denied: () => {
            throw forbidden();
          },
          missing: () => {
            throw notFound({ zh: '班次', en: 'Session' }, 'sjtu-s-1');
          },
          bad: () => {
            throw badInput({ zh: '手机号无效', en: 'Invalid mobile number' }, 'mobile');
          },
          broken: () => {
            throw new Error(SECRET);
          },
          rejected: () => Promise.reject(new TypeError(`cannot read ${SECRET}`)),
        },
      },
      formatError: createErrorFormatter(captured.logger),
      includeStacktraceInErrorResponses: false,
      logger: captured.logger,
    });
  });

  it('passes a UserError through with its code, bilingual message and details', async () => {
    const result = await run('{ fine denied missing bad }');
    expect(result.data).toEqual({ fine: 'ok', denied: null, missing: null, bad: null });
    const byPath = Object.fromEntries((result.errors ?? []).map((error) => [error.path?.[0], error]));
    expect(byPath['denied']).toMatchObject({
      message: '无权执行此操作 (You are not allowed to do this)',
      extensions: { code: ErrorCode.FORBIDDEN, zh: '无权执行此操作', en: 'You are not allowed to do this' },
    });
    expect(byPath['missing']?.extensions).toMatchObject({ code: ErrorCode.NOT_FOUND, id: 'sjtu-s-1', en: 'Session not found' });
    expect(byPath['bad']?.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'mobile' });
  });

  it('masks a plain Error as INTERNAL_SERVER_ERROR without its message, and logs it', async () => {
    const before = lines.length;
    const result = await run('{ fine broken rejected }');
    expect(result.data).toEqual({ fine: 'ok', broken: null, rejected: null });
    expect(result.errors).toHaveLength(2);
    for (const error of result.errors ?? []) {
      expect(error.message).toBe('服务内部错误 (Internal server error)');
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    }
    expect(result.errors?.map((error) => error.path)).toEqual([['broken'], ['rejected']]);
    expect(JSON.stringify(result)).not.toContain('learners_id_number_key');
    const logged = lines.slice(before).filter((line) => line['msg'] === 'unexpected error in resolver');
    expect(logged).toHaveLength(2);
    expect(JSON.stringify(logged)).toContain('learners_id_number_key');
  });

  it("passes GraphQL's own errors through: a client must see why its query is invalid", async () => {
    const result = await run('{ fine nope }');
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks an error thrown outside any resolver, and keeps a UserError thrown there', () => {
    const { logger } = capturingLogger();
    const format = createErrorFormatter(logger);
    const formatted = { message: SECRET, extensions: { code: 'WHATEVER' } };
    expect(format(formatted, new Error(SECRET))).toEqual({
      message: '服务内部错误 (Internal server error)',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const userError = new UserError(ErrorCode.CONFLICT, { zh: '已报名', en: 'Already registered' });
    const passed = { message: userError.message, extensions: { code: 'CONFLICT' } };
    expect(format(passed, userError)).toBe(passed);
  });
});
