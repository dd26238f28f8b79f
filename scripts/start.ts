// Starts the whole system on this machine: every subgraph on its own embedded database (or on
// DATABASE_URL), then the gateway, and prints where everything is. It supervises them: a service that
// exits is started again after a growing pause, while the others keep serving. Ctrl-C stops them all.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEMO_LEARNER, DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS, subgraphUrlVariable } from '@xueshi/institutions/topology';
import { embeddedDatabaseListening, embeddedSocketPath, generateSigningKeys, pinnedClock } from '@xueshi/subgraph-kit/launch';
import { bundleServices } from './bundleServices';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(root, process.env['DATA_DIR'] ?? '.data');
const gatewayPort = Number(process.env['PORT'] ?? GATEWAY_DEFAULT_PORT);
/** Where the subgraphs listen: their usual ports, or consecutive ones from SUBGRAPH_PORTS_FROM. */
const portsFrom = process.env['SUBGRAPH_PORTS_FROM'] ? Number(process.env['SUBGRAPH_PORTS_FROM']) : undefined;
const subgraphs = SUBGRAPHS.map(({ name, defaultPort }, index) => ({
  name,
  port: portsFrom === undefined ? defaultPort : portsFrom + index,
}));
const urls = Object.fromEntries(
  subgraphs.map(({ name, port }) => [subgraphUrlVariable(name), `http://127.0.0.1:${port}/graphql`]),
);
const logLevel = process.env['LOG_LEVEL'] ?? 'warn';
/**
 * With CLOCK_START the whole system runs on one clock from that moment: each service (and each restart) is
 * told where that clock is when it starts, so a token one service issues is never from another's future.
 */
const systemClock = process.env['CLOCK_START'] ? pinnedClock(new Date(process.env['CLOCK_START'])) : undefined;
const READY_TIMEOUT_MS = 180_000;
/** The supervised process serving the embedded database. */
const EMBEDDED_DATABASE = 'database';

/** The embedded demo's signing keys: made once, kept in the data directory, never used in production. */
async function developmentKeys() {
  const file = join(dataDir, 'keys', 'jwt-development.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Awaited<ReturnType<typeof generateSigningKeys>>;
  } catch {
    const keys = await generateSigningKeys(`dev-${randomBytes(4).toString('hex')}`);
    await mkdir(join(dataDir, 'keys'), { recursive: true });
    await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
    return keys;
  }
}

/** Pauses before starting a crashed service again: 1 s, doubling up to 30 s. */
const RESTART_FIRST_DELAY_MS = 1_000;
const RESTART_MAX_DELAY_MS = 30_000;
/** A service that stayed up this long has recovered: its next crash starts the pauses from the first again. */
const RESTART_STABLE_MS = 60_000;

const children = new Map<string, ChildProcess>();
const restartTimers = new Set<NodeJS.Timeout>();
let stopping = false;
/** Set once everything was ready: a service that cannot even start the first time stops the lot. */
let up = false;

/** Starts a service and starts it again whenever it exits, until Ctrl-C. */
function superviseProcess(name: string, entry: string, env: Record<string, string>, ready: Readiness): void {
  let restarts = 0;
  const run = () => {
    const startedAt = Date.now();
    const child = startProcess(name, entry, env);
    child.on('exit', (code, signal) => {
      children.delete(name);
      if (stopping) return;
      if (!up) {
        console.error(`${name} exited (${signal ?? `code ${code}`}) before the system was up; stopping everything`);
        void stopAll(1);
        return;
      }
      restarts = Date.now() - startedAt >= RESTART_STABLE_MS ? 1 : restarts + 1;
      const delay = Math.min(RESTART_FIRST_DELAY_MS * 2 ** (restarts - 1), RESTART_MAX_DELAY_MS);
      console.error(`${name} exited (${signal ?? `code ${code}`}); restarting it in ${delay / 1000} s (restart ${restarts})`);
      const timer = setTimeout(() => {
        restartTimers.delete(timer);
        if (stopping) return;
        const again = run();
        waitUntilReady(name, ready, again).then(
          () => console.log(`${name} is back (pid ${again.pid})`),
          (error: unknown) => {
            // A restart that exits again says so itself, and is restarted in turn.
            if (!stopping && again.exitCode === null && again.signalCode === null) {
              console.error(error instanceof Error ? error.message : error);
            }
          },
        );
      }, delay);
      restartTimers.add(timer);
    });
    return child;
  };
  const first = run();
  console.log(`${name} started (pid ${first.pid})`);
}

function startProcess(name: string, entry: string, env: Record<string, string>): ChildProcess {
  // Small young generations: ten processes on one machine, each with V8's default of 16 MB semi-spaces,
  // held about 200 MB more between them in the start suite (ADR 0037).
  const child = spawn(process.execPath, ['--max-semi-space-size=2', entry], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: logLevel,
      DATA_DIR: dataDir,
      ...(systemClock ? { CLOCK_START: systemClock.now().toISOString() } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const prefix = `[${name}]`.padEnd(21);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  children.set(name, child);
  return child;
}

/** Where a service says it is ready: a URL answering 200, or the embedded database's socket. */
type Readiness = { url: string } | { socket: string };

const isReady = async (ready: Readiness): Promise<boolean> => {
  // The embedded database listens only once its cluster is open.
  if ('socket' in ready) return embeddedDatabaseListening(ready.socket);
  try {
    return (await fetch(ready.url)).ok;
  } catch {
    return false;
  }
};

/** Waits until the service is ready; throws on stopping, on the deadline, or when `child` exits first. */
async function waitUntilReady(name: string, ready: Readiness, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopping');
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`${name} exited`);
    if (await isReady(ready)) return;
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${name} was not ready at ${'url' in ready ? ready.url : ready.socket} within ${READY_TIMEOUT_MS / 1000}s`);
}

const stopChildren = (names: string[]) =>
  Promise.all(
    names.flatMap((name) => {
      const child = children.get(name);
      return child
        ? [
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
          ]
        : [];
    }),
  );

async function stopAll(exitCode: number): Promise<never> {
  stopping = true;
  for (const timer of restartTimers) clearTimeout(timer);
  // The services first, so none loses its database while it finishes what it was doing.
  await stopChildren([...children.keys()].filter((name) => name !== EMBEDDED_DATABASE));
  await stopChildren([EMBEDDED_DATABASE]);
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/** Builds the portal unless it is built already, in a process of its own (see below). */
const portalBuilt = () =>
  new Promise<void>((built, failed) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/portal/build.ts', '--if-changed'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? built() : failed(new Error(`the portal build failed (exit ${code})`))));
  });

const keys = await developmentKeys();
const shared = { JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk), NODE_ENV: 'development' };
console.log(
  `Starting ${SUBGRAPHS.length} subgraphs${process.env['DATABASE_URL'] ? ' on DATABASE_URL' : ` on embedded databases in ${dataDir}`}…`,
);
/** Without DATABASE_URL every subgraph keeps its schema in the one embedded database served here (ADR 0037). */
const embeddedSocket = process.env['DATABASE_URL'] ? undefined : embeddedSocketPath(dataDir);
/** Every service runs from a bundle of its own made here (ADR 0037). */
const servicesBundled = bundleServices(
  {
    [EMBEDDED_DATABASE]: join(root, 'scripts/embedded-database.ts'),
    gateway: join(root, 'gateway/src/index.ts'),
    ...Object.fromEntries(subgraphs.map(({ name }) => [name, join(root, `subgraphs/${name}/src/index.ts`)])),
  },
  join(dataDir, '.services'),
);
// Awaited where each service starts; this keeps a failed build from going unhandled before then.
servicesBundled.catch(() => undefined);
const bundleOf = async (name: string): Promise<string> => {
  const bundle = (await servicesBundled)[name];
  if (!bundle) throw new Error(`no bundle for ${name}`);
  return bundle;
};
const embeddedDatabaseUp = async () => {
  if (!embeddedSocket) return;
  const ready = { socket: embeddedSocket };
  superviseProcess(EMBEDDED_DATABASE, await bundleOf(EMBEDDED_DATABASE), {}, ready);
  await waitUntilReady(EMBEDDED_DATABASE, ready);
};
try {
  const databaseUp = embeddedDatabaseUp();
  await Promise.all([
    // The gateway serves the built portal; a build of unchanged sources is kept. Built in a process of its
    // own: the build's memory would otherwise stay with this supervisor for as long as the system runs.
    portalBuilt(),
    ...subgraphs.map(async ({ name, port }) => {
      await databaseUp;
      const ready = { url: `http://127.0.0.1:${port}/ready` };
      superviseProcess(
        name,
        await bundleOf(name),
        {
          ...shared,
          ...(embeddedSocket ? { EMBEDDED_DATABASE_SOCKET: embeddedSocket } : {}),
          PORT: String(port),
          ...(name === 'registry'
            ? {
                ...urls,
                JWT_PRIVATE_JWK: JSON.stringify(keys.privateJwk),
                PUBLIC_URL: `http://localhost:${gatewayPort}`,
                // A registry started again after a crash finds what the sandbox charged, as it would at a real provider.
                SANDBOX_LEDGER_FILE: process.env['SANDBOX_LEDGER_FILE'] ?? join(dataDir, 'sandbox-provider.json'),
              }
            : urls),
        },
        ready,
      );
      await waitUntilReady(name, ready);
    }),
  ]);
  const gatewayReady = { url: `http://127.0.0.1:${gatewayPort}/ready` };
  superviseProcess('gateway', await bundleOf('gateway'), { ...shared, ...urls, PORT: String(gatewayPort) }, gatewayReady);
  await waitUntilReady('gateway', gatewayReady);
} catch (error) {
  if (!stopping) {
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
  }
}

up = true;
const rows = [
  ['portal', `http://localhost:${gatewayPort}/`],
  ['gateway (GraphQL + GraphiQL)', `http://localhost:${gatewayPort}/graphql`],
  ...subgraphs.map(({ name, port }) => [`subgraph ${name}`, `http://localhost:${port}/graphql`]),
];
console.log(`
The federated graph is up.
${rows.map(([what, where]) => `  ${(what ?? '').padEnd(32)} ${where}`).join('\n')}

Demo accounts (embedded demo only), password ${DEMO_PASSWORD}:
  learner     ID number ${DEMO_LEARNER.idNumber}
  staff       registrar, analyst, <institution>-staff (e.g. sjtu-staff)
Health: /health and /ready on every port. A service that stops is started again; Ctrl-C stops everything.
`);
