import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '@xueshi/subgraph-kit';
import type { Database, MigrationSource } from '@xueshi/subgraph-kit';
import { pgliteTemplate, testDatabaseUrl } from '@xueshi/subgraph-kit/testing';

/** Where the database tests run: the PostgreSQL of DATABASE_URL, else PGlite. */
export const target = testDatabaseUrl ? 'postgres' : 'pglite';

/** A schema name no other run or test uses. */
export function uniqueSchema(label: string): string {
  return `kit${randomBytes(4).toString('hex')}_${label}`;
}

/** A temporary folder of migration files, created with the given names and SQL. */
export async function migrationFolder(root: string, name: string, files: Record<string, string>): Promise<string> {
  const directory = join(root, name);
  await mkdir(directory, { recursive: true });
  await Promise.all(Object.entries(files).map(([file, sql]) => writeFile(join(directory, file), sql)));
  return directory;
}

export async function temporaryRoot(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'xueshi-kit-'));
}

/**
 * One database schema to open with openDatabase: a schema on DATABASE_URL, or a PGlite in memory.
 * With `reopen`, a PGlite lives in a data directory on disk instead, so that opening it again sees
 * what the last one wrote (this costs about half a second more per open).
 */
export interface ScratchDatabase {
  readonly schema: string;
  open(migrations: MigrationSource[]): Promise<Database>;
  /** Runs `work` against the schema without applying any migration of the tests' (needs `reopen` on PGlite). */
  inspect<T>(work: (database: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

export async function scratchDatabase(label: string, root: string, options: { reopen?: boolean } = {}): Promise<ScratchDatabase> {
  const schema = uniqueSchema(label);
  const dataDir = join(root, `pglite-${schema}`);
  const open = async (migrations: MigrationSource[]) => {
    if (testDatabaseUrl) return openDatabase({ url: testDatabaseUrl, schema, migrations, poolSize: 2 });
    if (!options.reopen) return openDatabase({ schema, loadDataDir: await pgliteTemplate(), migrations });
    const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
    return openDatabase({
      schema,
      dataDir,
      ...(fresh ? { loadDataDir: await pgliteTemplate() } : {}),
      migrations,
    });
  };
  return {
    schema,
    open,
    inspect: async (work) => {
      const database = await open([]);
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
    dispose: async () => {
      if (testDatabaseUrl) await dropSchema(schema);
      else await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  if (!testDatabaseUrl) return;
  const sql = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe(`drop schema if exists "${schema}" cascade`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
