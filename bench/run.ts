// `pnpm bench`: our gateway, Hive Gateway and Hive Gateway with its Rust planner over the same
// subgraphs and supergraph, in interleaved rounds, every answer checked against ours. Prints a table
// and writes JSON. Only 127.0.0.1 is ever contacted.
//
//   pnpm bench                          3 rounds of 5 s per workload and gateway, 10 connections
//   pnpm bench --quick                  1 round of 1 s, small workloads (a smoke test)
//   pnpm bench --reuse 4001             reuse the subgraphs of a running `pnpm start` (ports from 4001;
//                                       DATA_DIR for its keys), instead of starting our own
//   DATABASE_URL=… pnpm bench --scale   on the scale data (`pnpm seed:scale` first): the subgraphs on that
//                                       PostgreSQL, MyRecord for 1,000 of its learners, then MyRecord at a
//                                       fixed 50 req/s (p95) and the analysts' aggregates timed
//   options: --rounds N --seconds S --connections C --json FILE --rate R --rate-seconds S
//            --ports-from P (subgraphs and gateways on P, P+1, … instead of any free ports)
//            --workloads REGEX (only the workloads whose name matches, e.g. 'MyRecord')
//
// The registration burst: 2,000 new learners (20 in --quick) arrive evenly over 10 s (1 s) and register
// for 100 new sessions of 20 seats (2 of 5), each gateway in front of two registry processes (ADR 0040).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, createTokenSigner } from '@xueshi/subgraph-kit';
import type { BurstReckoning } from './burst';
import { percentile, runAtRate, runLoad } from './load';
import { scaleIdentities, scaleRefusal } from './scale';
import type { LoadResult } from './load';
import { GATEWAYS, ROOT, startSystem } from './system';
import type { GatewayName } from './system';
import { MISMATCH, demoIdentities, graphql, workloads } from './workloads';
import type { WorkloadSizes } from './workloads';

/** Connections a burst may open at once: its learners arrive whether or not the ones before were answered. */
const BURST_CONNECTIONS = 256;
/** A burst's answer that takes longer than this counts as unanswered. */
const BURST_TIMEOUT_MS = 30_000;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
    json: { type: 'string' },
    scale: { type: 'boolean', default: false },
    rate: { type: 'string' },
    'rate-seconds': { type: 'string' },
    'ports-from': { type: 'string' },
    workloads: { type: 'string' },
  },
});
const scale = args.scale ?? false;
if (scale) {
  const refusal = scaleRefusal(process.env);
  if (refusal) {
    console.error(refusal);
    process.exit(2);
  }
}
const databaseUrl = scale ? process.env['DATABASE_URL'] : undefined;

const quick = args.quick ?? false;
const ratePerSecond = Number(args.rate ?? 50);
const rateMs = Number(args['rate-seconds'] ?? (quick ? 3 : 20)) * 1000;
const rounds = Number(args.rounds ?? (quick ? 1 : 3));
const durationMs = Number(args.seconds ?? (quick ? 1 : 5)) * 1000;
const warmUpMs = quick ? 500 : 2000;
const connections = Number(args.connections ?? 10);
const jsonFile = resolve(ROOT, args.json ?? (scale ? '.data/bench-scale.json' : '.data/bench.json'));
const sizes: WorkloadSizes = quick
  ? { learners: scale ? 50 : 10, burstSessions: 2, burstSeats: 5, burstLearners: 20, burstSeconds: 1 }
  : { learners: scale ? 1000 : 100, burstSessions: 100, burstSeats: 20, burstLearners: 2000, burstSeconds: 10 };

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

const ANALYST_RUNS = 5;
const STATISTICS =
  'query ($year: Int!) { programmeStatistics(year: $year) { year learners registrations paid completed failed withdrawn expired creditHours revenueFen byInstitution { institution { code } registrations creditHours revenueFen } } }';
const COMPLIANCE =
  'query ($startYear: Int!) { cycleCompliance(startYear: $startYear) { startYear endYear learnersWithCredit compliant requiredShort totalShort } }';

/**
 * The scale run's own figures: the analysts' aggregates over the whole data through ours, each timed
 * ANALYST_RUNS times one after another, then MyRecord for the distinct learners at a fixed rate through
 * each gateway (p95, queueing included).
 */
async function measureScale(measured: Awaited<ReturnType<typeof workloads>>, analystToken: string) {
  // Absent when --workloads leaves it out: the aggregates are still timed.
  const many = measured.find((workload) => /^MyRecord \(\d+ learners\)$/.test(workload.name));
  // A run refused (the registry's answer later than the gateway waits, on a busy machine) is counted and
  // its time kept, as the workloads count theirs, so the run still ends with its figures written.
  const timed = async (query: string, variables: Record<string, unknown>) => {
    const runsMs: number[] = [];
    const errorSamples: string[] = [];
    let answer: unknown = null;
    for (let run = 0; run < ANALYST_RUNS; run += 1) {
      const began = performance.now();
      const result = await graphql(system.gateways.ours, query, variables, analystToken);
      runsMs.push(performance.now() - began);
      if (result.errors?.length || !result.data) errorSamples.push(JSON.stringify(result.errors).slice(0, 300));
      else answer = result.data;
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    return {
      runsMs,
      medianMs: percentile(sorted, 0.5),
      maxMs: sorted[sorted.length - 1] ?? 0,
      errors: errorSamples.length,
      errorSamples,
      answer,
    };
  };
  // First, on a quiet system: after the fixed rate the subgraphs are still working off its queue for a
  // while (timed-out requests included), and the aggregates would measure that queue, not themselves.
  const statistics = {
    programmeStatistics2021: await timed(STATISTICS, { year: 2021 }),
    cycleCompliance2021: await timed(COMPLIANCE, { startYear: 2021 }),
  };
  const rate: Record<string, { requests: number; errors: number; p50Ms: number; p95Ms: number; p99Ms: number }> = {};
  if (many) {
    for (const gateway of GATEWAYS) {
      const run = await many.prepare();
      const load = await runAtRate({
        url: urlOf(gateway),
        connections: 64,
        durationMs: rateMs,
        ratePerSecond,
        next: run.next,
        check: run.check,
      });
      if (load.problems.some((problem) => problem.startsWith(MISMATCH))) failed = true;
      rate[gateway] = {
        requests: load.requests,
        errors: load.errors,
        p50Ms: load.p50Ms,
        p95Ms: percentile(load.latencies, 0.95),
        p99Ms: load.p99Ms,
      };
      log(`${many.name} at ${ratePerSecond} req/s, ${gateway}: p95 ${rate[gateway]?.p95Ms.toFixed(1)} ms, ${load.errors} errors`);
    }
  }
  console.log(
    many
      ? `\n${many.name} at a fixed ${ratePerSecond} req/s for ${rateMs / 1000} s (latency from when each request was due):`
      : '\nMyRecord at a fixed rate: not among --workloads, not run',
  );
  for (const gateway of GATEWAYS) {
    const cell = rate[gateway];
    if (cell) {
      console.log(
        `  ${gateway.padEnd(10)} p50 ${cell.p50Ms.toFixed(1).padStart(7)}  p95 ${cell.p95Ms.toFixed(1).padStart(7)}  p99 ${cell.p99Ms.toFixed(1).padStart(7)}  requests ${cell.requests}  errors ${cell.errors}`,
      );
    }
  }
  console.log(`Analysts' aggregates through our gateway, ${ANALYST_RUNS} runs each (ms):`);
  for (const [name, figures] of Object.entries(statistics)) {
    console.log(
      `  ${name.padEnd(24)} median ${figures.medianMs.toFixed(0).padStart(6)}  max ${figures.maxMs.toFixed(0).padStart(6)}  runs ${figures.runsMs.map((ms) => ms.toFixed(0)).join(', ')}  errors ${figures.errors}`,
    );
    for (const sample of figures.errorSamples.slice(0, 2)) console.log(`    ${sample}`);
  }
  return { ratePerSecond, rateSeconds: rateMs / 1000, myRecordAtRate: rate, analysts: statistics };
}

/** Each burst's rounds per gateway: how long it took from the first learner's arrival to the last answer, and its reckoning. */
function burstFigures(
  measured: Awaited<ReturnType<typeof workloads>>,
  results: Map<string, Record<GatewayName, { loads: LoadResult[]; reckonings: BurstReckoning[] }>>,
) {
  return measured
    .filter((workload) => workload.burst)
    .map((workload) => ({
      workload: workload.name,
      description: workload.description,
      rounds: Object.fromEntries(
        GATEWAYS.map((gateway) => {
          const entry = results.get(workload.name)?.[gateway];
          return [
            gateway,
            (entry?.loads ?? []).map((load, index) => ({
              wallSeconds: load.seconds,
              p50Ms: load.p50Ms,
              p99Ms: load.p99Ms,
              requests: load.requests,
              serverErrors: load.problems.filter((problem) => /^HTTP 5\d\d/.test(problem)).length,
              errors: load.errors,
              ...(entry?.reckonings[index] ?? {}),
            })),
          ];
        }),
      ),
    }));
}

const system = await startSystem({
  reuseFrom: args.reuse === undefined ? undefined : Number(args.reuse),
  reuseDataDir: process.env['DATA_DIR'],
  databaseUrl,
  portsFrom: args['ports-from'] === undefined ? undefined : Number(args['ports-from']),
  registryProcesses: 2,
  log,
});
let failed = false;
const urlOf = (gateway: GatewayName): string => {
  const url = system.gateways[gateway];
  if (!url) throw new Error(`${gateway} was not started`);
  return url;
};
// The registry's database, where the burst's learners are prepared and its seats counted.
const registry = await openDatabase({ ...system.registryDatabase, schema: 'registry', migrations: [], poolSize: 2 });
try {
  log(`gateways pinned to ${system.core === null ? 'no core (taskset is missing)' : `core ${system.core}`}`);
  log(`${system.registryProcesses} registry process(es) behind the gateways`);
  const signer = await createTokenSigner(system.privateJwk, system.clock);
  let analystToken: string | undefined;
  const identities = await (async () => {
    if (!databaseUrl) return demoIdentities(system.gateways.ours, system.registryUrl, sizes.learners);
    const minted = await scaleIdentities(registry, signer, sizes.learners);
    analystToken = minted.analyst;
    return minted;
  })();
  log(`${identities.manyLearners.length} distinct learners; reference answers from our gateway`);
  const selected = new RegExp(args.workloads ?? '');
  const measured = (await workloads(system.gateways.ours, sizes, identities, system.clock, { registry, signer })).filter(
    (workload) => selected.test(workload.name),
  );
  if (measured.length === 0) throw new Error(`no workload matches --workloads ${args.workloads ?? ''}`);
  type Entry = { loads: LoadResult[]; problems: string[]; reckonings: BurstReckoning[] };
  const empty = (): Entry => ({ loads: [], problems: [], reckonings: [] });
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
        const passedBefore = system.registryRequests();
        const load = workload.burst
          ? await runAtRate({
              url: urlOf(gateway),
              connections: BURST_CONNECTIONS,
              durationMs: (sizes.burstLearners / workload.burst.ratePerSecond) * 1000,
              ratePerSecond: workload.burst.ratePerSecond,
              timeoutMs: BURST_TIMEOUT_MS,
              next: run.next,
              check: run.check,
            })
          : await runLoad({ url: urlOf(gateway), connections, durationMs, next: run.next, check: run.check });
        const entry = results.get(workload.name)?.[gateway];
        entry?.loads.push(load);
        entry?.problems.push(...((await run.after?.()) ?? []));
        const reckoning = run.reckoning?.();
        if (reckoning) entry?.reckonings.push(reckoning);
        const passed = system.registryRequests().map((count, index) => count - (passedBefore[index] ?? 0));
        log(
          `round ${round + 1}/${rounds} ${workload.name} ${gateway}: ${load.reqPerSecond.toFixed(0)} req/s, ${load.errors} errors` +
            (reckoning
              ? `, ${load.seconds.toFixed(1)} s, p99 ${load.p99Ms.toFixed(0)} ms, registry processes passed ${passed.join(' + ')}`
              : ''),
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
  const bursts = burstFigures(measured, results);
  for (const burst of bursts) {
    console.log(
      `\n${burst.workload}: ${burst.description}, through ${system.registryProcesses} registry process(es); per round:`,
    );
    for (const [gateway, rows] of Object.entries(burst.rounds)) {
      for (const row of rows) {
        console.log(
          `  ${gateway.padEnd(10)} wall ${row.wallSeconds.toFixed(1).padStart(5)} s  p99 ${row.p99Ms.toFixed(0).padStart(6)} ms  5xx ${row.serverErrors}  registered ${row.registered}  refused ${row.refused}  oversold ${row.oversold}  lost ${row.lost}  twice ${row.twice}  left free ${row.seatsLeftFree}`,
        );
      }
    }
  }
  // Errors (a timeout on a busy machine) are reported; a different answer fails the run.
  failed = table.some((row) => GATEWAYS.some((gateway) => row.cells[gateway].mismatches > 0));

  const scaleFigures = databaseUrl ? await measureScale(measured, analystToken ?? '') : null;

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
        registryProcesses: system.registryProcesses,
        scale: scaleFigures,
        bursts,
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
  await registry.close();
  await system.stop();
}
process.exit(failed ? 1 : 0);
