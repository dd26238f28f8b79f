import { DEMO_PASSWORD } from '@xueshi/institutions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { registrySnapshot } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';

const SIGN_IN = contractOperation('SignIn');
const STAFF_SIGN_IN = contractOperation('StaffSignIn');

describe('sign-in abuse per account', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo' });
  });
  afterAll(() => graph?.close());

  it('refuses an ID number after five failures in 15 minutes, even with the right password, until the window passes', async () => {
    const learner = await signUpLearner(graph, { password: 'the right password' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(errorCode(await graph.execute(SIGN_IN, { idNumber: learner.idNumber, password: `guess ${attempt}` }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const before = await registrySnapshot(graph.subgraph('registry').database);
    const limited = await graph.execute(SIGN_IN, { idNumber: learner.idNumber, password: 'the right password' });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.message).toMatch(/尝试次数过多.*Too many attempts/);
    expect(Number(limited.errors?.[0]?.extensions?.['retryAfterSeconds'])).toBeGreaterThan(0);
    expect(await registrySnapshot(graph.subgraph('registry').database)).toBe(before);

    const other = await signUpLearner(graph, { password: 'another password' });
    expect((await graph.execute(SIGN_IN, { idNumber: other.idNumber, password: 'another password' })).errors).toBeUndefined();

    graph.clock.advance(15 * 60 * 1000);
    expect((await graph.execute(SIGN_IN, { idNumber: learner.idNumber, password: 'the right password' })).errors).toBeUndefined();
  });

  it('forgives earlier failures once the right password is given', async () => {
    const learner = await signUpLearner(graph, { password: 'the right password' });
    for (let attempt = 1; attempt <= 4; attempt += 1)
      await graph.execute(SIGN_IN, { idNumber: learner.idNumber, password: 'wrong' });
    expect((await graph.execute(SIGN_IN, { idNumber: learner.idNumber, password: 'the right password' })).errors).toBeUndefined();
    for (let attempt = 1; attempt <= 4; attempt += 1)
      await graph.execute(SIGN_IN, { idNumber: learner.idNumber, password: 'wrong' });
    expect((await graph.execute(SIGN_IN, { idNumber: learner.idNumber, password: 'the right password' })).errors).toBeUndefined();
  });

  it('limits staff accounts the same way', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1)
      await graph.execute(STAFF_SIGN_IN, { username: 'shu-staff', password: 'wrong' });
    expect(errorCode(await graph.execute(STAFF_SIGN_IN, { username: 'shu-staff', password: DEMO_PASSWORD }))).toBe(
      'RATE_LIMITED',
    );
    expect((await graph.execute(STAFF_SIGN_IN, { username: 'sjtu-staff', password: DEMO_PASSWORD })).errors).toBeUndefined();
  });
});
