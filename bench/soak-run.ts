// `pnpm soak`: a steady mixed load through our gateway for a bounded time (catalogue, several learners'
// records, register/pay/withdraw, courseware finished and reported by the elective provider's staff),
// every answer checked, and per service: memory growth after the warm-up, errors, p95 and database
// connections still held. Exits 1 when a goal is missed. Only 127.0.0.1 is ever contacted.
//
//   pnpm soak                       10 minutes after a 1-minute warm-up, 8 connections
//   pnpm soak --minutes 3           a shorter soak (or --seconds N)
//   pnpm soak --reuse 4001          reuse the subgraphs of a running `pnpm start` (ports from 4001;
//                                   DATA_DIR for its keys) instead of starting our own
//   options: --warm-up-seconds N --connections C --learners N --max-growth PERCENT --json FILE
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { missedGoals, soak } from './soak';
import { ROOT, startSystem } from './system';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string' },
    seconds: { type: 'string' },
    'warm-up-seconds': { type: 'string' },
    connections: { type: 'string' },
    learners: { type: 'string' },
    'max-growth': { type: 'string' },
    reuse: { type: 'string' },
    json: { type: 'string' },
  },
});
const durationMs = args.seconds !== undefined ? Number(args.seconds) * 1000 : Number(args.minutes ?? 10) * 60_000;
// A shorter soak warms up for a fifth of its time, a full one for a minute.
const warmUpMs =
  args['warm-up-seconds'] !== undefined ? Number(args['warm-up-seconds']) * 1000 : Math.min(60_000, durationMs / 5);
const connections = Number(args.connections ?? 8);
const maxGrowthPercent = Number(args['max-growth'] ?? 10);
const jsonFile = resolve(ROOT, args.json ?? '.data/soak.json');
if (!(durationMs > 0) || !(warmUpMs >= 0) || !(connections > 0)) {
  console.error('pnpm soak: --minutes/--seconds, --warm-up-seconds and --connections must be positive numbers');
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const system = await startSystem({
  reuseFrom: args.reuse === undefined ? undefined : Number(args.reuse),
  reuseDataDir: process.env['DATA_DIR'],
  gateways: ['ours'],
  log,
});
let failed = true;
try {
  log(`soaking for ${durationMs / 1000} s after a ${warmUpMs / 1000} s warm-up, ${connections} connections`);
  const report = await soak({
    gatewayUrl: system.gateways.ours,
    registryUrl: system.registryUrl,
    services: system.services,
    warmUpMs,
    durationMs,
    connections,
    recordLearners: Number(args.learners ?? 20),
    now: () => system.clock.now(),
    sampleEveryMs: Math.max(1000, Math.min(10_000, durationMs / 60)),
    log,
  });
  const missed = missedGoals(report, maxGrowthPercent);
  failed = missed.length > 0;

  console.log(
    `\n${report.requests} requests in ${report.seconds.toFixed(0)} s after the warm-up (${(report.requests / report.seconds).toFixed(1)} req/s), ${report.errors} wrong or missing answers`,
  );
  console.log(
    `told the clients: ${report.told.registered} registrations, ${report.told.paid} paid, ${report.told.withdrawn} withdrawn with a full refund, ${report.told.completed} courseware completed with credit`,
  );
  console.log('\nstep                         requests   p50 ms   p95 ms');
  for (const [step, figures] of Object.entries(report.steps)) {
    console.log(
      `${step.padEnd(28)} ${String(figures.requests).padStart(8)} ${figures.p50Ms.toFixed(1).padStart(8)} ${figures.p95Ms.toFixed(1).padStart(8)}`,
    );
  }
  console.log(
    '\nservice              RSS after warm-up → end (MB)   growth   operations  errors   p95 ms   db connections held start → end   open fds start → end',
  );
  for (const service of report.services) {
    const held =
      service.connectionsHeldAtStart === null
        ? 'no database'
        : `${service.connectionsHeldAtStart} → ${service.connectionsHeldAtEnd}`;
    console.log(
      [
        service.name.padEnd(20),
        `${service.rssAfterWarmUpMb.toFixed(0)} → ${service.rssAtEndMb.toFixed(0)}`.padStart(29),
        `${service.rssGrowthPercent.toFixed(1)} %`.padStart(8),
        String(service.operations).padStart(12),
        String(service.errors).padStart(7),
        service.p95Ms.toFixed(1).padStart(8),
        held.padStart(33),
        `${service.openFdsAtStart} → ${service.openFdsAtEnd}`.padStart(22),
      ].join(' '),
    );
  }
  for (const sample of report.samples) console.log(`  ${sample}`);
  console.log(
    missed.length === 0
      ? `\nevery goal met: memory growth < ${maxGrowthPercent} % after the warm-up, 0 errors, 0 connections left held`
      : `\ngoals missed:\n${missed.map((line) => `  ${line}`).join('\n')}`,
  );
  await mkdir(dirname(jsonFile), { recursive: true });
  await writeFile(
    jsonFile,
    `${JSON.stringify({ at: new Date().toISOString(), durationMs, warmUpMs, connections, maxGrowthPercent, missed, ...report }, null, 2)}\n`,
  );
  console.log(`written to ${jsonFile}`);
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await system.stop();
}
process.exit(failed ? 1 : 0);
