import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { SignJWT, importJWK } from 'jose';
import type { JWK, JWTPayload } from 'jose';
import { createTokenSigner, generateSigningKeys } from '../auth';
import type { Caller } from '../auth';
import type { Clock } from '../clock';
import { openDatabase, openEmbeddedCluster } from '../db';
import { serveEmbeddedDatabase } from '../embeddedServer';
import { createLogger } from '../logger';
import type { Logger } from '../logger';
import type { Database, DatabaseOptions } from '../db';
import type { MigrationSource } from '../migrate';

export { ManualClock } from '../clock';
export { rawGet } from './rawHttp';
export { startStandaloneSubgraph } from './standalone';
export type { StandaloneSubgraph } from './standalone';
export type { RawResponse } from './rawHttp';

/** Where every test run's services write their logs, for the audit that follows the suite. */
export const TEST_LOG_DIR = fileURLToPath(new URL('../../../../.test-logs/', import.meta.url));

/** A logger for services under test: everything from debug up, into this process's file in TEST_LOG_DIR. */
export function testLogger(service: string): Logger {
  return createLogger(service, { level: 'debug', file: join(TEST_LOG_DIR, `${process.pid}.log`) });
}

/** The PostgreSQL the suite runs against, when it runs against one (otherwise PGlite). */
export const testDatabaseUrl: string | undefined = process.env['DATABASE_URL'] || undefined;

let template: Promise<Blob> | undefined;

/**
 * An initialised, empty PGlite cluster; new instances load it instead of running initdb again. It is
 * kept in the temp folder between runs (initdb is most of a database suite's time), named after the
 * installed PGlite so an upgrade makes a new one.
 */
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const installed = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const cached = join(
      tmpdir(),
      `xueshi-pglite-template-${createHash('sha256').update(installed).digest('hex').slice(0, 16)}.tar`,
    );
    try {
      return new Blob([await readFile(cached)]);
    } catch {
      // Not made on this machine yet.
    }
    const pglite = await PGlite.create();
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    const staged = `${cached}.${process.pid}`;
    await writeFile(staged, Buffer.from(await dump.arrayBuffer()));
    await rename(staged, cached);
    return dump;
  })();
  return template;
}

/**
 * A fresh, migrated database for one test suite: a throw-away schema on the PostgreSQL named by
 * DATABASE_URL (dropped on close), else an in-memory PGlite.
 */
export async function openTestDatabase(
  schema: string,
  migrations: MigrationSource[],
  settings: Pick<DatabaseOptions, 'genericPlans'> = {},
): Promise<Database> {
  if (testDatabaseUrl) {
    return openDatabase({
      url: testDatabaseUrl,
      schema: `t${randomBytes(4).toString('hex')}_${schema.replace(/-/g, '_')}`,
      migrations,
      poolSize: 4,
      dropSchemaOnClose: true,
      ...settings,
    });
  }
  return openDatabase({ schema: schema.replace(/-/g, '_'), migrations, loadDataDir: await pgliteTemplate(), ...settings });
}

/** One embedded database served to every service of a test graph, as `pnpm start` serves it (ADR 0037). */
export interface SharedEmbeddedDatabase {
  /** Opens a service's database: its own schema in the shared cluster. */
  open(schema: string, migrations: MigrationSource[], settings?: Pick<DatabaseOptions, 'genericPlans'>): Promise<Database>;
  /** Stops serving and closes the cluster: close the services' databases first. */
  close(): Promise<void>;
}

/**
 * Serves one embedded cluster in `dataDir` (a copy of the initialised template when it holds none yet)
 * on a socket in `socketDir`.
 */
export async function serveSharedEmbeddedDatabase(options: {
  dataDir: string;
  socketDir: string;
  fromTemplate?: boolean;
}): Promise<SharedEmbeddedDatabase> {
  const cluster = await openEmbeddedCluster({
    dataDir: options.dataDir,
    ...(options.fromTemplate ? { loadDataDir: await pgliteTemplate() } : {}),
  });
  const server = await serveEmbeddedDatabase({ db: cluster, socketDir: options.socketDir });
  return {
    open: (schema, migrations, settings = {}) =>
      openDatabase({ schema: schema.replace(/-/g, '_'), migrations, socket: server.socketPath, poolSize: 4, ...settings }),
    close: async () => {
      await server.close();
      await cluster.close();
    },
  };
}

export interface TestKeys {
  privateJwk: JWK;
  publicJwk: JWK;
  /** Signs a token for `caller` valid at the clock's now. */
  tokenFor(caller: Caller, clock: Clock): Promise<string>;
  /** Signs exactly `claims` with the test key: the shapes a forger holding the key would try. */
  signClaims(claims: JWTPayload): Promise<string>;
}

let keys: Promise<TestKeys> | undefined;

export function testKeys(): Promise<TestKeys> {
  keys ??= (async () => {
    const pair = await generateSigningKeys('test-key');
    return {
      ...pair,
      tokenFor: async (caller, clock) => (await createTokenSigner(pair.privateJwk, clock)).sign(caller),
      signClaims: async (claims) =>
        new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).sign(await importJWK(pair.privateJwk, 'ES256')),
    };
  })();
  return keys;
}
