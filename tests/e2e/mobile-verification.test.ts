import { mobileCodes } from '@xueshi/registry/db';
import { createSandboxSms } from '@xueshi/registry/sms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';
import type { SignedUpLearner } from '../harness/learners';
import { insertFreshSjtuSession } from './security/support';

const REGISTER = contractOperation('Register');
const REQUEST_CODE = 'mutation { requestMobileCode { expiresAt } }';
const VERIFY = 'mutation ($code: String!) { verifyMobile(code: $code) { id mobileVerified } }';
const PAY = 'mutation ($id: ID!, $key: String!) { pay(registrationId: $id, idempotencyKey: $key) { status } }';

describe('mobile verification by SMS code, where required (production)', () => {
  let graph: TestGraph;
  const sms = createSandboxSms();
  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo', smsProvider: sms, mobileVerificationRequired: true });
  });
  afterAll(() => graph?.close());

  const mobileOf = async (learner: SignedUpLearner) =>
    (await graph.execute<{ me: { mobile: string } }>('{ me { mobile } }', {}, learner.caller)).data?.me.mobile;
  /** The code in the last SMS the learner's mobile received. */
  const lastCode = async (learner: SignedUpLearner) => {
    const mobile = await mobileOf(learner);
    const message = [...sms.sent].reverse().find((sent) => sent.mobile === mobile);
    return message?.text.match(/\d{6}/)?.[0] ?? '';
  };
  const requestCode = (learner: SignedUpLearner) => graph.execute(REQUEST_CODE, {}, learner.caller);
  const verify = (learner: SignedUpLearner, code: string) => graph.execute(VERIFY, { code }, learner.caller);

  it('refuses to register or pay until the mobile is verified, then registers', async () => {
    const learner = await signUpLearner(graph);
    const session = await insertFreshSjtuSession(graph);
    const refused = await graph.execute(REGISTER, { sessionId: session }, learner.caller);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MOBILE_NOT_VERIFIED' });
    expect(refused.errors?.[0]?.message).toMatch(/验证.*Verify your mobile/);
    const pay = await graph.execute(PAY, { id: '00000000-0000-4000-8000-000000000000', key: 'k-1' }, learner.caller);
    expect(pay.errors?.[0]?.extensions?.['reason']).toBe('MOBILE_NOT_VERIFIED');

    const sent = await graph.execute<{ requestMobileCode: { expiresAt: string } }>(REQUEST_CODE, {}, learner.caller);
    expect(sent.errors).toBeUndefined();
    expect(new Date(sent.data?.requestMobileCode.expiresAt ?? 0).getTime() - graph.clock.now().getTime()).toBe(10 * 60 * 1000);
    const code = await lastCode(learner);
    expect(code).toMatch(/^\d{6}$/);
    // Stored only as a salted hash.
    const [stored] = await graph.subgraph('registry').database.db.select().from(mobileCodes);
    expect(JSON.stringify(stored)).not.toContain(code);

    expect(await verify(learner, code)).toMatchObject({ data: { verifyMobile: { id: learner.id, mobileVerified: true } } });
    expect(errorCode(await verify(learner, code))).toBe('BAD_USER_INPUT');
    expect((await graph.execute(REGISTER, { sessionId: session }, learner.caller)).errors).toBeUndefined();
  });

  it('allows five guesses of a code, even sent at once, then wants a new code', async () => {
    const learner = await signUpLearner(graph);
    await requestCode(learner);
    const code = await lastCode(learner);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const guesses = await Promise.all(Array.from({ length: 8 }, () => verify(learner, wrong)));
    const attemptsLeft = guesses
      .map((guess) => guess.errors?.[0]?.extensions?.['attemptsLeft'])
      .filter((left) => left !== undefined);
    expect(attemptsLeft.sort()).toEqual([0, 1, 2, 3, 4]);
    const afterwards = await verify(learner, code);
    expect(afterwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(afterwards.errors?.[0]?.message).toMatch(/重新获取.*ask for a new one/);

    await requestCode(learner);
    expect((await verify(learner, await lastCode(learner))).errors).toBeUndefined();
  });

  it('lets a code expire after 10 minutes, and a learner ask for ten codes an hour', async () => {
    const learner = await signUpLearner(graph);
    await requestCode(learner);
    const code = await lastCode(learner);
    graph.clock.advance(10 * 60 * 1000);
    expect(errorCode(await verify(learner, code))).toBe('BAD_USER_INPUT');
    for (let request = 2; request <= 10; request += 1) expect((await requestCode(learner)).errors).toBeUndefined();
    expect(errorCode(await requestCode(learner))).toBe('RATE_LIMITED');
    expect(errorCode(await graph.execute(REQUEST_CODE))).toBe('UNAUTHENTICATED');
    expect(errorCode(await graph.execute(REQUEST_CODE, {}, { role: 'REGISTRAR', subject: 'registrar' }))).toBe('FORBIDDEN');
  });
});
