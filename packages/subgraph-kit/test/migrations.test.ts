import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '@xueshi/subgraph-kit';
import type { Database, MigrationSource } from '@xueshi/subgraph-kit';
import { testDatabaseUrl } from '@xueshi/subgraph-kit/testing';
import { sql } from 'drizzle-orm';
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, migrationFolder, scratchDatabase, target, temporaryRoot, uniqueSchema } from './support/scratch';
import type { ScratchDatabase } from './support/scratch';

/** Every migration below appends its own name here, so the order they ran in can be read back. */
const CREATE_LOG = 'create table applied_log (seq serial primary key, name text not null);';
const logged = (name: string) => `insert into applied_log (name) values ('${name}');`;

const readLog = async (database: Database) =>
  (await database.raw.query<{ name: string }>('select name from applied_log order by seq')).map((row) => row.name);

const readRecorded = async (database: Database) =>
  (await database.raw.query<{ name: string }>('select name from schema_migrations order by name')).map((row) => row.name);

describe(`openDatabase migrations (${target})`, () => {
  let root: string;
  const scratches: ScratchDatabase[] = [];
  const opened: Database[] = [];

  const scratch = async (label: string, options: { reopen?: boolean } = {}) => {
    const created = await scratchDatabase(label, root, options);
    scratches.push(created);
    return created;
  };
  const open = async (database: ScratchDatabase, migrations: MigrationSource[]) => {
    const handle = await database.open(migrations);
    opened.push(handle);
    return handle;
  };

  beforeAll(async () => {
    root = await temporaryRoot();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((database) => database.close()));
    await Promise.all(scratches.splice(0).map((database) => database.dispose()));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Two sources; `first` creates the log, `second` depends on it, and each file logs itself. */
  const twoSources = async (label: string): Promise<MigrationSource[]> => [
    {
      namespace: 'first',
      directory: await migrationFolder(root, `${label}-first`, {
        // Written before 0001 so that directory order is not name order.
        '0002_second.sql': logged('first/0002'),
        '0001_first.sql': `${CREATE_LOG}\n${logged('first/0001')}`,
        // Not migrations: wrong name pattern or extension. Applying either would fail the open.
        '1_short.sql': 'this is not sql;',
        'README.md': 'this is not sql;',
        '0003_draft.sql.bak': 'this is not sql;',
      }),
    },
    {
      namespace: 'second',
      directory: await migrationFolder(root, `${label}-second`, { '0001_depends_on_first.sql': logged('second/0001') }),
    },
  ];

  it('applies every source in the order given, each in name order, and records them in schema_migrations', async () => {
    const database = await scratch('order');
    const handle = await open(database, await twoSources('order'));

    expect(await readLog(handle)).toEqual(['first/0001', 'first/0002', 'second/0001']);
    expect(await readRecorded(handle)).toEqual([
      'first/0001_first.sql',
      'first/0002_second.sql',
      'second/0001_depends_on_first.sql',
    ]);
    // Migrations run in the subgraph's own schema, not in public.
    const [location] = await handle.raw.query<{ schema: string }>(
      `select table_schema as schema from information_schema.tables where table_name = 'applied_log'`,
    );
    expect(location?.schema).toBe(database.schema);
  });

  it('applies nothing twice on re-open, and only what is new when a file is added', async () => {
    const database = await scratch('reopen', { reopen: true });
    const sources = await twoSources('reopen');
    await (await database.open(sources)).close();

    const again = await open(database, sources);
    expect(await readLog(again)).toEqual(['first/0001', 'first/0002', 'second/0001']);
    expect(await readRecorded(again)).toHaveLength(3);
    await again.close();

    const second = sources[1];
    if (!second) throw new Error('two sources expected');
    await writeFile(join(second.directory, '0002_later.sql'), logged('second/0002'));
    const later = await open(database, sources);
    expect(await readLog(later)).toEqual(['first/0001', 'first/0002', 'second/0001', 'second/0002']);
    expect(await readRecorded(later)).toContain('second/0002_later.sql');
  });

  it('rejects when a migration fails and applies none of the batch, so a fixed file applies cleanly', async () => {
    const database = await scratch('failing', { reopen: true });
    const directory = await migrationFolder(root, 'failing', {
      '0001_fine.sql': `${CREATE_LOG}\n${logged('0001')}`,
      '0002_broken.sql': 'insert into no_such_table values (1);',
    });
    const sources = [{ namespace: 'failing', directory }];

    await expect(database.open(sources)).rejects.toThrow(/no_such_table/);

    await database.inspect(async (handle) => {
      expect(await readRecorded(handle)).toEqual([]);
      const [found] = await handle.raw.query<{ table: string | null }>(`select to_regclass('applied_log')::text as "table"`);
      expect(found?.table ?? null).toBeNull();
    });

    await writeFile(join(directory, '0002_broken.sql'), logged('0002'));
    const fixed = await open(database, sources);
    expect(await readLog(fixed)).toEqual(['0001', '0002']);
    expect(await readRecorded(fixed)).toEqual(['failing/0001_fine.sql', 'failing/0002_broken.sql']);
  });

  it('counts drizzle statements, and neither migrations nor raw SQL', async () => {
    const database = await scratch('counter');
    const handle = await open(database, [
      {
        namespace: 'counter',
        directory: await migrationFolder(root, 'counter', {
          '0001_notes.sql': 'create table notes (id serial primary key, body text not null, stars integer not null default 0);',
        }),
      },
    ]);
    const notes = pgTable('notes', {
      id: serial('id').primaryKey(),
      body: text('body').notNull(),
      stars: integer('stars').notNull(),
    });

    expect(handle.statements.count).toBe(0);
    await handle.db.insert(notes).values([
      { body: '公需科目', stars: 1 },
      { body: 'second', stars: 2 },
    ]);
    expect(handle.statements.count).toBe(1);
    const rows = await handle.db.select().from(notes).orderBy(notes.id);
    expect(rows.map((row) => row.body)).toEqual(['公需科目', 'second']);
    await handle.db.execute(sql`select count(*) from notes`);
    expect(handle.statements.count).toBe(3);
    await handle.raw.query('select 1');
    await handle.ping();
    expect(handle.statements.count).toBe(3);
  });

  it('refuses a schema name that could inject SQL before opening anything', async () => {
    await expect(openDatabase({ schema: 'x"; drop schema public cascade; --', migrations: [] })).rejects.toThrow(RangeError);
    await expect(openDatabase({ schema: 'Upper', migrations: [] })).rejects.toThrow(RangeError);
  });

  describe.runIf(testDatabaseUrl)('on PostgreSQL, replicas starting together', () => {
    it('all succeed and apply each migration exactly once', async () => {
      const url = testDatabaseUrl ?? '';
      const schema = uniqueSchema('race');
      const sources = [
        {
          namespace: 'race',
          directory: await migrationFolder(root, 'race', {
            '0001_log.sql': `${CREATE_LOG}\n${logged('0001')}`,
            // Holds the lock long enough for every replica to be waiting on it.
            '0002_slow.sql': `select pg_sleep(0.3);\n${logged('0002')}`,
          }),
        },
      ];
      try {
        const replicas = await Promise.all([1, 2, 3].map(() => openDatabase({ url, schema, migrations: sources, poolSize: 1 })));
        opened.push(...replicas);
        for (const replica of replicas) {
          expect(await readLog(replica)).toEqual(['0001', '0002']);
          expect(await readRecorded(replica)).toEqual(['race/0001_log.sql', 'race/0002_slow.sql']);
        }
      } finally {
        await Promise.all(opened.splice(0).map((database) => database.close()));
        await dropSchema(schema);
      }
    });
  });
});
