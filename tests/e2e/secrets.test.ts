import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { registrySubgraph } from '@xueshi/registry';
import { generateSigningKeys } from '@xueshi/subgraph-kit';
import { ManualClock, openTestDatabase, testDatabaseUrl } from '@xueshi/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { startServiceProcess } from '../harness/processes';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a service as production would and gives back its exit code and what it printed, if it exits. */
function runUntilExit(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  // Only what the test passes: the suite's own DATABASE_URL must not leak into the service.
  const { DATABASE_URL: _suiteDatabase, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${entry}/src/index.ts`], {
      cwd: ROOT,
      env: { ...inherited, PORT: '0', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('production refuses development secrets', () => {
  it('refuses to start a subgraph or the gateway with a development key, demo seed or embedded database', async () => {
    const development = await generateSigningKeys('dev-laptop');
    const subgraph = await runUntilExit('subgraphs/sjtu', {
      NODE_ENV: 'production',
      JWT_PUBLIC_JWK: JSON.stringify(development.publicJwk),
      SEED: 'demo',
    });
    expect(subgraph.code).toBe(1);
    expect(subgraph.stderr).toContain('JWT_PUBLIC_JWK: "dev-laptop" is a development key');
    expect(subgraph.stderr).toContain('SEED: the demo data');
    expect(subgraph.stderr).toContain('DATABASE_URL: production runs on PostgreSQL');

    const gateway = await runUntilExit('gateway', {
      NODE_ENV: 'production',
      JWT_PUBLIC_JWK: JSON.stringify(development.publicJwk),
    });
    expect(gateway.code).toBe(1);
    expect(gateway.stderr).toContain('is a development key');
  });

  it('refuses a registry whose private key is a development key', async () => {
    const production = await generateSigningKeys('prod-2026-11');
    const development = await generateSigningKeys('dev-laptop');
    const registry = await runUntilExit('subgraphs/registry', {
      NODE_ENV: 'production',
      DATABASE_URL: testDatabaseUrl ?? 'postgres://nobody@127.0.0.1:1/none',
      JWT_PUBLIC_JWK: JSON.stringify(production.publicJwk),
      JWT_PRIVATE_JWK: JSON.stringify(development.privateJwk),
    });
    expect(registry.code).toBe(1);
    expect(registry.stderr).toContain('JWT_PRIVATE_JWK: "dev-laptop" is a development key');
  });

  it.runIf(testDatabaseUrl)(
    'refuses a database whose accounts still have the demo password, and starts once they do not',
    async () => {
      const clock = new ManualClock('2026-11-28T10:00:00+08:00');
      const database = await openTestDatabase('registry', registrySubgraph.migrations);
      try {
        await registrySubgraph.seed?.(database, 'demo', clock);
        const keys = await generateSigningKeys('prod-2026-11');
        const env = {
          NODE_ENV: 'production',
          DATABASE_URL: testDatabaseUrl ?? '',
          DATABASE_SCHEMA: database.schema,
          JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
          JWT_PRIVATE_JWK: JSON.stringify(keys.privateJwk),
          PASSWORD_HASH_COST: '14',
        };
        const refused = await runUntilExit('subgraphs/registry', env);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('staff account registrar has the demo password');
        expect(refused.stderr).toContain('the demo learner has the demo password');
        expect(refused.stderr).toContain('the demo employer has the demo password');
        expect(refused.stderr).not.toContain(DEMO_PASSWORD);

        await database.raw.exec(
          "update staff set password_hash = 'scrypt$replaced'; update learners set password_hash = 'scrypt$replaced'; " +
            "update employers set password_hash = 'scrypt$replaced'",
        );
        const started = await startServiceProcess('subgraphs/registry', env);
        await started.stop();
      } finally {
        await database.close();
      }
    },
  );
});
