import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawSql } from './db';

/** A folder of `NNNN_name.sql` files, applied in name order, recorded under `namespace`. */
export interface MigrationSource {
  namespace: string;
  directory: string;
}

/**
 * Applies every migration not yet recorded, all in one transaction under an advisory lock, so that
 * replicas starting together never apply one twice and a failing migration leaves nothing half done.
 * Throws when a migration fails.
 */
export async function applyMigrations(raw: RawSql, schema: string, sources: MigrationSource[]): Promise<string[]> {
  const pending = await Promise.all(sources.map(readSource));
  const applied: string[] = [];
  await raw.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`xueshi-migrations:${schema}`]);
    await tx.exec(`create schema if not exists "${schema}"`);
    await tx.exec(`set local search_path to "${schema}"`);
    await tx.exec(
      `create table if not exists schema_migrations (
         name text primary key,
         applied_at timestamptz not null default now()
       )`,
    );
    const done = new Set((await tx.query<{ name: string }>('select name from schema_migrations')).map((row) => row.name));
    for (const migration of pending.flat()) {
      if (done.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (name) values ($1)', [migration.name]);
      applied.push(migration.name);
    }
  });
  return applied;
}

async function readSource(source: MigrationSource): Promise<{ name: string; sql: string }[]> {
  const files = (await readdir(source.directory)).filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => ({
      name: `${source.namespace}/${file}`,
      sql: await readFile(join(source.directory, file), 'utf8'),
    })),
  );
}
