import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUrl, testKeys } from '@xueshi/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_TIME } from '../harness/graph';
import { startServiceProcess } from '../harness/processes';

// The sign of a cleanly closed database is PGlite's own; the services' processes inherit DATABASE_URL.
describe.runIf(!testDatabaseUrl)('a service stopped with SIGTERM', () => {
  const dataDir = mkdtemp(join(tmpdir(), 'xueshi-shutdown-'));
  afterAll(async () => rm(await dataDir, { recursive: true, force: true }));

  it('closes its embedded database before it exits, so the data directory can be backed up', async () => {
    const keys = await testKeys();
    // Not NODE_ENV=test: Apollo Server handles termination signals itself everywhere else.
    const shu = await startServiceProcess('subgraphs/shu', {
      NODE_ENV: 'development',
      DATA_DIR: await dataDir,
      SEED: 'plan',
      JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
      CLOCK_START: DEFAULT_TEST_TIME,
    });
    // PGlite keeps postmaster.pid while the database is open and removes it when closed.
    const pidFile = join(await dataDir, 'shu', 'postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);
    await shu.stop();
    expect(existsSync(pidFile)).toBe(false);
  });
});
