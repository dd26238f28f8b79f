import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_TIMEOUT_MS = 900_000;

interface BenchCell {
  requests: number;
  mismatches: number;
  errorSamples: string[];
}

/*
 * `pnpm bench` in its smallest mode, as a smoke test: it starts the system and all three gateways,
 * runs every workload on each and checks every answer against ours (a busy machine may time some out;
 * none may differ). No timing is asserted here;
 * performance claims come only from full runs (docs/performance.md).
 */
describe('pnpm bench --quick', () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it(
    'measures every workload on every gateway, each answer matching ours',
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'xueshi-bench-test-'));
      folders.push(folder);
      const json = join(folder, 'bench.json');
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--json', json], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

      expect(code, output).toBe(0);
      const result = JSON.parse(await readFile(json, 'utf8')) as {
        answersMatched: boolean;
        workloads: { workload: string; cells: Record<string, BenchCell> }[];
      };
      expect(result.answersMatched).toBe(true);
      expect(result.workloads.map((row) => row.workload)).toEqual([
        'Catalogue',
        'MyRecord (one learner)',
        'MyRecord (10 learners)',
        'Registration burst',
      ]);
      for (const row of result.workloads) {
        expect(Object.keys(row.cells).sort()).toEqual(['hive', 'hive-rust', 'ours']);
        for (const [gateway, cell] of Object.entries(row.cells)) {
          expect(cell.requests, `${row.workload} on ${gateway}`).toBeGreaterThan(0);
          expect(cell.mismatches, `${row.workload} on ${gateway}: ${cell.errorSamples.join('; ')}`).toBe(0);
        }
      }
    },
    BENCH_TIMEOUT_MS,
  );
});
