// Backups of every subgraph's database, and their restore (ADR 0027). PostgreSQL: one pg_dump per
// service schema (custom format), restored with pg_restore. Embedded: each service's PGlite data
// directory archived whole (tar, gzip) while no service holds it, and unpacked into a new data
// directory. A manifest names each file with its SHA-256, checked on restore before anything changes.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One service's database: a schema on a PostgreSQL server, or an embedded data directory. */
export type DatabaseLocation = { service: string; url: string; schema: string } | { service: string; dataDir: string };

export interface BackupManifest {
  at: string;
  kind: 'postgres' | 'pglite';
  files: { service: string; schema?: string; file: string; sha256: string }[];
}

const MANIFEST = 'manifest.json';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

function kindOf(locations: readonly DatabaseLocation[]): 'postgres' | 'pglite' {
  const kinds = new Set(locations.map((location) => ('url' in location ? 'postgres' : 'pglite')));
  if (kinds.size !== 1) throw new Error('a backup holds either PostgreSQL schemas or embedded data directories, not both');
  return kinds.has('postgres') ? 'postgres' : 'pglite';
}

/** A PGlite data directory is held while its postmaster.pid exists: PGlite removes it on a clean close. */
export const dataDirInUse = (dataDir: string) => existsSync(join(dataDir, 'postmaster.pid'));

/** Runs a PostgreSQL client program (or tar); throws with its own error output when it fails. */
async function client(program: string, args: string[]): Promise<string> {
  try {
    return (await run(program, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string | number };
    if (code === 'ENOENT') {
      throw new Error(
        `${program} is not installed${program === 'tar' ? '' : ': install the PostgreSQL client (Debian: apt-get install postgresql-client)'}`,
      );
    }
    throw new Error(`${program} failed: ${stderr?.trim() || String(error)}`);
  }
}

const sql = (url: string, statement: string) => client('psql', ['--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-tAc', statement, url]);

/**
 * Writes a backup of every database in `locations` into the new folder `out`: for PostgreSQL one
 * pg_dump of the service's schema each (consistent within that schema while the services keep
 * serving); for embedded databases one dump of each data directory, which no running service may hold.
 */
export async function backup(locations: readonly DatabaseLocation[], out: string): Promise<BackupManifest> {
  const kind = kindOf(locations);
  for (const location of locations) {
    if ('url' in location) {
      if (!SCHEMA_NAME.test(location.schema)) throw new Error(`invalid schema name ${location.schema}`);
    } else if (!existsSync(location.dataDir)) {
      throw new Error(`${location.dataDir} does not exist: nothing to back up`);
    } else if (dataDirInUse(location.dataDir)) {
      throw new Error(
        `${location.dataDir} is in use: stop the services first (Ctrl-C on pnpm start); a directory left by a crash is recovered by starting and stopping them once`,
      );
    }
  }
  if (existsSync(out) && (await readdir(out)).length > 0) throw new Error(`${out} is not empty: back up into a new folder`);
  await mkdir(out, { recursive: true });
  try {
    const files: BackupManifest['files'] = [];
    for (const location of locations) {
      const file = `${location.service}.${'url' in location ? 'pgdump' : 'tar.gz'}`;
      if ('url' in location) {
        await client('pg_dump', [
          '--format=custom',
          '--no-owner',
          `--schema=${location.schema}`,
          `--file=${join(out, file)}`,
          location.url,
        ]);
      } else {
        await client('tar', ['--create', '--gzip', `--file=${join(out, file)}`, `--directory=${location.dataDir}`, '.']);
      }
      files.push({
        service: location.service,
        ...('url' in location ? { schema: location.schema } : {}),
        file,
        sha256: await sha256(join(out, file)),
      });
    }
    const manifest: BackupManifest = { at: new Date().toISOString(), kind, files };
    await writeFile(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (error) {
    // Half a backup must not pass for one.
    await rm(out, { recursive: true, force: true });
    throw error;
  }
}

/** What the backup in `from` holds. */
export const backupManifest = async (from: string): Promise<BackupManifest> =>
  JSON.parse(await readFile(join(from, MANIFEST), 'utf8')) as BackupManifest;

export interface RestoreOptions {
  /** Replace what is there: drop the schema, or move the data directory aside (to `<dir>.replaced-<time>`). */
  replace?: boolean;
}

/**
 * Restores the backup in `from` into `locations` (one per service in the backup). Refuses a service
 * whose schema already holds tables or whose data directory exists, unless told to replace it; refuses
 * a file whose checksum differs from the manifest's, before changing anything.
 */
export async function restore(from: string, locations: readonly DatabaseLocation[], options: RestoreOptions = {}): Promise<void> {
  const manifest = await backupManifest(from);
  const kind = kindOf(locations);
  if (manifest.kind !== kind) throw new Error(`the backup holds ${manifest.kind} databases; the target is ${kind}`);
  const plan = locations.map((location) => {
    const entry = manifest.files.find((file) => file.service === location.service);
    if (!entry) throw new Error(`the backup holds no database of ${location.service}`);
    return { location, entry };
  });
  for (const { entry } of plan) {
    if ((await sha256(join(from, entry.file))) !== entry.sha256)
      throw new Error(`${entry.file} is damaged: its checksum differs`);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const { location, entry } of plan) {
    if ('url' in location) {
      if (entry.schema !== location.schema) {
        throw new Error(`${location.service} was backed up from schema ${entry.schema}, not ${location.schema}`);
      }
      if (!SCHEMA_NAME.test(location.schema)) throw new Error(`invalid schema name ${location.schema}`);
      const tables = Number(
        await sql(location.url, `select count(*) from information_schema.tables where table_schema = '${location.schema}'`),
      );
      if (tables > 0 && !options.replace) {
        throw new Error(
          `schema ${location.schema} already holds ${tables} tables: restore into a fresh database, or pass --replace`,
        );
      }
      await sql(location.url, `drop schema if exists "${location.schema}" cascade`);
      await client('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${location.url}`, join(from, entry.file)]);
    } else {
      if (existsSync(location.dataDir)) {
        if (!options.replace) throw new Error(`${location.dataDir} exists: restore into a fresh DATA_DIR, or pass --replace`);
        if (dataDirInUse(location.dataDir)) throw new Error(`${location.dataDir} is in use: stop the services first`);
        await rename(location.dataDir, `${location.dataDir}.replaced-${stamp}`);
      }
      await mkdir(location.dataDir, { recursive: true });
      await client('tar', ['--extract', '--gzip', `--file=${join(from, entry.file)}`, `--directory=${location.dataDir}`]);
    }
  }
}
