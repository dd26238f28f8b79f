import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import {
  amongKeys,
  executedRows,
  openDatabase,
  openEmbeddedCluster,
  preparedStatement,
  renderedStatement,
  serveEmbeddedDatabase,
} from '@xueshi/subgraph-kit';
import type { Database, Db, EmbeddedServer, MigrationSource } from '@xueshi/subgraph-kit';
import { and, asc, gt, like, lt, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrationFolder, scratchDatabase, target } from './support/scratch';
import type { ScratchDatabase } from './support/scratch';

const notes = pgTable('notes', {
  id: text('id').primaryKey(),
  rank: integer('rank').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
});

const NOTES = 300;
const at = (index: number) => new Date(Date.UTC(2021, 1, 22, 2, index));
/** Keys that an array literal must quote and escape. */
const AWKWARD = ['say "hi"', 'back\\slash', 'a,b', '{braced}', 'NULL', ' spaced ', '引号'];
const rows = [...Array.from({ length: NOTES }, (_unused, index) => `n${index}`), ...AWKWARD].map((id, index) => ({
  id,
  rank: index,
  at: at(index),
}));

const notesById = preparedStatement('test_notesById', (db) =>
  db.select().from(notes).where(amongKeys(notes.id)).orderBy(asc(notes.rank)),
);
const notesByRank = preparedStatement('test_notesByRank', (db) =>
  db.select({ id: notes.id }).from(notes).where(amongKeys(notes.rank)).orderBy(asc(notes.rank)),
);
const notesAt = preparedStatement('test_notesAt', (db) =>
  db.select({ id: notes.id }).from(notes).where(amongKeys(notes.at)).orderBy(asc(notes.rank)),
);
const notesByIdBefore = preparedStatement<{ id: string }[], { keys: string[]; before: Date }>('test_notesByIdBefore', (db) =>
  db
    .select({ id: notes.id })
    .from(notes)
    .where(sql`${amongKeys(notes.id)} and ${notes.at} < ${sql.param(sql.placeholder('before'), notes.at)}`)
    .orderBy(asc(notes.rank)),
);

const ids = (found: { id: string }[]) => found.map((row) => row.id);

/** The cases every driver must pass: the loaders run on each. */
function preparedQueries(database: () => Database) {
  it('writes any number of keys as one array parameter, so the statement text never changes', () => {
    const query = database().db.select().from(notes).where(amongKeys(notes.id)).toSQL();
    expect(query.sql).toMatch(/"id" = any\(\$1::text\[\]\)$/);
    expect(query.params).toHaveLength(1);
  });

  it('answers no rows for no keys, and the rows of one key or of many', async () => {
    const { db } = database();
    expect(await notesById(db, { keys: [] })).toEqual([]);
    expect(await notesById(db, { keys: ['n7'] })).toEqual([rows[7]]);
    const many = rows.filter((_row, index) => index % 3 === 0);
    expect(await notesById(db, { keys: [...many.map((row) => row.id), 'missing'].reverse() })).toEqual(many);
    expect(ids(await notesById(db, { keys: [...AWKWARD, 'null', 'a', 'b'] }))).toEqual(AWKWARD);
  });

  it('binds integer and timestamp keys as the column types them', async () => {
    const { db } = database();
    expect(ids(await notesByRank(db, { keys: [] }))).toEqual([]);
    expect(ids(await notesByRank(db, { keys: [299, 0, 5, 1000] }))).toEqual(['n0', 'n5', 'n299']);
    expect(ids(await notesAt(db, { keys: [at(4), at(2)] }))).toEqual(['n2', 'n4']);
  });

  it('fills every placeholder of the statement, each as its column maps it', async () => {
    const { db } = database();
    expect(ids(await notesByIdBefore(db, { keys: ['n1', 'n2', 'n3', 'n9'], before: at(3) }))).toEqual(['n1', 'n2']);
  });

  it('counts one statement per call, however many keys it is given', async () => {
    const { db, statements } = database();
    const before = statements.count;
    await notesById(db, { keys: ['n1'] });
    await notesById(db, { keys: rows.map((row) => row.id) });
    expect(statements.count - before).toBe(2);
  });
}

/** A scratch schema of the target database holding the notes, open for the enclosing suite. */
function notesDatabase(name: string): () => Database {
  let scratch: ScratchDatabase;
  let database: Database;
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), `xueshi-${name}-`));
    scratch = await scratchDatabase(name, root);
    database = await scratch.open([await notesMigration(root)]);
    await database.db.insert(notes).values(rows);
    await rm(root, { recursive: true, force: true });
  });
  afterAll(async () => {
    await database.close();
    await scratch.dispose();
  });
  return () => database;
}

describe(`amongKeys and preparedStatement (${target})`, () => {
  const database = notesDatabase('prepared');

  preparedQueries(database);

  it('builds the query once per database, and again for another', async () => {
    const build = vi.fn((db: Db) => db.select({ id: notes.id }).from(notes).where(amongKeys(notes.id)));
    const byId = preparedStatement('test_builtOnce', build);
    expect(ids(await byId(database().db, { keys: ['n1'] }))).toEqual(['n1']);
    expect(ids(await byId(database().db, { keys: ['n2'] }))).toEqual(['n2']);
    expect(build).toHaveBeenCalledTimes(1);
    await database().db.transaction(async (tx) => {
      expect(ids(await byId(tx as unknown as Db, { keys: ['n3'] }))).toEqual(['n3']);
    });
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('fails as the query does when a placeholder has no value', async () => {
    await expect(notesByIdBefore(database().db, { keys: ['n1'] } as never)).rejects.toThrow(/before/);
  });
});

describe(`renderedStatement (${target})`, () => {
  const database = notesDatabase('rendered');
  type Values = { prefix: string; after: Date; before: Date };
  const between = (db: Db) =>
    sql`select ${notes.id} as id from ${notes}
         where ${notes.id} like ${sql.placeholder('prefix')} || '%'
           and ${notes.at} > ${sql.param(sql.placeholder('after'), notes.at)}
           and ${notes.at} < ${sql.param(sql.placeholder('before'), notes.at)}
           and ${notes.rank} in ${db
             .select({ rank: notes.rank })
             .from(notes)
             .where(sql`${notes.id} like ${sql.placeholder('prefix')} || '%'`)}
         order by ${notes.rank}`;

  it('renders once, then binds the values of each call (a placeholder used twice, timestamps as their column maps them) inside transactions', async () => {
    const build = vi.fn(between);
    const rendered = renderedStatement<Db, Values>(build);
    const run = async (values: Values) =>
      database().db.transaction(async (tx) => ids(executedRows<{ id: string }>(await rendered(tx as unknown as Db, values))));
    expect(await run({ prefix: 'n1', after: at(9), before: at(13) })).toEqual(['n10', 'n11', 'n12']);
    expect(await run({ prefix: 'n2', after: at(1), before: at(30) })).toEqual([
      'n2',
      'n20',
      'n21',
      'n22',
      'n23',
      'n24',
      'n25',
      'n26',
      'n27',
      'n28',
      'n29',
    ]);
    expect(await run({ prefix: '引', after: at(0), before: at(NOTES + AWKWARD.length) })).toEqual(['引号']);
    expect(build).toHaveBeenCalledTimes(1);
    // The same rows as the statement built afresh.
    const built = await database()
      .db.select({ id: notes.id })
      .from(notes)
      .where(and(like(notes.id, 'n1%'), gt(notes.at, at(9)), lt(notes.at, at(13))))
      .orderBy(asc(notes.rank));
    expect(ids(built)).toEqual(['n10', 'n11', 'n12']);
  });

  // postgres.js keeps a named statement per connection; PGlite, one session, has no connections to keep it on.
  it.runIf(target === 'postgres')(
    'runs as a named statement the connection keeps, parsed once however often it runs',
    async () => {
      const rendered = renderedStatement<Db, Values>(between);
      const kept = await database().db.transaction(async (tx) => {
        for (const prefix of ['n1', 'n2', 'n3']) await rendered(tx as unknown as Db, { prefix, after: at(0), before: at(NOTES) });
        return executedRows<{ statements: number }>(
          await tx.execute(
            sql`select count(*)::int as statements from pg_prepared_statements where statement like ${'%like $1 || %'}`,
          ),
        );
      });
      expect(kept).toEqual([{ statements: 1 }]);
    },
  );

  it('fails when a placeholder has no value, and refuses a statement whose text holds a $n of its own', async () => {
    const rendered = renderedStatement<Db, Values>(between);
    await expect(rendered(database().db, { prefix: 'n1', after: at(1) } as Values)).rejects.toThrow(/before/);
    const literal = renderedStatement<Db, { id: string }>(() => sql`select '$1' as text, ${sql.placeholder('id')} as id`);
    await expect(literal(database().db, { id: 'n1' })).rejects.toThrow(/not \$1\.\.\$1 in order/);
  });
});

/** The embedded database as `pnpm start` serves it: postgres.js over the embedded server's socket (ADR 0037). */
describe('amongKeys and preparedStatement (postgres.js on the embedded server)', () => {
  let root: string;
  let cluster: PGlite;
  let server: EmbeddedServer;
  let database: Database;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'xueshi-prepared-embedded-'));
    cluster = await openEmbeddedCluster({ dataDir: join(root, 'database') });
    server = await serveEmbeddedDatabase({ db: cluster, socketDir: root });
    database = await openDatabase({
      schema: 'prepared',
      socket: server.socketPath,
      migrations: [await notesMigration(root)],
      poolSize: 2,
    });
    await database.db.insert(notes).values(rows);
  });
  afterAll(async () => {
    await database.close();
    await server.close();
    await cluster.close();
    await rm(root, { recursive: true, force: true });
  });

  preparedQueries(() => database);
});

async function notesMigration(root: string): Promise<MigrationSource> {
  const directory = await migrationFolder(root, 'notes', {
    '0001_notes.sql': 'create table notes (id text primary key, rank integer not null, at timestamptz not null);',
  });
  return { namespace: 'notes', directory };
}
