import { describe, expect, it } from 'vitest';
import { MAX_STATEMENT_SHAPE, statementShape } from '../src/statementShape';

describe('statementShape', () => {
  it('keeps parameters, identifiers and keywords, and collapses whitespace', () => {
    expect(statementShape('select "id", "name"\n   from "learners"\twhere "learners"."id_number" = $1 limit $2')).toBe(
      'select "id", "name" from "learners" where "learners"."id_number" = $1 limit $2',
    );
  });

  it('replaces every literal written into a statement, whatever its quoting', () => {
    const shape = statementShape(
      `update learners set name = '欧阳''娜娜', note = E'a\\'b', mobile = $tag$13987654321$tag$, body = $$x$$ where id_number = 310115198503121234 and score > 2.5e3 -- 13987654321\n /* 张伟 */`,
    );
    expect(shape).toBe('update learners set name = ?, note = ?, mobile = ?, body = ? where id_number = ? and score > ?');
  });

  it('leaves digits inside identifiers and parameters alone', () => {
    expect(statementShape('select "t1"."col2" from t1 where x = $12')).toBe('select "t1"."col2" from t1 where x = $12');
  });

  it('cuts a very long statement', () => {
    const shape = statementShape(`select ${'"a", '.repeat(2_000)}"b"`);
    expect(shape.length).toBe(MAX_STATEMENT_SHAPE + 1);
    expect(shape.endsWith('…')).toBe(true);
  });
});
