// `pnpm bench:cpu`: the CPU time each process spends per request through our gateway alone, over a fixed
// number of requests: `MyRecord` of the scale data's 1,000 learners (the default), or `--workload burst`,
// new learners registering at `--rate` a second for new sessions of 20 seats through two registry
// processes (the registration burst of `pnpm bench`, its seats reckoned after each block). CPU time per
// request moves less than req/s with what else the machine runs, but it does move (on 2026-12-03 it
// doubled within an hour, the bench's own client included): compare two trees measured in turns, in one
// sitting. Each process's CPU is read from its /metrics (process_cpu_seconds_total)
// before and after each block; a PostgreSQL server on this machine is read from /proc (`postgres`), and
// the bench's own process (`bench`: the load's client and the registries' pass-through) from itself, so
// `systemCpuMsPerRequest` is what one request costs the whole machine.
//
//   DATABASE_URL=… pnpm bench:cpu --ports-from 5800 --requests 600 --blocks 3
//   DATABASE_URL=… pnpm bench:cpu --workload burst --rate 100 --requests 1000 --blocks 3 --ports-from 5800
//
// Prints one JSON line per block. Only 127.0.0.1 is ever contacted.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTokenSigner, openDatabase } from '@xueshi/subgraph-kit';
import { runAtRate, runLoad } from './load';
import type { BenchRequest } from './load';
import { sample } from '../tests/harness/metrics';
import { scaleIdentities, scaleRefusal } from './scale';
import { startSystem } from './system';
import { workloads } from './workloads';

const { values: args } = parseArgs({
  options: {
    'ports-from': { type: 'string' },
    requests: { type: 'string', default: '600' },
    blocks: { type: 'string', default: '3' },
    workload: { type: 'string', default: 'myrecord' },
    rate: { type: 'string', default: '100' },
  },
});
const burst = args.workload === 'burst';
if (!burst && args.workload !== 'myrecord') {
  console.error(`--workload is myrecord or burst, not ${args.workload}`);
  process.exit(2);
}
const refusal = scaleRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(2);
}
const LEARNERS = 1000;
const CONNECTIONS = 10;
/** A burst's learners arrive whether or not the ones before were answered (as in `pnpm bench`). */
const BURST_CONNECTIONS = 256;
const BURST_SEATS = 20;
const requests = Number(args.requests);
const ratePerSecond = Number(args.rate);
if (burst && (requests % BURST_SEATS !== 0 || !(ratePerSecond > 0))) {
  console.error(`a burst needs --requests in multiples of ${BURST_SEATS} (one session for each) and a positive --rate`);
  process.exit(2);
}
const log = (line: string) => console.error(line);

const system = await startSystem({
  databaseUrl: process.env['DATABASE_URL'],
  portsFrom: args['ports-from'] === undefined ? undefined : Number(args['ports-from']),
  registryProcesses: burst ? 2 : 1,
  gateways: ['ours'],
  log,
});
const registry = await openDatabase({ ...system.registryDatabase, schema: 'registry', migrations: [], poolSize: 2 });
let failed = false;
try {
  const signer = await createTokenSigner(system.privateJwk, system.clock);
  const identities = await scaleIdentities(registry, signer, LEARNERS);
  const sizes = {
    learners: LEARNERS,
    burstSessions: requests / BURST_SEATS,
    burstSeats: BURST_SEATS,
    burstLearners: requests,
    burstSeconds: requests / ratePerSecond,
  };
  const measured = (await workloads(system.gateways.ours, sizes, identities, system.clock, { registry, signer })).find(
    (workload) => (burst ? workload.burst !== undefined : workload.name === `MyRecord (${LEARNERS} learners)`),
  );
  if (!measured) throw new Error(`no ${args.workload} workload`);
  const processes = system.services.flatMap((service) => ('origin' in service ? [service] : []));
  const servicesCpuSeconds = async (): Promise<Map<string, number>> =>
    new Map(
      await Promise.all(
        processes.map(async ({ name, origin }): Promise<[string, number]> => {
          const metrics = await (await fetch(`${origin}/metrics`)).text();
          const seconds = Number(sample(metrics, 'process_cpu_seconds_total'));
          if (!Number.isFinite(seconds)) throw new Error(`${name} reports no process_cpu_seconds_total`);
          return [name, seconds];
        }),
      ),
    );
  /**
   * CPU seconds of the PostgreSQL server's processes on this machine (every database's: nothing else runs
   * here while the bench does), or null where /proc cannot tell (the embedded database is a subgraph's own).
   */
  const postgresCpuSeconds = (): number | null => {
    if (!process.env['DATABASE_URL'] || !/@(127\.0\.0\.1|localhost)[:/]/.test(process.env['DATABASE_URL'])) return null;
    let ticks = 0;
    try {
      for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
          if (!stat.includes('(postgres)')) continue;
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
          // A process that ended between the listing and the read.
        }
      }
    } catch {
      return null;
    }
    return ticks / Number(execFileSync('getconf', ['CLK_TCK']).toString());
  };
  /** CPU seconds of this process: the load's client and, with two registries, their pass-through. */
  const benchCpuSeconds = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const cpuSeconds = async (): Promise<Map<string, number>> => {
    const services = await servicesCpuSeconds();
    const postgres = postgresCpuSeconds();
    return new Map([...services, ...(postgres === null ? [] : [['postgres', postgres] as const]), ['bench', benchCpuSeconds()]]);
  };
  /** The workload's next requests, `count` of them. */
  const first = (next: () => BenchRequest | null, count: number) => {
    let left = count;
    return () => (left-- > 0 ? next() : null);
  };
  /** One block: its requests prepared (a burst's sessions and learners), then sent while CPU is counted. */
  const block = async (count: number) => {
    const run = await measured.prepare();
    const before = await cpuSeconds();
    const result = burst
      ? await runAtRate({
          url: system.gateways.ours,
          connections: BURST_CONNECTIONS,
          durationMs: (count / ratePerSecond) * 1000,
          ratePerSecond,
          next: run.next,
          check: run.check,
        })
      : await runLoad({
          url: system.gateways.ours,
          connections: CONNECTIONS,
          durationMs: 3_600_000,
          next: first(run.next, count),
          check: run.check,
        });
    const after = await cpuSeconds();
    const problems = (await run.after?.()) ?? [];
    return { result, before, after, problems };
  };
  // Unmeasured: each process plans, prepares and compiles what it runs (every learner once for MyRecord,
  // one burst for a burst).
  await block(burst ? requests : LEARNERS);
  for (let index = 0; index < Number(args.blocks); index += 1) {
    const { result, before, after, problems } = await block(requests);
    if (result.errors > 0 || problems.length > 0) failed = true;
    const perRequest = [...after].map(
      ([name, seconds]) => [name, ((seconds - (before.get(name) ?? NaN)) * 1000) / result.requests] as const,
    );
    console.log(
      JSON.stringify({
        block: index,
        workload: args.workload,
        requests: result.requests,
        errors: result.errors,
        samples: result.samples.slice(0, 2),
        problems: problems.slice(0, 2),
        reqPerSecond: Number(result.reqPerSecond.toFixed(1)),
        ...(burst ? { p50Ms: Math.round(result.p50Ms), p99Ms: Math.round(result.p99Ms) } : {}),
        cpuMsPerRequest: Object.fromEntries(perRequest.map(([name, ms]) => [name, Number(ms.toFixed(2))])),
        subgraphsCpuMsPerRequest: Number(
          perRequest
            .filter(([name]) => name !== 'gateway' && name !== 'postgres' && name !== 'bench')
            .reduce((sum, [, ms]) => sum + ms, 0)
            .toFixed(2),
        ),
        systemCpuMsPerRequest: Number(perRequest.reduce((sum, [, ms]) => sum + ms, 0).toFixed(2)),
        uptime: execFileSync('uptime').toString().trim(),
      }),
    );
  }
} finally {
  await registry.close();
  await system.stop();
}
process.exit(failed ? 1 : 0);
