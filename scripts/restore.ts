// `pnpm restore DIR [--replace]`: restores a backup made by `pnpm backup` into the databases the
// environment names (DATABASE_URL, or DATA_DIR for the embedded ones), with the services stopped.
// Refuses to overwrite a schema with tables or an existing data directory unless --replace (ADR 0027).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupManifest, restore } from './backups';
import { databaseLocations, layoutOfBackup } from './databases';

const root = resolve(import.meta.dirname, '..');
const { values: args, positionals } = parseArgs({
  options: { replace: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const [from] = positionals;
if (!from) {
  console.error('usage: pnpm restore <backup folder> [--replace]');
  process.exit(2);
}
try {
  const manifest = await backupManifest(resolve(root, from));
  const locations = databaseLocations(process.env, root, layoutOfBackup(manifest));
  await restore(resolve(root, from), locations, { replace: args.replace ?? false });
  console.log(`restored ${locations.length} databases from ${resolve(root, from)}`);
} catch (error) {
  console.error(`pnpm restore: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
