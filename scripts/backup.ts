// `pnpm backup [--out DIR]`: backs up every subgraph's database into a new folder (default
// backups/<time>): pg_dump per service schema with DATABASE_URL, else each embedded data directory in
// DATA_DIR, which needs the services stopped. `pnpm restore DIR` puts it back (ADR 0027).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backup } from './backups';
import { databaseLocations } from './databases';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(root, args.out ?? `backups/${new Date().toISOString().replace(/[:.]/g, '-')}`);
try {
  const manifest = await backup(databaseLocations(process.env, root), out);
  console.log(
    `backed up ${manifest.files.length} ${manifest.kind === 'postgres' ? 'schemas' : 'embedded databases'} into ${out}`,
  );
  for (const file of manifest.files)
    console.log(`  ${file.service.padEnd(20)} ${file.file}  sha256 ${file.sha256.slice(0, 16)}…`);
} catch (error) {
  console.error(`pnpm backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
