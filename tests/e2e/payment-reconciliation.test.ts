import { randomUUID } from 'node:crypto';
import { payments, refunds, registrations } from '@xueshi/registry/db';
import { createSandboxProvider } from '@xueshi/registry/payments';
import type { PaymentProvider } from '@xueshi/registry/payments';
import type { Caller } from '@xueshi/subgraph-kit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertLearner, insertSjtuSession, registrySnapshot } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';

const REGISTER = contractOperation('Register');
const PAY = contractOperation('Pay');
const WITHDRAW = contractOperation('Withdraw');
const FEE_FEN = 24_000;

/** Where the registry dies in its next call to the provider; while it is dead it hears no notification. */
type Crash = 'none' | 'before charge' | 'after charge' | 'after refund';

describe('payments a crash left unfinished, reconciled with the sandbox provider', () => {
  let graph: TestGraph;
  const sandbox = createSandboxProvider();
  let crash: Crash = 'none';
  const provider: PaymentProvider = {
    name: sandbox.name,
    charge: async (request) => {
      if (crash === 'before charge') throw new Error('the registry died before the charge reached the provider');
      const result = await sandbox.charge(request);
      if (crash === 'after charge') throw new Error('the registry died before recording the charge');
      return result;
    },
    refund: async (request) => {
      const result = await sandbox.refund(request);
      if (crash === 'after refund') throw new Error('the registry died before recording the refund');
      return result;
    },
    close: (request) => sandbox.close(request),
    onNotification: (listener) =>
      sandbox.onNotification(async (notification) => {
        if (crash === 'none') await listener(notification);
      }),
  };

  const learner = async (): Promise<Caller> => {
    const caller: Caller = { role: 'LEARNER', subject: randomUUID() };
    await insertLearner(graph.subgraph('registry').database, { id: caller.subject });
    return caller;
  };
  const session = (local: string, capacity = 10) =>
    insertSjtuSession(graph.subgraph('sjtu').database, { local, capacity, feeFen: FEE_FEN });
  const register = async (caller: Caller, sessionId: string) => {
    const registered = await graph.execute<{ register: { id: string } }>(REGISTER, { sessionId }, caller);
    const id = registered.data?.register.id;
    if (!id) throw new Error(`register failed: ${JSON.stringify(registered.errors)}`);
    return id;
  };
  const pay = async (caller: Caller, registrationId: string, idempotencyKey: string) =>
    (await graph.execute<{ pay: { id: string; status: string } }>(PAY, { registrationId, idempotencyKey }, caller)).data?.pay;
  const registrationOf = async (id: string) =>
    (await graph.subgraph('registry').database.db.select().from(registrations).where(eq(registrations.id, id)))[0];
  const paymentsOf = (registrationId: string) =>
    graph.subgraph('registry').database.db.select().from(payments).where(eq(payments.registrationId, registrationId));
  const refundsOf = (paymentId: string) =>
    graph.subgraph('registry').database.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
  /** Waits for the registry's reconciliation (every 200 ms) to get `done`, for at most 20 s. */
  const until = async (what: string, done: () => Promise<boolean>) => {
    const deadline = Date.now() + 20_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`reconciliation did not get ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** Lets reconciliation run several more rounds: what it finished must stay as it is. */
  const moreRounds = () => new Promise((resolve) => setTimeout(resolve, 1_000));

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan', paymentProvider: provider, reconcileIntervalMs: 200 });
  });
  afterAll(() => graph?.close());

  it('completes the registration once when the provider took the money and the registry died before recording it', async () => {
    const caller = await learner();
    const registrationId = await register(caller, await session('2021-data-recon-1'));
    crash = 'after charge';
    expect((await pay(caller, registrationId, 'recon-after-charge'))?.status).toBe('PENDING');
    crash = 'none';
    expect(sandbox.charges.size).toBe(1);

    // The registry comes back (reconciliation runs at start) once the charge is past waiting for.
    await graph.subgraph('registry').stop();
    graph.clock.advance(61_000);
    await graph.subgraph('registry').restart();
    await until('the registration paid', async () => (await registrationOf(registrationId))?.status === 'PAID');
    await moreRounds();
    const [payment, ...others] = await paymentsOf(registrationId);
    expect(others).toHaveLength(0);
    expect(payment?.status).toBe('SUCCEEDED');
    expect(await refundsOf(payment?.id ?? '')).toHaveLength(0);
    expect(sandbox.charges.size).toBe(1);
    expect(await pay(caller, registrationId, 'recon-after-charge')).toMatchObject({ id: payment?.id, status: 'SUCCEEDED' });
  });

  it("pays the registration from the provider's notification when the registry lost the charge's answer", async () => {
    const caller = await learner();
    const registrationId = await register(caller, await session('2021-data-recon-5'));
    crash = 'after charge';
    expect((await pay(caller, registrationId, 'recon-notified'))?.status).toBe('PENDING');
    crash = 'none';
    const lost = sandbox.notifications.at(-1);
    expect(lost?.kind).toBe('charge');
    await sandbox.redeliver(lost ? [lost] : []);
    expect((await paymentsOf(registrationId)).map((row) => row.status)).toEqual(['SUCCEEDED']);
    expect((await registrationOf(registrationId))?.status).toBe('PAID');
  });

  it('refunds in full, once, when the money was taken after the seat had gone to someone else', async () => {
    const sessionId = await session('2021-data-recon-2', 1);
    const first = await learner();
    const firstRegistration = await register(first, sessionId);
    crash = 'after charge';
    expect((await pay(first, firstRegistration, 'recon-seat-gone'))?.status).toBe('PENDING');
    crash = 'none';
    // The hold lapses and the only seat goes to another learner, who pays.
    graph.clock.advance(31 * 60_000);
    const second = await learner();
    const secondRegistration = await register(second, sessionId);
    expect((await pay(second, secondRegistration, 'recon-seat-taken'))?.status).toBe('SUCCEEDED');

    const [payment] = await paymentsOf(firstRegistration);
    await until('the refund settled', async () => (await refundsOf(payment?.id ?? ''))[0]?.status === 'SUCCEEDED');
    await moreRounds();
    expect((await paymentsOf(firstRegistration)).map((row) => row.status)).toEqual(['SUCCEEDED']);
    const [refund, ...others] = await refundsOf(payment?.id ?? '');
    expect(others).toHaveLength(0);
    expect(refund?.amountFen).toBe(FEE_FEN);
    expect(sandbox.refunds.get(`refund:${refund?.id}`)).toBe(FEE_FEN);
    expect((await registrationOf(firstRegistration))?.status).not.toBe('PAID');
    expect((await registrationOf(secondRegistration))?.status).toBe('PAID');
  });

  it('closes a charge that never reached the provider, so the learner pays again and is charged once', async () => {
    const caller = await learner();
    const registrationId = await register(caller, await session('2021-data-recon-3'));
    const chargesBefore = sandbox.charges.size;
    crash = 'before charge';
    expect((await pay(caller, registrationId, 'recon-before-charge'))?.status).toBe('PENDING');
    crash = 'none';
    graph.clock.advance(61_000);
    await until('the payment closed', async () => (await paymentsOf(registrationId))[0]?.status === 'FAILED');
    // The closed key can no longer take money, even sent again.
    expect((await pay(caller, registrationId, 'recon-before-charge'))?.status).toBe('FAILED');
    expect((await pay(caller, registrationId, 'recon-paying-again'))?.status).toBe('SUCCEEDED');
    await moreRounds();
    expect(sandbox.charges.size).toBe(chargesBefore + 1);
    expect((await registrationOf(registrationId))?.status).toBe('PAID');
  });

  it('records a refund the provider made while the registry was dying, without refunding twice', async () => {
    const caller = await learner();
    const registrationId = await register(caller, await session('2021-data-recon-4'));
    expect((await pay(caller, registrationId, 'recon-refund'))?.status).toBe('SUCCEEDED');
    const refundsBefore = sandbox.refunds.size;
    crash = 'after refund';
    const withdrawn = await graph.execute<{ withdraw: { status: string; refundFen: number } }>(
      WITHDRAW,
      { registrationId },
      caller,
    );
    crash = 'none';
    expect(withdrawn.data?.withdraw).toMatchObject({ status: 'WITHDRAWN', refundFen: FEE_FEN });
    const [payment] = await paymentsOf(registrationId);
    expect((await refundsOf(payment?.id ?? ''))[0]?.status).toBe('PENDING');
    graph.clock.advance(61_000);
    await until('the refund recorded', async () => (await refundsOf(payment?.id ?? ''))[0]?.status === 'SUCCEEDED');
    await moreRounds();
    expect(sandbox.refunds.size).toBe(refundsBefore + 1);
  });

  it('changes nothing when the provider sends every notification again, in reverse and in order', async () => {
    await moreRounds();
    const registry = graph.subgraph('registry').database;
    const before = await registrySnapshot(registry);
    await sandbox.redeliver([...sandbox.notifications].reverse());
    await sandbox.redeliver(sandbox.notifications);
    await moreRounds();
    expect(await registrySnapshot(registry)).toBe(before);
    // What the provider holds matches what the registry recorded, payment by payment and refund by refund.
    const succeeded = await registry.db.select().from(payments).where(eq(payments.status, 'SUCCEEDED'));
    expect(succeeded.map((row) => `payment:${row.id}`).sort()).toEqual([...sandbox.charges.keys()].sort());
    const settled = await registry.db.select().from(refunds).where(eq(refunds.status, 'SUCCEEDED'));
    expect(settled.map((row) => `refund:${row.id}`).sort()).toEqual([...sandbox.refunds.keys()].sort());
  });
});
