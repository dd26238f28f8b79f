// Starts the whole system on this machine: every subgraph on its own embedded database (or on
// DATABASE_URL), then the gateway, and prints where everything is. Ctrl-C stops them all.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEMO_LEARNER, DEMO_PASSWORD, GATEWAY_DEFAULT_PORT, SUBGRAPHS, subgraphUrlVariable } from '@xueshi/institutions';
import { generateSigningKeys } from '@xueshi/subgraph-kit';

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
const READY_TIMEOUT_MS = 180_000;

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

const children = new Map<string, ChildProcess>();
let stopping = false;

function startProcess(name: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: logLevel, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const prefix = `[${name}]`.padEnd(21);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping everything`);
      void stopAll(1);
    }
  });
  children.set(name, child);
  return child;
}

async function waitUntilReady(name: string, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopping');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${name} was not ready at ${url} within ${READY_TIMEOUT_MS / 1000}s`);
}

async function stopAll(exitCode: number): Promise<never> {
  stopping = true;
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

const keys = await developmentKeys();
const shared = { JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk), NODE_ENV: 'development' };
console.log(
  `Starting ${SUBGRAPHS.length} subgraphs${process.env['DATABASE_URL'] ? ' on DATABASE_URL' : ` on embedded databases in ${dataDir}`}…`,
);
try {
  await Promise.all(
    subgraphs.map(async ({ name, port }) => {
      startProcess(name, `subgraphs/${name}/src/index.ts`, {
        ...shared,
        PORT: String(port),
        ...(name === 'registry'
          ? { ...urls, JWT_PRIVATE_JWK: JSON.stringify(keys.privateJwk), PUBLIC_URL: `http://localhost:${gatewayPort}` }
          : urls),
      });
      await waitUntilReady(name, `http://127.0.0.1:${port}/ready`);
    }),
  );
  startProcess('gateway', 'gateway/src/index.ts', { ...shared, ...urls, PORT: String(gatewayPort) });
  await waitUntilReady('gateway', `http://127.0.0.1:${gatewayPort}/ready`);
} catch (error) {
  if (!stopping) {
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
  }
}

const rows = [
  ['gateway (GraphQL + GraphiQL)', `http://localhost:${gatewayPort}/graphql`],
  ...subgraphs.map(({ name, port }) => [`subgraph ${name}`, `http://localhost:${port}/graphql`]),
];
console.log(`
The federated graph is up.
${rows.map(([what, where]) => `  ${(what ?? '').padEnd(32)} ${where}`).join('\n')}

Demo accounts (embedded demo only), password ${DEMO_PASSWORD}:
  learner     ID number ${DEMO_LEARNER.idNumber}
  staff       registrar, analyst, <institution>-staff (e.g. sjtu-staff)
Health: /health and /ready on every port. Ctrl-C stops everything.
`);
