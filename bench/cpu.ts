// `pnpm bench:cpu`: the CPU time each process spends per `MyRecord` of the scale data's 1,000 learners,
// through our gateway alone, over a fixed number of requests. CPU time per request, unlike req/s, hardly
// moves with what else the machine runs, so two trees measured on a shared machine can be compared.
// Each process's CPU is read from its /metrics (process_cpu_seconds_total) before and after each block.
//
//   DATABASE_URL=… pnpm bench:cpu --ports-from 5800 --requests 600 --blocks 3
//
// Prints one JSON line per block. Only 127.0.0.1 is ever contacted.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createTokenSigner, openDatabase } from '@xueshi/subgraph-kit';
import { runLoad } from './load';
import type { BenchRequest } from './load';
import { scaleIdentities, scaleRefusal } from './scale';
import { startSystem } from './system';
import { workloads } from './workloads';

const { values: args } = parseArgs({
  options: {
    'ports-from': { type: 'string' },
    requests: { type: 'string', default: '600' },
    blocks: { type: 'string', default: '3' },
  },
});
const refusal = scaleRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(2);
}
const LEARNERS = 1000;
const CONNECTIONS = 10;
const requests = Number(args.requests);
const log = (line: string) => console.error(line);

const system = await startSystem({
  databaseUrl: process.env['DATABASE_URL'],
  portsFrom: args['ports-from'] === undefined ? undefined : Number(args['ports-from']),
  registryProcesses: 1,
  gateways: ['ours'],
  log,
});
const registry = await openDatabase({ ...system.registryDatabase, schema: 'registry', migrations: [], poolSize: 2 });
let failed = false;
try {
  const signer = await createTokenSigner(system.privateJwk, system.clock);
  const identities = await scaleIdentities(registry, signer, LEARNERS);
  const sizes = { learners: LEARNERS, burstSessions: 0, burstSeats: 0, burstLearners: 0, burstSeconds: 0 };
  const myRecord = (await workloads(system.gateways.ours, sizes, identities, system.clock, { registry, signer })).find(
    (workload) => workload.name === `MyRecord (${LEARNERS} learners)`,
  );
  if (!myRecord) throw new Error('no MyRecord workload');
  const processes = system.services.flatMap((service) => ('origin' in service ? [service] : []));
  const cpuSeconds = async (): Promise<Map<string, number>> =>
    new Map(
      await Promise.all(
        processes.map(async ({ name, origin }): Promise<[string, number]> => {
          const metrics = await (await fetch(`${origin}/metrics`)).text();
          const seconds = Number(/^process_cpu_seconds_total(?:\{[^}]*\})? (\S+)$/m.exec(metrics)?.[1]);
          if (!Number.isFinite(seconds)) throw new Error(`${name} reports no process_cpu_seconds_total`);
          return [name, seconds];
        }),
      ),
    );
  /** The workload's next requests, `count` of them. */
  const first = (next: () => BenchRequest | null, count: number) => {
    let left = count;
    return () => (left-- > 0 ? next() : null);
  };
  const load = async (count: number) => {
    const run = await myRecord.prepare();
    return runLoad({
      url: system.gateways.ours,
      connections: CONNECTIONS,
      durationMs: 3_600_000,
      next: first(run.next, count),
      check: run.check,
    });
  };
  // Unmeasured: every learner once, so each process has planned, prepared and compiled what it runs.
  await load(LEARNERS);
  for (let block = 0; block < Number(args.blocks); block += 1) {
    const before = await cpuSeconds();
    const result = await load(requests);
    const after = await cpuSeconds();
    if (result.errors > 0) failed = true;
    const perRequest = [...after].map(
      ([name, seconds]) => [name, ((seconds - (before.get(name) ?? NaN)) * 1000) / result.requests] as const,
    );
    console.log(
      JSON.stringify({
        block,
        requests: result.requests,
        errors: result.errors,
        samples: result.samples.slice(0, 2),
        reqPerSecond: Number(result.reqPerSecond.toFixed(1)),
        cpuMsPerRequest: Object.fromEntries(perRequest.map(([name, ms]) => [name, Number(ms.toFixed(2))])),
        subgraphsCpuMsPerRequest: Number(
          perRequest
            .filter(([name]) => name !== 'gateway')
            .reduce((sum, [, ms]) => sum + ms, 0)
            .toFixed(2),
        ),
        uptime: execFileSync('uptime').toString().trim(),
      }),
    );
  }
} finally {
  await registry.close();
  await system.stop();
}
process.exit(failed ? 1 : 0);
