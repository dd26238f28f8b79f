import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subgraphUrlVariable } from '@xueshi/institutions/topology';
import { TEST_LOG_DIR } from '@xueshi/subgraph-kit/testing';

const STOP_GRACE_MS = 10_000;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServiceProcess {
  url: string;
  /** Sends the process a signal: SIGSTOP hangs it (connections open, nothing answered), SIGCONT resumes it. */
  signal(signal: NodeJS.Signals): void;
  /** Settles once the process has exited, however it ended. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a service (`subgraphs/registry`, `gateway`, …) as its own OS process, exactly as it runs in
 * production, and waits until /ready answers.
 */
export function startServiceProcess(entry: string, env: Record<string, string>): Promise<ServiceProcess> {
  return startProcess(entry.replace(/\W+/g, '-'), () => ['--import', 'tsx', `${entry}/src/index.ts`], '/ready', {
    LOG_LEVEL: 'debug',
    ...env,
  });
}

/**
 * Starts Hive Gateway (the pinned devDependency) serving the committed supergraph unchanged with
 * bench/hive.config.ts, the subgraphs at `subgraphUrls` (by name), and waits until it is ready.
 */
export function startHiveGateway(subgraphUrls: Readonly<Record<string, string>>, rustPlanner = false): Promise<ServiceProcess> {
  const env = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [subgraphUrlVariable(name), url]));
  return startProcess(
    'hive-gateway',
    (port) => [
      join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js'),
      'supergraph',
      'gateway/supergraph.graphql',
      '-c',
      'bench/hive.config.ts',
      '--port',
      String(port),
      ...(rustPlanner ? ['--hive-router-runtime'] : []),
    ],
    '/readiness',
    env,
  );
}

async function startProcess(
  name: string,
  args: (port: number) => string[],
  readyPath: string,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, args(port), {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_FILE: join(TEST_LOG_DIR, `${name}-${port}.log`),
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    signal: (signal) => void child.kill(signal),
    exited,
    stop: async () => {
      // A stopped process would not see SIGTERM until resumed.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      // One that will not drain within a while is stopped outright.
      const stubborn = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(stubborn);
    },
  };
}
