// `pnpm bench`: our gateway, Hive Gateway and Hive Gateway with its Rust planner over the same
// subgraphs and supergraph, in interleaved rounds, every answer checked against ours. Prints a table
// and writes JSON. Only 127.0.0.1 is ever contacted.
//
//   pnpm bench                          3 rounds of 5 s per workload and gateway, 10 connections
//   pnpm bench --quick                  1 round of 1 s, small workloads (a smoke test)
//   pnpm bench --reuse 4001             reuse the subgraphs of a running `pnpm start` (ports from 4001;
//                                       DATA_DIR for its keys), instead of starting our own
//   options: --rounds N --seconds S --connections C --json FILE
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile, runLoad } from './load';
import type { LoadResult } from './load';
import { GATEWAYS, ROOT, startSystem } from './system';
import type { GatewayName } from './system';
import { MISMATCH, workloads } from './workloads';
import type { WorkloadSizes } from './workloads';

const BURST_BOUND_MS = 60_000;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
    json: { type: 'string' },
  },
});
const quick = args.quick ?? false;
const rounds = Number(args.rounds ?? (quick ? 1 : 3));
const durationMs = Number(args.seconds ?? (quick ? 1 : 5)) * 1000;
const warmUpMs = quick ? 500 : 2000;
const connections = Number(args.connections ?? 10);
const jsonFile = resolve(ROOT, args.json ?? '.data/bench.json');
const sizes: WorkloadSizes = quick
  ? { learners: 10, burstSessions: 2, burstSeats: 5, burstLearners: 20 }
  : { learners: 100, burstSessions: 3, burstSeats: 10, burstLearners: 60 };

export interface Cell {
  requests: number;
  /** Requests answered wrongly or not at all, and seats found wrong after a burst. */
  errors: number;
  /** Of those, answers that differ from ours (or seats that do not add up): never acceptable. */
  mismatches: number;
  reqPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  samples: string[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function combine(results: LoadResult[], problems: string[]): Cell {
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  return {
    requests: latencies.length,
    errors: results.reduce((sum, result) => sum + result.errors, 0) + problems.length,
    mismatches: [...problems, ...results.flatMap((result) => result.problems)].filter((problem) => problem.startsWith(MISMATCH))
      .length,
    reqPerSecond: seconds > 0 ? latencies.length / seconds : 0,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    samples: [...problems, ...results.flatMap((result) => result.samples)].slice(0, 5),
  };
}

const system = await startSystem({
  reuseFrom: args.reuse === undefined ? undefined : Number(args.reuse),
  reuseDataDir: process.env['DATA_DIR'],
  log,
});
let failed = false;
const urlOf = (gateway: GatewayName): string => {
  const url = system.gateways[gateway];
  if (!url) throw new Error(`${gateway} was not started`);
  return url;
};
try {
  log(`gateways pinned to ${system.core === null ? 'no core (taskset is missing)' : `core ${system.core}`}`);
  const measured = await workloads(system.gateways.ours, system.registryUrl, sizes);
  type Entry = { loads: LoadResult[]; problems: string[] };
  const empty = (): Entry => ({ loads: [], problems: [] });
  const results = new Map<string, Record<GatewayName, Entry>>(
    measured.map((workload) => [workload.name, { ours: empty(), hive: empty(), 'hive-rust': empty() }]),
  );
  // Unmeasured: every gateway plans each operation and opens its connections before the first round.
  for (const gateway of GATEWAYS) {
    for (const workload of measured) {
      const run = await workload.warmUp();
      await runLoad({ url: urlOf(gateway), connections, durationMs: warmUpMs, next: run.next, check: () => null });
    }
  }
  for (let round = 0; round < rounds; round += 1) {
    // Each round starts with another gateway, so none always runs first or last.
    const order = GATEWAYS.map((_gateway, index) => GATEWAYS[(index + round) % GATEWAYS.length] as GatewayName);
    for (const workload of measured) {
      for (const gateway of order) {
        const run = await workload.prepare();
        const load = await runLoad({
          url: urlOf(gateway),
          connections,
          durationMs: workload.burst ? BURST_BOUND_MS : durationMs,
          next: run.next,
          check: run.check,
        });
        const entry = results.get(workload.name)?.[gateway];
        entry?.loads.push(load);
        entry?.problems.push(...((await run.after?.()) ?? []));
        log(
          `round ${round + 1}/${rounds} ${workload.name} ${gateway}: ${load.reqPerSecond.toFixed(0)} req/s, ${load.errors} errors`,
        );
      }
    }
  }

  const table = measured.map((workload) => {
    const cells = Object.fromEntries(
      GATEWAYS.map((gateway) => {
        const entry = results.get(workload.name)?.[gateway];
        return [gateway, combine(entry?.loads ?? [], entry?.problems ?? [])];
      }),
    ) as Record<GatewayName, Cell>;
    const rust = cells['hive-rust'].reqPerSecond;
    return {
      workload: workload.name,
      description: workload.description,
      cells,
      ratioToHiveRust: Object.fromEntries(
        GATEWAYS.map((gateway) => [gateway, rust > 0 ? cells[gateway].reqPerSecond / rust : 0]),
      ),
    };
  });

  const format = (cell: Cell) =>
    `${cell.reqPerSecond.toFixed(0).padStart(6)} req/s  p50 ${cell.p50Ms.toFixed(1).padStart(6)}  p99 ${cell.p99Ms.toFixed(1).padStart(7)}  err ${String(cell.errors).padStart(3)}`;
  const header = ['workload'.padEnd(26), ...GATEWAYS.map((gateway) => gateway.padEnd(56))].join(' | ');
  console.log(
    `\n${rounds} round(s), ${durationMs / 1000} s each, ${connections} connections; latencies in ms; ratio = req/s ÷ hive-rust`,
  );
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const row of table) {
    const cells = GATEWAYS.map((gateway) =>
      `${format(row.cells[gateway])}  ×${(row.ratioToHiveRust[gateway] ?? 0).toFixed(2)}`.padEnd(56),
    );
    console.log([row.workload.padEnd(26), ...cells].join(' | '));
  }
  for (const row of table) {
    for (const gateway of GATEWAYS) {
      for (const sample of row.cells[gateway].samples) console.log(`  ${row.workload} / ${gateway}: ${sample}`);
    }
  }
  // Errors (a timeout on a busy machine) are reported; a different answer fails the run.
  failed = table.some((row) => GATEWAYS.some((gateway) => row.cells[gateway].mismatches > 0));

  await mkdir(dirname(jsonFile), { recursive: true });
  await writeFile(
    jsonFile,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        quick,
        rounds,
        secondsPerRound: durationMs / 1000,
        connections,
        sizes,
        pinnedCore: system.core,
        reusedSubgraphs: system.reused,
        answersMatched: !failed,
        workloads: table.map((row) => ({
          ...row,
          cells: Object.fromEntries(
            GATEWAYS.map((gateway) => {
              const { samples, ...cell } = row.cells[gateway];
              return [gateway, { ...cell, errorSamples: samples }];
            }),
          ),
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwritten to ${jsonFile}`);
} catch (error) {
  failed = true;
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await system.stop();
}
process.exit(failed ? 1 : 0);
