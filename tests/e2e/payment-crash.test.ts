import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subgraphUrlVariable } from '@xueshi/institutions/topology';
import { testDatabaseUrl, testKeys } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertSjtuSession, randomIdNumber } from '../harness/fixtures';
import { DEFAULT_TEST_TIME, startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { startServiceProcess } from '../harness/processes';
import type { ServiceProcess } from '../harness/processes';

const SIGN_UP = contractOperation('SignUp');
// Asked of the registry itself, so only its own fields (the contract's also ask institutions, via the gateway).
const REGISTER = 'mutation ($sessionId: ID!) { register(sessionId: $sessionId) { id status } }';
const PAY = `mutation ($registrationId: ID!, $idempotencyKey: String!) {
  pay(registrationId: $registrationId, idempotencyKey: $idempotencyKey) { id status registration { status } }
}`;
const RECORD = 'query { me { registrations { id status payments { id status amountFen } } } }';
const FEE_FEN = 24_000;

interface LearnerRecord {
  me: { registrations: { id: string; status: string; payments: { id: string; status: string; amountFen: number }[] }[] };
}

async function ask<Data>(url: string, query: string, variables: object = {}, token?: string): Promise<GraphResult<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphResult<Data>;
}

describe('the registry process killed after the provider took the money, before recording it', () => {
  let graph: TestGraph;
  const folder = mkdtemp(join(tmpdir(), 'xueshi-payment-crash-'));
  const schema = `t${randomBytes(4).toString('hex')}_crash_registry`;
  let registry: ServiceProcess | undefined;

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
  });
  afterAll(async () => {
    await registry?.stop();
    if (testDatabaseUrl) await graph.subgraph('registry').database.raw.exec(`drop schema if exists "${schema}" cascade`);
    await graph?.close();
    await rm(await folder, { recursive: true, force: true });
  });

  /** A registry process of its own (its own database), reading sessions from the test graph's institutions. */
  const startRegistry = async (env: Record<string, string>) => {
    const keys = await testKeys();
    return startServiceProcess('subgraphs/registry', {
      NODE_ENV: 'test',
      ...(testDatabaseUrl ? { DATABASE_SCHEMA: schema } : { DATA_DIR: await folder }),
      SEED: 'plan',
      JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
      JWT_PRIVATE_JWK: JSON.stringify(keys.privateJwk),
      PASSWORD_HASH_COST: '14',
      SANDBOX_LEDGER_FILE: join(await folder, 'sandbox-ledger.json'),
      ...Object.fromEntries(
        [...graph.subgraphs.values()]
          .filter(({ name }) => name !== 'registry')
          .map(({ name, port }) => [subgraphUrlVariable(name), `http://127.0.0.1:${port}/graphql`]),
      ),
      ...env,
    });
  };

  it('is a fault only the suite can inject: outside NODE_ENV=test the registry refuses to start with it', async () => {
    await expect(startRegistry({ NODE_ENV: 'development', TEST_CRASH_AFTER_CHARGE: '1' })).rejects.toThrow(
      /TEST_CRASH_AFTER_CHARGE: a fault the test suite injects/,
    );
  });

  it('is started again and reconciliation pays the registration exactly once, as the provider charged it', async () => {
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2021-data-process-crash',
      capacity: 5,
      feeFen: FEE_FEN,
    });
    registry = await startRegistry({ CLOCK_START: DEFAULT_TEST_TIME, TEST_CRASH_AFTER_CHARGE: '1' });
    const signedUp = await ask<{ signUp: { token: string } }>(registry.url, SIGN_UP, {
      input: {
        idNumber: randomIdNumber(),
        name: '李明',
        password: 'correct horse battery',
        mobile: `139${String(randomInt(100_000_000)).padStart(8, '0')}`,
        employer: '上海测试科技有限公司',
      },
    });
    const token = signedUp.data?.signUp.token ?? '';
    expect(signedUp.errors).toBeUndefined();
    const registered = await ask<{ register: { id: string; status: string } }>(registry.url, REGISTER, { sessionId }, token);
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.register.status).toBe('AWAITING_PAYMENT');
    const registrationId = registered.data?.register.id ?? '';

    // The learner is told nothing: the registry dies between the provider's answer and its own record.
    const pay = { registrationId, idempotencyKey: 'process-crash-after-charge' };
    await expect(ask(registry.url, PAY, pay, token)).rejects.toThrow();
    await registry.exited;
    const ledgerFile = join(await folder, 'sandbox-ledger.json');
    const ledger = () => JSON.parse(readFileSync(ledgerFile, 'utf8')) as { charges: [string, number][]; refunds: unknown[] };
    expect(ledger().charges.map(([, amount]) => amount)).toEqual([FEE_FEN]);

    // Started again two minutes on: the charge is past waiting for, so reconciliation at start settles it.
    registry = await startRegistry({
      CLOCK_START: new Date(Date.parse(DEFAULT_TEST_TIME) + 2 * 60_000).toISOString(),
      RECONCILE_INTERVAL_SECONDS: '1',
    });
    const url = registry.url;
    const recordOf = async () => (await ask<LearnerRecord>(url, RECORD, {}, token)).data?.me.registrations ?? [];
    const deadline = Date.now() + 30_000;
    while ((await recordOf())[0]?.status !== 'PAID') {
      if (Date.now() > deadline) throw new Error(`reconciliation did not pay: ${JSON.stringify(await recordOf())}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Further rounds (every second) change nothing.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const [registration, ...others] = await recordOf();
    expect(others).toEqual([]);
    expect(registration).toMatchObject({ id: registrationId, status: 'PAID' });
    expect(registration?.payments).toEqual([expect.objectContaining({ status: 'SUCCEEDED', amountFen: FEE_FEN })]);

    // The learner asks again with the same key and is told what happened: the one payment, charged once.
    const again = await ask<{ pay: { id: string; status: string; registration: { status: string } } }>(url, PAY, pay, token);
    expect(again.data?.pay).toMatchObject({
      id: registration?.payments[0]?.id,
      status: 'SUCCEEDED',
      registration: { status: 'PAID' },
    });
    expect(ledger().charges.map(([, amount]) => amount)).toEqual([FEE_FEN]);
    expect(ledger().refunds).toEqual([]);
    // Two registry processes start in this test, each on a database of its own; a loaded machine is slow at that.
  }, 180_000);
});
