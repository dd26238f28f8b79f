import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmptyCluster, openDatabase } from '@xueshi/subgraph-kit';
import type { MigrationSource } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationFolder } from './support/scratch';

/** Embedded clusters made once and copied (ADR 0035): what `pnpm start` gives its seven services. */
describe('createEmptyCluster and openDatabase({ emptyCluster })', () => {
  let root: string;
  let notes: MigrationSource;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'xueshi-clusters-'));
    const directory = await migrationFolder(join(root, 'migrations'), 'notes', {
      '0001_notes.sql': 'create table notes (id integer primary key, body text not null);',
    });
    notes = { namespace: 'notes', directory };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('makes the empty cluster once, and each service opens a copy of its own that it alone writes to', async () => {
    const empty = join(root, '.empty-cluster');
    await createEmptyCluster(empty);
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(true);
    const made = await readdir(empty);
    // A second call keeps the cluster it finds, and nothing half-made is left beside it.
    await createEmptyCluster(empty);
    expect(await readdir(empty)).toEqual(made);
    expect((await readdir(root)).sort()).toEqual(['.empty-cluster', 'migrations']);

    const first = await openDatabase({
      schema: 'first',
      dataDir: join(root, 'first'),
      emptyCluster: empty,
      migrations: [notes],
    });
    const second = await openDatabase({
      schema: 'second',
      dataDir: join(root, 'second'),
      emptyCluster: empty,
      migrations: [notes],
    });
    try {
      await first.raw.exec(`insert into notes values (1, 'only in first')`);
      expect(await first.raw.query('select body from notes')).toEqual([{ body: 'only in first' }]);
      expect(await second.raw.query('select body from notes')).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }

    // The empty cluster itself was never opened: a third service still starts from nothing.
    const third = await openDatabase({ schema: 'third', dataDir: join(root, 'third'), emptyCluster: empty, migrations: [] });
    try {
      expect(
        await third.raw.query(`select count(*)::int as schemas from pg_namespace where nspname in ('first', 'second')`),
      ).toEqual([{ schemas: 0 }]);
    } finally {
      await third.close();
    }
  }, 120_000);
});
