import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { idNumberCheckCharacter } from '@xueshi/domain';
import { DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { TEST_LOG_DIR } from '@xueshi/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';

// Run after the whole suite (pnpm test): reads every log the suite's services wrote.
describe('the logs of the full test run', () => {
  let lines: string[] = [];

  beforeAll(async () => {
    const files = (await readdir(TEST_LOG_DIR)).filter((file) => file.endsWith('.log'));
    const contents = await Promise.all(files.map((file) => readFile(join(TEST_LOG_DIR, file), 'utf8')));
    lines = contents.flatMap((content) => content.split('\n')).filter((line) => line.trim() !== '');
  });

  it('were written: operations of every service were logged', () => {
    expect(lines.length).toBeGreaterThan(1000);
    const services = new Set(lines.map((line) => (JSON.parse(line) as { service?: string }).service));
    for (const service of ['gateway', 'registry', 'sjtu', 'elective-provider']) expect(services).toContain(service);
  });

  it('hold no full ID number', () => {
    const leaks = lines.flatMap((line) =>
      [...line.matchAll(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g)]
        .map((match) => match[0])
        .filter((candidate) => idNumberCheckCharacter(candidate.slice(0, 17)) === candidate[17]),
    );
    expect(leaks).toEqual([]);
  });

  it('hold no mobile number', () => {
    expect(lines.filter((line) => /(?<!\d)1[3-9]\d{9}(?!\d)/.test(line))).toEqual([]);
  });

  it('hold no token', () => {
    expect(lines.filter((line) => /eyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]{6,}/.test(line))).toEqual([]);
  });

  it('hold no password the suite used', () => {
    const passwords = [DEMO_PASSWORD, 'correct horse battery', 'a long secret', 'good password', 'not the password'];
    expect(lines.filter((line) => passwords.some((password) => line.includes(password)))).toEqual([]);
  });
});
