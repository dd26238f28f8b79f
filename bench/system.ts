// The system under measurement: the seven subgraphs (started here on one embedded database, or reused
// from a running `pnpm start`) and the three gateways over them, each gateway pinned to one core.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SUBGRAPHS, subgraphUrlVariable } from '@xueshi/institutions/topology';
import {
  embeddedDatabaseListening,
  embeddedSocketPath,
  generateSigningKeys,
  pinnedClock,
  systemClock,
} from '@xueshi/subgraph-kit';
import type { Clock } from '@xueshi/subgraph-kit';
import { roundRobin } from './replicas';
import type { Replicas } from './replicas';
import { SCALE_AS_OF } from './scale';

export const ROOT = resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 600_000;
const PLANNING_BUDGET_MS = 30_000;
const HIVE_BIN = join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js');

/**
 * The moment a system the bench starts itself begins at (its clock then runs on): 10:00 in Shanghai on the
 * day the scale data is as of. The measurements then never depend on the date they are run on (a run in late
 * December would find no working days left for its sessions in the years whose calendar is held), and scale
 * data is never in the future.
 */
export const BENCH_CLOCK_START = `${SCALE_AS_OF}T10:00:00+08:00`;

export type GatewayName = 'ours' | 'hive' | 'hive-rust';
export const GATEWAYS: readonly GatewayName[] = ['ours', 'hive', 'hive-rust'];

export interface System {
  /** The gateways started, by name. */
  gateways: { ours: string } & Partial<Record<GatewayName, string>>;
  /**
   * Every subgraph and our gateway, where /metrics answers (http://127.0.0.1:<port>), and the embedded
   * database server the bench started, by its process.
   */
  services: ({ name: string; origin: string } | { name: string; pid: number })[];
  /** The registry's own GraphQL URL (learners sign up there, outside the gateways' limits). */
  registryUrl: string;
  /**
   * The registry's processes the gateways reach, each request the next in turn (bench/replicas.ts): two
   * when the bench started the system, the one of a reused system.
   */
  registryProcesses: number;
  /** Requests each registry process was passed by the gateways so far (empty for a reused system). */
  registryRequests(): number[];
  /** Where the registry's database is, for preparing learners in bulk: a PostgreSQL URL or the embedded socket. */
  registryDatabase: { url: string } | { socket: string };
  /** The core every gateway is pinned to, or null where taskset is missing. */
  core: number | null;
  reused: boolean;
  /** The system's clock: pinned from BENCH_CLOCK_START when the bench started it, the real one when reused. */
  clock: Clock;
  /** The registry's signing key: the bench mints its learners' tokens with it instead of signing them in. */
  privateJwk: Awaited<ReturnType<typeof generateSigningKeys>>['privateJwk'];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const portAt = (from: number | undefined, index: number): Promise<number> =>
  from === undefined ? freePort() : Promise.resolve(from + index);

async function waitUntilReady(name: string, url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`${name} exited before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${name} was not ready at ${url} within ${READY_TIMEOUT_MS / 1000}s`);
}

const hasTaskset = () => spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;

export interface SystemOptions {
  /** Reuse subgraphs already running on consecutive ports from this one (as `pnpm start` runs them). */
  reuseFrom?: number | undefined;
  /** Where a reused system keeps its keys (its DATA_DIR). */
  reuseDataDir?: string | undefined;
  /** The gateways to start (all three by default). */
  gateways?: readonly GatewayName[];
  /** Start the subgraphs on this PostgreSQL database (each in its schema, nothing seeded) instead of embedded ones. */
  databaseUrl?: string | undefined;
  /**
   * Consecutive ports from this one (subgraphs, gateways, then the second registry and the replicas'
   * address) instead of any free ones, on a shared machine.
   */
  portsFrom?: number | undefined;
  /**
   * Registry processes behind the gateways (a system the bench starts; a reused one keeps its one): with
   * two, the gateways reach both through one address, each request the next process in turn.
   */
  registryProcesses?: 1 | 2;
  log: (line: string) => void;
}

export async function startSystem(options: SystemOptions): Promise<System> {
  const children: { name: string; child: ChildProcess }[] = [];
  let replicas: Replicas | undefined;
  const exitedEarly = new Set<string>();
  let stopping = false;
  const launch = (name: string, command: string, args: string[], env: Record<string, string>) => {
    // The system started here is the embedded demo, whatever database the calling shell points at.
    const { DATABASE_URL: _database, ...inherited } = process.env;
    const child = spawn(command, args, {
      cwd: ROOT,
      // Warnings are kept: a run that fails (a database out of reach, a refused call) says why.
      env: { ...inherited, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        if (stopping) return;
        for (const line of chunk.split('\n')) if (line.trim()) options.log(`[${name}] ${line}`);
      });
    }
    child.on('exit', () => exitedEarly.add(name));
    children.push({ name, child });
  };
  const stop = async () => {
    stopping = true;
    await replicas?.close();
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
  };

  try {
    const reused = options.reuseFrom !== undefined;
    let dataDir: string | undefined;
    let secondRegistry: string | undefined;
    let registryDatabase: System['registryDatabase'] = process.env['DATABASE_URL']
      ? { url: process.env['DATABASE_URL'] }
      : { socket: embeddedSocketPath(resolve(ROOT, options.reuseDataDir ?? '.data')) };
    let keys: Awaited<ReturnType<typeof generateSigningKeys>>;
    const ports = reused
      ? SUBGRAPHS.map((_subgraph, index) => (options.reuseFrom ?? 0) + index)
      : await Promise.all(SUBGRAPHS.map((_subgraph, index) => portAt(options.portsFrom, index)));
    const urls = Object.fromEntries(
      SUBGRAPHS.map(({ name }, index) => [subgraphUrlVariable(name), `http://127.0.0.1:${ports[index] ?? 0}/graphql`]),
    );
    if (reused) {
      const file = join(resolve(ROOT, options.reuseDataDir ?? '.data'), 'keys', 'jwt-development.json');
      keys = JSON.parse(await readFile(file, 'utf8')) as typeof keys;
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'xueshi-bench-'));
      keys = await generateSigningKeys('bench');
      options.log(
        `starting ${SUBGRAPHS.length} subgraphs on ${options.databaseUrl ? 'PostgreSQL' : `one embedded database in ${dataDir}`}`,
      );
      // Embedded, the subgraphs share one database server as `pnpm start` runs them (ADR 0037).
      const socket = options.databaseUrl ? undefined : embeddedSocketPath(dataDir);
      if (socket) {
        launch('database', process.execPath, ['--import', 'tsx', 'scripts/embedded-database.ts'], { DATA_DIR: dataDir });
        const deadline = Date.now() + READY_TIMEOUT_MS;
        while (!(await embeddedDatabaseListening(socket))) {
          if (exitedEarly.has('database') || Date.now() > deadline) throw new Error('the embedded database did not start');
          await new Promise((done) => setTimeout(done, 300));
        }
      }
      const subgraphEnv = (name: string, port: number): Record<string, string> => ({
        DATA_DIR: dataDir ?? '',
        CLOCK_START: BENCH_CLOCK_START,
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl, SEED: 'none' } : {}),
        ...(socket ? { EMBEDDED_DATABASE_SOCKET: socket } : {}),
        PORT: String(port),
        JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
        ...(name === 'registry'
          ? { ...urls, JWT_PRIVATE_JWK: JSON.stringify(keys.privateJwk), PASSWORD_HASH_COST: '14' }
          : { SUBGRAPH_URL_REGISTRY: urls[subgraphUrlVariable('registry')] ?? '' }),
      });
      SUBGRAPHS.forEach(({ name }, index) => {
        launch(
          name,
          process.execPath,
          ['--import', 'tsx', `subgraphs/${name}/src/index.ts`],
          subgraphEnv(name, ports[index] ?? 0),
        );
      });
      registryDatabase = socket ? { socket } : { url: options.databaseUrl ?? '' };
      if (options.registryProcesses === 2) {
        // Started with the others, so its clock (pinned when it has loaded) runs with theirs: a token it
        // signs is never from another subgraph's future. Migrations are taken one at a time under their
        // lock; it seeds nothing itself.
        const port = await portAt(options.portsFrom, SUBGRAPHS.length + GATEWAYS.length);
        launch('registry-2', process.execPath, ['--import', 'tsx', 'subgraphs/registry/src/index.ts'], {
          ...subgraphEnv('registry', port),
          SEED: 'none',
        });
        secondRegistry = `http://127.0.0.1:${port}`;
      }
    }
    await Promise.all([
      ...SUBGRAPHS.map(({ name }, index) =>
        waitUntilReady(name, `http://127.0.0.1:${ports[index] ?? 0}/ready`, () => exitedEarly.has(name)),
      ),
      ...(secondRegistry ? [waitUntilReady('registry-2', `${secondRegistry}/ready`, () => exitedEarly.has('registry-2'))] : []),
    ]);

    const core = hasTaskset() ? cpus().length - 1 : null;
    const pinned = (command: string, args: string[]): [string, string[]] =>
      core === null ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
    const gatewayPorts = await Promise.all(
      GATEWAYS.map((_gateway, index) => portAt(options.portsFrom, SUBGRAPHS.length + index)),
    );
    const [oursPort = 0, hivePort = 0, rustPort = 0] = gatewayPorts;
    const registryOrigin = new URL(urls[subgraphUrlVariable('registry')] ?? '').origin;
    if (secondRegistry) {
      replicas = await roundRobin(
        [registryOrigin, secondRegistry],
        await portAt(options.portsFrom, SUBGRAPHS.length + GATEWAYS.length + 1),
      );
    }
    const gatewayEnv = {
      ...urls,
      ...(replicas ? { [subgraphUrlVariable('registry')]: `${replicas.origin}/graphql` } : {}),
      JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
    };
    const wanted = new Set(options.gateways ?? GATEWAYS);
    launch('ours', ...pinned(process.execPath, ['--import', 'tsx', 'gateway/src/index.ts']), {
      ...gatewayEnv,
      PORT: String(oursPort),
      ...(reused ? {} : { CLOCK_START: BENCH_CLOCK_START }),
      // Plans are made once per operation and kept: on a machine shared with other work, the default
      // budget could refuse the measured operations themselves, which says nothing about throughput.
      QUERY_PLANNING_BUDGET_MS: String(PLANNING_BUDGET_MS),
    });
    const hiveArgs = (port: number) => [
      HIVE_BIN,
      'supergraph',
      'gateway/supergraph.graphql',
      '-c',
      'bench/hive.config.ts',
      '--port',
      String(port),
    ];
    if (wanted.has('hive')) launch('hive', ...pinned(process.execPath, hiveArgs(hivePort)), gatewayEnv);
    if (wanted.has('hive-rust')) {
      launch('hive-rust', ...pinned(process.execPath, [...hiveArgs(rustPort), '--hive-router-runtime']), gatewayEnv);
    }
    await waitUntilReady('ours', `http://127.0.0.1:${oursPort}/ready`, () => exitedEarly.has('ours'));
    if (wanted.has('hive')) {
      await waitUntilReady('hive', `http://127.0.0.1:${hivePort}/readiness`, () => exitedEarly.has('hive'));
    }
    if (wanted.has('hive-rust')) {
      await waitUntilReady('hive-rust', `http://127.0.0.1:${rustPort}/readiness`, () => exitedEarly.has('hive-rust'));
    }

    // Every service started here got the same CLOCK_START, and its clock runs on from when it read it,
    // after loading its code: one ready late (a minute or more on a loaded machine) runs that much behind.
    // The bench's clock starts from the same instant once all are ready, so it is never ahead of any
    // service's, and a token it mints is never issued in their future (refused beyond MAX_CLOCK_SKEW_SECONDS).
    const clock = reused ? systemClock : pinnedClock(new Date(BENCH_CLOCK_START));
    const started: System['gateways'] = { ours: `http://127.0.0.1:${oursPort}/graphql` };
    if (wanted.has('hive')) started.hive = `http://127.0.0.1:${hivePort}/graphql`;
    if (wanted.has('hive-rust')) started['hive-rust'] = `http://127.0.0.1:${rustPort}/graphql`;
    return {
      gateways: started,
      services: [
        { name: 'gateway', origin: `http://127.0.0.1:${oursPort}` },
        ...SUBGRAPHS.map(({ name }, index) => ({ name, origin: `http://127.0.0.1:${ports[index] ?? 0}` })),
        ...(secondRegistry ? [{ name: 'registry-2', origin: secondRegistry }] : []),
        ...children.flatMap(({ name, child }) => (name === 'database' && child.pid ? [{ name, pid: child.pid }] : [])),
      ],
      registryUrl: urls[subgraphUrlVariable('registry')] ?? '',
      registryProcesses: replicas ? 2 : 1,
      registryRequests: () => replicas?.passed() ?? [],
      registryDatabase,
      core,
      reused,
      clock,
      privateJwk: keys.privateJwk,
      stop: async () => {
        await stop();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
