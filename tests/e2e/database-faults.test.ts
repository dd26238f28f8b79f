import { randomUUID } from 'node:crypto';
import { payments, registrations } from '@xueshi/registry/db';
import { createSandboxProvider } from '@xueshi/registry/payments';
import { DATABASE_UNAVAILABLE, databaseUnreachable } from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import { testDatabaseUrl } from '@xueshi/subgraph-kit/testing';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertLearner, insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';

const REGISTER = contractOperation('Register');
const PAY = contractOperation('Pay');
const LEARNERS = 40;

/** Each error of an answer, as its code and, so a failure says what the learner was told, its message. */
const refusalsOf = (result: GraphResult<unknown>) =>
  result.errors?.map((error) => ({ code: error.extensions?.['code'], en: error.extensions?.['en'] ?? error.message })) ?? [];

// Terminating connections needs a server with connections; the embedded database has none.
describe.runIf(testDatabaseUrl)("the registry's PostgreSQL connections terminated while learners register and pay", () => {
  let graph: TestGraph;
  const provider = createSandboxProvider();

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan', paymentProvider: provider });
  });
  afterAll(() => graph?.close());

  it('answers UNAVAILABLE during the fault, reconnects by itself, and keeps exactly what the learners were told', async () => {
    const registry = graph.subgraph('registry').database;
    const sessionId = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-faults', capacity: 100 });
    const learners: Caller[] = Array.from({ length: LEARNERS }, () => ({ role: 'LEARNER', subject: randomUUID() }));
    for (const learner of learners) await insertLearner(registry, { id: learner.subject });

    // Kills every connection of the registry but the one doing the killing, over and over, while the load runs.
    let terminated = 0;
    let faulting = true;
    const terminator = (async () => {
      while (faulting) {
        try {
          const [row] = await registry.raw.query<{ count: number }>(
            `select count(pg_terminate_backend(pid))::int as count from pg_stat_activity
             where application_name = $1 and pid <> pg_backend_pid()`,
            [registry.schema],
          );
          terminated += row?.count ?? 0;
        } catch (error) {
          // The killer shares the registry's pool, so it may pick a connection it killed a moment ago.
          if (databaseUnreachable(error) === undefined) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();

    const told = new Map<string, { registrationId?: string; paid?: string; refusal?: unknown }>();
    const refusals: { code: unknown; en: unknown }[] = [];
    await Promise.all(
      learners.map(async (learner) => {
        const registered = await graph.execute<{ register: { id: string } }>(REGISTER, { sessionId }, learner);
        refusals.push(...refusalsOf(registered));
        const registrationId = registered.data?.register.id;
        told.set(learner.subject, registrationId ? { registrationId } : { refusal: registered.errors?.[0]?.extensions?.['en'] });
        if (!registrationId) return;
        const paid = await graph.execute<{ pay: { status: string } }>(
          PAY,
          { registrationId, idempotencyKey: `faults-${registrationId}` },
          learner,
        );
        refusals.push(...refusalsOf(paid));
        if (paid.data?.pay.status) told.set(learner.subject, { registrationId, paid: paid.data.pay.status });
      }),
    );
    faulting = false;
    await terminator;
    // The last round's kills reach the pool's sockets as they close; until then a query may still be
    // written to a connection the server has already ended.
    await new Promise((resolve) => setTimeout(resolve, 250));

    expect(terminated).toBeGreaterThan(0);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.filter((refusal) => refusal.code !== 'UNAVAILABLE')).toEqual([]);

    const ids = learners.map((learner) => learner.subject);
    // Every registration a learner was given is there. One they were refused because the database was out of
    // reach ("nothing was done") was not written; only the gateway's own timeout leaves the outcome open.
    const rows = await registry.db.select().from(registrations).where(inArray(registrations.learnerId, ids));
    for (const learner of learners) {
      const outcome = told.get(learner.subject);
      const written = rows.filter((row) => row.learnerId === learner.subject).map((row) => row.id);
      if (outcome?.registrationId) expect(written).toEqual([outcome.registrationId]);
      else if (outcome?.refusal === DATABASE_UNAVAILABLE.en) expect(written).toEqual([]);
      else if (written[0]) told.set(learner.subject, { registrationId: written[0] });
    }
    const succeeded = [...told.values()]
      .filter((outcome) => outcome.paid === 'SUCCEEDED')
      .map((outcome) => outcome.registrationId);
    const paymentRows = await registry.db.select().from(payments).where(inArray(payments.learnerId, ids));
    for (const registrationId of succeeded) {
      expect(paymentRows.find((row) => row.registrationId === registrationId)?.status).toBe('SUCCEEDED');
    }

    // The fault is over: the same requests, sent again, all go through on new connections.
    for (const learner of learners) {
      let registrationId = told.get(learner.subject)?.registrationId;
      if (!registrationId) {
        const again = await graph.execute<{ register: { id: string } }>(REGISTER, { sessionId }, learner);
        expect(again.errors).toBeUndefined();
        registrationId = again.data?.register.id;
      }
      const pay = () =>
        graph.execute<{ pay: { status: string } }>(PAY, { registrationId, idempotencyKey: `faults-${registrationId}` }, learner);
      let paid = await pay();
      expect(paid.errors).toBeUndefined();
      if (paid.data?.pay.status === 'PENDING') {
        // Charged, but the answer was lost with the connection: asked again once the charge is stale, it is
        // sent again under the same provider key, which moves no more money.
        graph.clock.advance(61_000);
        paid = await pay();
      }
      expect(paid.data?.pay.status).toBe('SUCCEEDED');
    }
    const settled = await registry.db.select().from(payments).where(inArray(payments.learnerId, ids));
    expect(settled.filter((row) => row.status === 'SUCCEEDED')).toHaveLength(LEARNERS);
    expect(provider.charges.size).toBe(LEARNERS);
    const paidRows = await registry.db.select().from(registrations).where(inArray(registrations.learnerId, ids));
    expect(paidRows.filter((row) => row.status === 'PAID')).toHaveLength(LEARNERS);
  });
});
