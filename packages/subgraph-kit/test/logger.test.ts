import { describe, expect, it } from 'vitest';
import { createLogger, scrubText } from '@xueshi/subgraph-kit';

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
