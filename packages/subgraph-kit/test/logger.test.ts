import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, scrubText } from '@xueshi/subgraph-kit';
import type { Database } from '@xueshi/subgraph-kit';
import { openTestDatabase, testDatabaseUrl } from '@xueshi/subgraph-kit/testing';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('logger-test', { level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines };
}

describe('logs', () => {
  it('mask ID numbers and mobiles and drop tokens in free text', () => {
    expect(scrubText('id 310115198503121234, mobile 13912345678, Bearer eyJhbGciOi.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')).toBe(
      'id 310***********1234, mobile 139****5678, Bearer [token]',
    );
    expect(scrubText('order 20210500000001 costs 24000')).toBe('order 20210500000001 costs 24000');
  });

  it("keep a driver error's message and stack but never its parameters", () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('duplicate key value violates unique constraint: 310115198503121234'), {
      code: '23505',
      parameters: ['310115198503121234', '13912345678'],
    });
    logger.error({ err: error }, 'insert failed');
    const logged = lines.join('');
    expect(logged).toContain('duplicate key value');
    expect(logged).toContain('"code":"23505"');
    expect(logged).not.toContain('310115198503121234');
    expect(logged).not.toContain('13912345678');
    expect(logged).not.toContain('parameters');
  });

  it('redact secrets and personal fields wherever an object holds them', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'hunter2 hunter2',
        input: { idNumber: '310115198503121234', mobile: '13912345678' },
        authorization: 'Bearer x',
      },
      'something happened to 13912345678',
    );
    const logged = lines.join('');
    for (const secret of ['hunter2', '310115198503121234', '13912345678', 'Bearer x']) expect(logged).not.toContain(secret);
  });
});

describe(`database errors in logs (${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  // Values no log may hold: none looks like an ID number or mobile, so only dropping them hides them.
  const TAKEN = 'KEY-VALUE-7Q2W';
  const NOT_A_NUMBER = 'SYNTAX-VALUE-9E3R';
  const NAME = '泄漏测试员';

  beforeAll(async () => {
    database = await openTestDatabase('logger_db_errors', []);
    await database.raw.exec(
      "create table people (id serial primary key, code text unique, age integer, name text constraint people_name_allowed check (name <> '泄漏测试员'))",
    );
    await database.raw.query('insert into people (code) values ($1)', [TAKEN]);
  });
  afterAll(() => database?.close());

  /** What the logger writes for the error `work` throws. */
  async function logged(work: () => Promise<unknown>): Promise<string> {
    const error = await work().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    const { logger, lines } = capture();
    logger.error({ err: error }, 'unexpected error in resolver');
    logger.warn({ failure: error }, 'logged under another key');
    return lines.join('');
  }

  const expectNoValues = (text: string) => {
    for (const value of [TAKEN, NOT_A_NUMBER, NAME]) expect(text).not.toContain(value);
    for (const field of ['params', 'parameters', 'detail', 'Failing row', 'Key (']) expect(text).not.toContain(field);
  };

  it('keep the SQLSTATE and constraint of a unique violation, never the key (drizzle and raw)', async () => {
    for (const text of [
      await logged(() => database.db.execute(sql`insert into people (code, age) values (${TAKEN}, ${41})`)),
      await logged(() => database.raw.query('insert into people (code) values ($1)', [TAKEN])),
    ]) {
      expectNoValues(text);
      expect(text).toContain('"code":"23505"');
      expect(text).toContain('people_code_key');
    }
  });

  it('keep the type error of a bad value without the value PostgreSQL quotes', async () => {
    for (const text of [
      await logged(() => database.db.execute(sql`insert into people (age) values (${NOT_A_NUMBER})`)),
      await logged(() => database.raw.query('insert into people (age) values ($1)', [NOT_A_NUMBER])),
    ]) {
      expectNoValues(text);
      expect(text).toContain('"code":"22P02"');
      expect(text).toContain('invalid input syntax for type integer: \\"…\\"');
    }
  });

  it('keep a check violation and the failed statement without the failing row or parameters', async () => {
    const text = await logged(() => database.db.execute(sql`insert into people (name) values (${NAME})`));
    expectNoValues(text);
    expect(text).toContain('"code":"23514"');
    expect(text).toContain('people_name_allowed');
    expect(text).toContain('Failed query: insert into people (name) values ($1)');
  });
});
