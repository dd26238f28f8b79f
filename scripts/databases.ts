// Where each subgraph's database is, read from the environment as the services read it: DATABASE_URL
// (or DATABASE_URL_<NAME> for a service with a server of its own) with the schema DATABASE_SCHEMA_<NAME>
// (default: the service's name), else embedded: the one cluster `pnpm start` serves to every service,
// DATA_DIR/database (ADR 0037), or, for services each run on their own, DATA_DIR/<name>.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import type { BackupManifest, DatabaseLocation } from './backups';

const variable = (prefix: string, service: string) => `${prefix}_${service.replace(/-/g, '_').toUpperCase()}`;

/** The folder in DATA_DIR of the embedded cluster shared by every service `pnpm start` runs. */
export const SHARED_EMBEDDED_DATABASE = 'database';

/** How embedded databases are laid out in DATA_DIR: one shared cluster, or one data directory per service. */
export type EmbeddedLayout = 'shared' | 'per-service';

/** The layout of what is in DATA_DIR: shared unless only per-service directories are there. */
export function embeddedLayoutIn(dataDir: string): EmbeddedLayout {
  if (existsSync(join(dataDir, SHARED_EMBEDDED_DATABASE))) return 'shared';
  return SUBGRAPHS.some(({ name }) => existsSync(join(dataDir, name))) ? 'per-service' : 'shared';
}

/** The layout a backup was made from: the shared cluster's one entry, or one per service. */
export const layoutOfBackup = (manifest: BackupManifest): EmbeddedLayout =>
  manifest.files.some((file) => file.service === SHARED_EMBEDDED_DATABASE) ? 'shared' : 'per-service';

export function databaseLocations(env: NodeJS.ProcessEnv, root: string, layout?: EmbeddedLayout): DatabaseLocation[] {
  const dataDir = resolve(root, env['DATA_DIR'] ?? '.data');
  const locations = SUBGRAPHS.map(({ name }) => {
    const url = env[variable('DATABASE_URL', name)] ?? env['DATABASE_URL'];
    if (url) return { service: name, url, schema: env[variable('DATABASE_SCHEMA', name)] ?? name.replace(/-/g, '_') };
    return { service: name, dataDir: join(dataDir, name) };
  });
  if (locations.some((location) => 'url' in location) || (layout ?? embeddedLayoutIn(dataDir)) === 'per-service') {
    return locations;
  }
  return [{ service: SHARED_EMBEDDED_DATABASE, dataDir: join(dataDir, SHARED_EMBEDDED_DATABASE) }];
}
