import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_LEARNER, DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { openDatabase } from '@xueshi/subgraph-kit';
import type { Database } from '@xueshi/subgraph-kit';
import { serveSharedEmbeddedDatabase, testDatabaseUrl } from '@xueshi/subgraph-kit/testing';
import type { SharedEmbeddedDatabase } from '@xueshi/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, backupManifest, restore } from '../../scripts/backups';
import { databaseLocations, layoutOfBackup, SHARED_EMBEDDED_DATABASE } from '../../scripts/databases';
import { contractOperation } from '../harness/contract';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIGN_IN = contractOperation('SignIn');
const MY_RECORD = contractOperation('MyRecord');
const ISSUE_TRANSCRIPT = 'mutation { issueTranscript { verificationCode } }';
const VERIFY = `query ($code: String!) {
  verifyTranscript(code: $code) { verificationCode learnerName stillMatchesLedger entries { courseTitle hours completedOn } }
}`;

/** What `pnpm backup` and `pnpm restore` do (scripts/backup.ts, scripts/restore.ts), with `env` naming the databases. */
const backupAs = async (env: NodeJS.ProcessEnv, out: string) => backup(databaseLocations(env, ROOT), out);
const restoreAs = async (env: NodeJS.ProcessEnv, from: string, replace = false) =>
  restore(from, databaseLocations(env, ROOT, layoutOfBackup(await backupManifest(from))), { replace });

describe('pnpm backup and pnpm restore: every database, restored into a fresh system', () => {
  const folder = mkdtemp(join(tmpdir(), 'xueshi-backups-'));
  const prefix = `bk${randomBytes(3).toString('hex')}`;
  const schemaOf = (service: string) => `${testDatabaseUrl ? `${prefix}_` : ''}${service.replace(/-/g, '_')}`;
  /** The environment the scripts read, as each service's own would name its database. */
  const scriptEnv = async (system: string): Promise<Record<string, string>> =>
    testDatabaseUrl
      ? {
          DATABASE_URL: testDatabaseUrl,
          ...Object.fromEntries(
            SUBGRAPHS.map(({ name }) => [`DATABASE_SCHEMA_${name.replace(/-/g, '_').toUpperCase()}`, schemaOf(name)]),
          ),
        }
      : { DATA_DIR: join(await folder, system) };
  /** The embedded database of each system as `pnpm start` serves it: one cluster in DATA_DIR/database. */
  const embedded = new Map<string, SharedEmbeddedDatabase>();
  const serveEmbedded = async (system: string) => {
    const dataDir = join(await folder, system);
    embedded.set(
      system,
      await serveSharedEmbeddedDatabase({
        dataDir: join(dataDir, SHARED_EMBEDDED_DATABASE),
        socketDir: dataDir,
        fromTemplate: system === 'before',
      }),
    );
  };
  /** Stops a system's embedded database, as stopping `pnpm start` does. */
  const stopEmbedded = async (system: string) => {
    const running = embedded.get(system);
    embedded.delete(system);
    await running?.close();
  };
  /** Each subgraph's database of one system: a named schema, in PostgreSQL or in the system's embedded one. */
  const databasesOf =
    (system: string) =>
    async (service: string, migrations: Parameters<typeof openDatabase>[0]['migrations']): Promise<Database> =>
      testDatabaseUrl
        ? openDatabase({ url: testDatabaseUrl, schema: schemaOf(service), migrations, poolSize: 2, dropSchemaOnClose: true })
        : (embedded.get(system)?.open(schemaOf(service), migrations) ?? Promise.reject(new Error(`${system} is not served`)));
  let restored: TestGraph | undefined;
  afterAll(async () => {
    await restored?.close();
    await stopEmbedded('after');
    await rm(await folder, { recursive: true, force: true });
  });

  it('gives the demo learner the same record and the same transcript verification', async () => {
    if (!testDatabaseUrl) await serveEmbedded('before');
    const original = await startTestGraph({ openDatabase: databasesOf('before') });
    const recordOf = async (graph: TestGraph, id: string) => {
      const record = await graph.execute(MY_RECORD, {}, { role: 'LEARNER', subject: id });
      expect(record.errors).toBeUndefined();
      return record.data;
    };
    let learnerId: string;
    let before: unknown;
    let code: string;
    let verification: unknown;
    try {
      const signedIn = await original.execute<{ signIn: { learner: { id: string } } }>(SIGN_IN, {
        idNumber: DEMO_LEARNER.idNumber,
        password: DEMO_PASSWORD,
      });
      learnerId = signedIn.data?.signIn.learner.id ?? '';
      expect(learnerId).not.toBe('');
      before = await recordOf(original, learnerId);
      expect(JSON.stringify(before)).toContain('"hours":');
      const issued = await original.execute<{ issueTranscript: { verificationCode: string } }>(
        ISSUE_TRANSCRIPT,
        {},
        {
          role: 'LEARNER',
          subject: learnerId,
        },
      );
      code = issued.data?.issueTranscript.verificationCode ?? '';
      expect(code).not.toBe('');
      verification = (await original.execute<{ verifyTranscript: unknown }>(VERIFY, { code })).data?.verifyTranscript;
    } finally {
      // Embedded databases are backed up with their services stopped.
      if (testDatabaseUrl) await backupAs(await scriptEnv('before'), join(await folder, 'backup'));
      await original.close();
      await stopEmbedded('before');
    }
    if (!testDatabaseUrl) await backupAs(await scriptEnv('before'), join(await folder, 'backup'));

    // The original is gone (its schemas dropped, or a fresh DATA_DIR): restore, then start on what came back.
    await restoreAs(await scriptEnv('after'), join(await folder, 'backup'));
    if (!testDatabaseUrl) await serveEmbedded('after');
    restored = await startTestGraph({ seed: 'none', openDatabase: databasesOf('after') });
    expect(await recordOf(restored, learnerId)).toEqual(before);
    expect((await restored.execute<{ verifyTranscript: unknown }>(VERIFY, { code })).data?.verifyTranscript).toEqual(
      verification,
    );
    expect(verification).toMatchObject({ verificationCode: code, stillMatchesLedger: true });

    // A restore never overwrites a database that exists unless told to, and refuses a damaged file first.
    const backupFolder = join(await folder, 'backup');
    await expect(restoreAs(await scriptEnv('after'), backupFolder)).rejects.toThrow(testDatabaseUrl ? /already holds/ : /exists/);
    await writeFile(join(backupFolder, testDatabaseUrl ? 'registry.pgdump' : 'database.tar.gz'), 'not a backup');
    await expect(restoreAs(await scriptEnv('after'), backupFolder, true)).rejects.toThrow(/damaged/);
    // Two systems start in this test; a loaded machine can take a while over each.
  }, 180_000);
});
