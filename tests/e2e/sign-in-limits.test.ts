import { DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { SIGN_IN_LIMITS, SIGN_UP_LIMITS, createRateLimiter, memoryRateLimitStore } from '@xueshi/subgraph-kit';
import { ManualClock } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { randomIdNumber, registrySnapshot } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';

const SIGN_IN = contractOperation('SignIn');
const STAFF_SIGN_IN = contractOperation('StaffSignIn');
const SIGN_UP = contractOperation('SignUp');

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

describe('sign-in attempts in parallel', () => {
  let graph: TestGraph;
  // The gateway's counters per address, on a clock of their own: each test starts a window of its own.
  const clock = new ManualClock('2021-02-22T10:00:00+08:00');
  beforeEach(() => clock.advance(SIGN_IN_LIMITS.failuresPerAddress.windowSeconds * 1000));
  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo', signInLimiter: createRateLimiter(memoryRateLimitStore(clock), clock) });
  });
  afterAll(() => graph?.close());

  it('checks at most five passwords of 30 sent at once for one account, so the right one sent last is refused', async () => {
    const learner = await signUpLearner(graph, { password: 'the right password' });
    const passwords = [...Array.from({ length: 29 }, (_, index) => `guess ${index}`), 'the right password'];
    const results = await Promise.all(
      passwords.map((password) => graph.execute(SIGN_IN, { idNumber: learner.idNumber, password })),
    );
    const codes = results.map(errorCode);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(SIGN_IN_LIMITS.failuresPerAccount.limit);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(30 - SIGN_IN_LIMITS.failuresPerAccount.limit);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
  });

  it('lets parallel batches from one address try at most 30 accounts', async () => {
    const batch = () =>
      Array.from({ length: 10 }, () => ({ query: SIGN_IN, variables: { idNumber: randomIdNumber(), password: 'guess' } }));
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const response = await fetch(graph.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(batch()),
        });
        return (await response.json()) as Parameters<typeof errorCode>[0][];
      }),
    );
    const codes = answers.flat().map(errorCode);
    expect(codes).toHaveLength(60);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(SIGN_IN_LIMITS.failuresPerAddress.limit);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(60 - SIGN_IN_LIMITS.failuresPerAddress.limit);
  });
});

describe('sign-ups, with production limits', () => {
  let graph: TestGraph;
  const clock = new ManualClock('2021-02-22T10:00:00+08:00');
  const { perAddress, perMobile } = SIGN_UP_LIMITS.production;
  beforeEach(() => clock.advance(perAddress.windowSeconds * 1000));
  beforeAll(async () => {
    graph = await startTestGraph({
      seed: 'demo',
      signInLimiter: createRateLimiter(memoryRateLimitStore(clock), clock),
      productionSignUpLimits: true,
    });
  });
  afterAll(() => graph?.close());

  const signUp = (overrides: Record<string, string> = {}) =>
    graph.execute(SIGN_UP, {
      input: {
        idNumber: randomIdNumber(),
        name: '李明',
        password: 'correct horse battery',
        mobile: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        employer: '上海测试科技有限公司',
        ...overrides,
      },
    });

  it('lets one address attempt 10 sign-ups an hour, however many it sends at once', async () => {
    const before = await registrySnapshot(graph.subgraph('registry').database);
    const results = await Promise.all(Array.from({ length: 30 }, () => signUp()));
    const codes = results.map(errorCode);
    expect(codes.filter((code) => code === undefined)).toHaveLength(perAddress.limit);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(30 - perAddress.limit);
    const refused = results.find((result) => errorCode(result) === 'RATE_LIMITED');
    expect(refused?.errors?.[0]?.message).toMatch(/注册次数过多.*Too many sign-ups from this address/);
    expect(await registrySnapshot(graph.subgraph('registry').database)).not.toBe(before);
  });

  it('lets one mobile attempt 3 sign-ups a day, a probe for a registered ID number included', async () => {
    const mobile = '13700001111';
    const taken = await signUpLearner(graph);
    expect(errorCode(await signUp({ mobile, idNumber: taken.idNumber }))).toBe('CONFLICT');
    const results = await Promise.all(Array.from({ length: 5 }, () => signUp({ mobile })));
    const codes = results.map(errorCode);
    expect(codes.filter((code) => code === undefined)).toHaveLength(perMobile.limit - 1);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(5 - (perMobile.limit - 1));
    expect(errorCode(await signUp({ mobile: '13700002222' }))).toBeUndefined();
  });

  it('answers a taken ID number with CONFLICT that says how to ask the registrar for it, in both languages', async () => {
    const taken = await signUpLearner(graph);
    const conflict = await signUp({ idNumber: taken.idNumber });
    expect(conflict.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reclaim: 'REGISTRAR' });
    expect(conflict.errors?.[0]?.message).toMatch(/注册管理员.*找回.*registrar.*restores/);
  });
});
