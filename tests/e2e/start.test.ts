import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfText } from '@xueshi/documents/testing';
import { HELD_CALENDAR_YEARS, shanghaiYear } from '@xueshi/domain';
import { DEMO_LEARNER, DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { pinnedClock } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** Eight consecutive free ports: the gateway's, then the seven subgraphs'. */
async function freePortRun(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const ports = Array.from({ length: 8 }, (_, index) => base + index);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
}

/*
 * The README's first command, as a newcomer runs it: every service as its own process on a fresh
 * embedded database, with the 2021 plan and the demo. Its clock starts on a fixed day of the last year
 * whose official calendar is built in, so the demo always has upcoming sessions to register for (on the
 * real clock there are none in the last days of December until next year's calendar is built in).
 */
const START_AT = `${HELD_CALENDAR_YEARS.at(-1) ?? 2026}-09-01T10:00:00+08:00`;
const clock = pinnedClock(new Date(START_AT));

describe('pnpm start', () => {
  let child: ChildProcess;
  let output = '';
  let dataDir: string;
  let gateway = '';

  const post = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: { message: string }[] };
  };

  const until = async (text: RegExp) => {
    const deadline = Date.now() + 90_000;
    while (!text.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${text} in:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'xueshi-start-'));
    const base = await freePortRun();
    gateway = `http://127.0.0.1:${base}`;
    const { DATABASE_URL: _suiteDatabase, ...inherited } = process.env;
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env: {
        ...inherited,
        DATA_DIR: dataDir,
        PORT: String(base),
        SUBGRAPH_PORTS_FROM: String(base + 1),
        CLOCK_START: START_AT,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 240_000;
    while (!output.includes('The federated graph is up.')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`pnpm start did not come up:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints where everything is and answers the catalogue of the plan', async () => {
    expect(output).toContain(`gateway (GraphQL + GraphiQL)`);
    expect(output).toContain(DEMO_LEARNER.idNumber);
    const catalogue = await post<{ institutions: { name: string; profile: { courses: unknown[] } }[] }>(
      contractOperation('Catalogue'),
      {
        year: 2021,
      },
    );
    expect(catalogue.errors).toBeUndefined();
    expect(catalogue.data?.institutions.map((institution) => institution.name)).toContain('上海大学');
    const page = await fetch(`${gateway}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('graphiql');
  });

  it("shows the demo learner's entries, cycle verdict and a downloadable transcript", async () => {
    const signIn = await post<{ signIn: { token: string } }>(contractOperation('SignIn'), {
      idNumber: DEMO_LEARNER.idNumber,
      password: DEMO_PASSWORD,
    });
    const token = signIn.data?.signIn.token;
    expect(token).toBeTruthy();
    const record = await post<{ me: { creditEntries: unknown[]; cycle: { startYear: number; totalHours: number } } }>(
      contractOperation('MyRecord'),
      {},
      token,
    );
    expect(record.errors).toBeUndefined();
    expect(record.data?.me.creditEntries).toHaveLength(10);
    expect(record.data?.me.cycle).toMatchObject({ startYear: 2021, totalHours: 69.5 });
    const issued = await post<{ issueTranscript: { pdf: { url: string } } }>(
      `mutation { issueTranscript { pdf { url } } }`,
      {},
      token,
    );
    const pdf = await fetch(`${gateway}${issued.data?.issueTranscript.pdf.url ?? ''}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text).toContain('上海市专业技术人员继续教育学时记录');
  });

  it("walks the README's demo: register for an upcoming session, pay, withdraw with a full refund", async () => {
    const signIn = await post<{ signIn: { token: string } }>(contractOperation('SignIn'), {
      idNumber: DEMO_LEARNER.idNumber,
      password: DEMO_PASSWORD,
    });
    const token = signIn.data?.signIn.token;
    const offer = await post<{ institution: { profile: { courses: { sessions: { id: string; startsAt: string }[] }[] } } }>(
      `query ($year: Int!) { institution(code: "sjtu") { profile { courses(year: $year) { sessions { id startsAt } } } } }`,
      { year: shanghaiYear(clock.now()) },
    );
    const sessionId = offer.data?.institution.profile.courses
      .flatMap((course) => course.sessions)
      .find((session) => Date.parse(session.startsAt) > clock.now().getTime())?.id;
    expect(sessionId).toBeTruthy();
    const registered = await post<{ register: { id: string; status: string } }>(
      contractOperation('Register'),
      { sessionId },
      token,
    );
    expect(registered.data?.register.status).toBe('AWAITING_PAYMENT');
    const registrationId = registered.data?.register.id;
    const paid = await post<{ pay: { status: string } }>(
      contractOperation('Pay'),
      { registrationId, idempotencyKey: 'readme-walkthrough' },
      token,
    );
    expect(paid.data?.pay.status).toBe('SUCCEEDED');
    const withdrawn = await post<{ withdraw: { status: string; refundFen: number } }>(
      contractOperation('Withdraw'),
      { registrationId },
      token,
    );
    expect(withdrawn.data?.withdraw).toEqual({ id: registrationId, status: 'WITHDRAWN', refundFen: 24000 });
  });

  it('starts a killed registry again while the institutions keep serving, and says so', async () => {
    const pid = Number(/^registry started \(pid (\d+)\)$/m.exec(output)?.[1]);
    expect(pid).toBeGreaterThan(0);
    const sjtuPort = Number(new URL(gateway).port) + 1 + SUBGRAPHS.findIndex(({ name }) => name === 'sjtu');
    const sjtuReady = `http://127.0.0.1:${sjtuPort}/ready`;
    expect((await fetch(sjtuReady)).status).toBe(200);
    process.kill(pid, 'SIGKILL');
    await until(/^registry exited \(SIGKILL\); restarting it in 1 s \(restart 1\)$/m);
    // Nothing else went down with it.
    expect((await fetch(sjtuReady)).status).toBe(200);
    await until(/^registry is back \(pid (\d+)\)$/m);
    const restarted = Number(/^registry is back \(pid (\d+)\)$/m.exec(output)?.[1]);
    expect(restarted).not.toBe(pid);
    expect(child.exitCode).toBeNull();
    const signIn = await post<{ signIn: { token: string } }>(contractOperation('SignIn'), {
      idNumber: DEMO_LEARNER.idNumber,
      password: DEMO_PASSWORD,
    });
    expect(signIn.errors).toBeUndefined();
    const record = await post<{ me: { creditEntries: unknown[] } }>(contractOperation('MyRecord'), {}, signIn.data?.signIn.token);
    expect(record.data?.me.creditEntries).toHaveLength(10);
  });

  it('starts a killed embedded database again; the services reconnect and nothing committed is lost', async () => {
    const signIn = await post<{ signIn: { token: string } }>(contractOperation('SignIn'), {
      idNumber: DEMO_LEARNER.idNumber,
      password: DEMO_PASSWORD,
    });
    const token = signIn.data?.signIn.token;
    const before = await post<{ me: { registrations: unknown[] } }>(contractOperation('MyRecord'), {}, token);
    expect(before.data?.me.registrations.length).toBeGreaterThan(0);
    const pid = Number(/^database started \(pid (\d+)\)$/m.exec(output)?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await until(/^database exited \(SIGKILL\); restarting it in 1 s \(restart 1\)$/m);
    await until(/^database is back \(pid (\d+)\)$/m);
    // The services' connections were cut; each reconnects on its next statement.
    const deadline = Date.now() + 30_000;
    let after = await post<{ me: { registrations: unknown[] } }>(contractOperation('MyRecord'), {}, token);
    while (after.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await post<{ me: { registrations: unknown[] } }>(contractOperation('MyRecord'), {}, token);
    }
    expect(after.errors).toBeUndefined();
    expect(after.data?.me).toEqual(before.data?.me);
  });

  it('holds the whole demo, every service and its database, in at most 1.5 GB resident (issue 8)', () => {
    const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => {
        const [pid, parent, rss, ...command] = line.trim().split(/\s+/);
        return [Number(pid), Number(parent), Number(rss), command.join(' ')] as const;
      });
    const system = new Set([child.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, parent] of table) {
        if (system.has(parent) && !system.has(pid)) {
          system.add(pid);
          grew = true;
        }
      }
    }
    const processes = table.filter(([pid]) => system.has(pid));
    const residentKb = processes.reduce((sum, [, , rss]) => sum + rss, 0);
    // The supervisor, the embedded database, seven subgraphs and the gateway: ten processes.
    expect(system.size).toBeGreaterThanOrEqual(10);
    console.log(
      [
        `pnpm start: ${system.size} processes, ${(residentKb / 1024).toFixed(0)} MB resident`,
        ...processes.map(([, , rss, command]) => `  ${(rss / 1024).toFixed(0).padStart(5)} MB  ${command.slice(0, 100)}`),
      ].join('\n'),
    );
    expect(residentKb / 1024).toBeLessThanOrEqual(1536);
  });
});
