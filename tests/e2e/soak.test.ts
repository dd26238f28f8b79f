import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soak } from '../../bench/soak';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';

/** Rows of the registry's money and credit tables, counted straight from its database. */
async function registryCounts(graph: TestGraph) {
  const [row] = await graph.subgraph('registry').database.raw.query<Record<string, number | string>>(
    `select (select count(*) from registrations) as registered,
            (select count(*) from payments where status = 'SUCCEEDED') as paid,
            (select count(*) from refunds where status = 'SUCCEEDED') as refunded,
            (select count(*) from credit_entries) as credited`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
}

/** Connections of the suite's schemas doing something (or idle in a transaction) once the load stopped: none on PGlite. */
async function busyConnections(graph: TestGraph): Promise<number> {
  const registry = graph.subgraph('registry').database;
  if (registry.kind !== 'postgres') return 0;
  const schemas = [...graph.subgraphs.values()].map((subgraph) => subgraph.database.schema);
  const [row] = await registry.raw.query<{ busy: number | string }>(
    `select count(*) as busy from pg_stat_activity
      where application_name = any($1) and state <> 'idle' and pid <> pg_backend_pid()`,
    [schemas],
  );
  return Number(row?.busy ?? 0);
}

describe('a short soak: a steady mixed load through the gateway (pnpm soak in brief)', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph();
  });
  afterAll(() => graph?.close());

  it('answers every request rightly, keeps what the clients were told, and leaves no database connection held', async () => {
    const origin = (port: number) => `http://127.0.0.1:${port}`;
    const before = await registryCounts(graph);
    const report = await soak({
      gatewayUrl: graph.gatewayUrl,
      registryUrl: `${origin(graph.subgraph('registry').port)}/graphql`,
      services: [
        { name: 'gateway', origin: new URL(graph.gatewayUrl).origin },
        ...[...graph.subgraphs.values()].map(({ name, port }) => ({ name, origin: origin(port) })),
      ],
      warmUpMs: 1_000,
      durationMs: 5_000,
      connections: 4,
      recordLearners: 3,
      now: () => graph.clock.now(),
      sampleEveryMs: 1_000,
      log: () => undefined,
    });

    expect(report.samples).toEqual([]);
    expect(report.errors).toBe(0);
    // Every part of the mix ran, and each write was told to a client.
    expect(Object.keys(report.steps).sort()).toEqual(
      ['Catalogue', 'MyRecord', 'Pay', 'Register', 'ReportCoursewareCompletion', 'Withdraw'].sort(),
    );
    expect(report.told.withdrawn).toBeGreaterThan(0);
    expect(report.told.completed).toBeGreaterThan(0);
    for (const service of report.services) {
      expect({ service: service.name, errors: service.errors }).toEqual({ service: service.name, errors: 0 });
      if (service.connectionsHeldAtEnd !== null)
        expect({ service: service.name, held: service.connectionsHeldAtEnd }).toEqual({ service: service.name, held: 0 });
    }
    expect(await busyConnections(graph)).toBe(0);

    const after = await registryCounts(graph);
    expect({
      registered: (after['registered'] ?? 0) - (before['registered'] ?? 0),
      paid: (after['paid'] ?? 0) - (before['paid'] ?? 0),
      refunded: (after['refunded'] ?? 0) - (before['refunded'] ?? 0),
      credited: (after['credited'] ?? 0) - (before['credited'] ?? 0),
    }).toEqual({
      registered: report.told.registered,
      paid: report.told.paid,
      refunded: report.told.withdrawn,
      credited: report.told.completed,
    });
  });
});
