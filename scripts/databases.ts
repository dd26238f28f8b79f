// Where each subgraph's database is, read from the environment as the services read it: DATABASE_URL
// (or DATABASE_URL_<NAME> for a service with a server of its own) with the schema DATABASE_SCHEMA_<NAME>
// (default: the service's name), else the embedded data directory DATA_DIR/<name>.
import { resolve } from 'node:path';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import type { DatabaseLocation } from './backups';

const variable = (prefix: string, service: string) => `${prefix}_${service.replace(/-/g, '_').toUpperCase()}`;

export function databaseLocations(env: NodeJS.ProcessEnv, root: string): DatabaseLocation[] {
  return SUBGRAPHS.map(({ name }) => {
    const url = env[variable('DATABASE_URL', name)] ?? env['DATABASE_URL'];
    if (url) return { service: name, url, schema: env[variable('DATABASE_SCHEMA', name)] ?? name.replace(/-/g, '_') };
    return { service: name, dataDir: resolve(root, env['DATA_DIR'] ?? '.data', name) };
  });
}
