import { idNumberRestorations } from '@xueshi/registry/db';
import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { expectRefusedWithoutChange, randomIdNumber } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';

const SIGN_IN = contractOperation('SignIn');
const SIGN_UP = contractOperation('SignUp');
const RESTORE = `mutation ($input: RestoreIdNumberInput!) {
  restoreIdNumber(input: $input) { id registrar identityCheck reason restoredAt lockedLearner { id name } }
}`;
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };

describe('an ID number claimed by someone else, restored by the registrar', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo' });
  });
  afterAll(() => graph?.close());

  const ownerInput = (idNumber: string) => ({
    idNumber,
    name: '王芳',
    password: 'the owner’s password',
    mobile: '13655556666',
    employer: '上海真实工程有限公司',
  });

  it('locks the claiming account, lets the owner sign up with the number, and records who, when, why and how', async () => {
    const idNumber = randomIdNumber();
    const squatter = await signUpLearner(graph, { idNumber, name: '冒名者', password: 'squatter password' });

    const taken = await graph.execute(SIGN_UP, { input: ownerInput(idNumber) });
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(taken.errors?.[0]?.extensions?.['reclaim']).toBe('REGISTRAR');

    const restored = await graph.execute<{ restoreIdNumber: Record<string, unknown> }>(
      RESTORE,
      { input: { idNumber, identityCheck: '身份证原件核验，本人到场', reason: '号码被他人抢注，本人申请找回' } },
      REGISTRAR,
    );
    expect(restored.errors).toBeUndefined();
    expect(restored.data?.restoreIdNumber).toMatchObject({
      registrar: 'registrar',
      identityCheck: '身份证原件核验，本人到场',
      reason: '号码被他人抢注，本人申请找回',
      restoredAt: '2021-02-22T10:00:00+08:00',
      lockedLearner: { id: squatter.id, name: '冒名者' },
    });

    expect(errorCode(await graph.execute(SIGN_IN, { idNumber, password: 'squatter password' }))).toBe('UNAUTHENTICATED');
    const owner = await graph.execute<{ signUp: { learner: { id: string } } }>(SIGN_UP, { input: ownerInput(idNumber) });
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.signUp.learner.id).not.toBe(squatter.id);
    const signedIn = await graph.execute<{ signIn: { learner: { id: string } } }>(SIGN_IN, {
      idNumber,
      password: 'the owner’s password',
    });
    expect(signedIn.data?.signIn.learner.id).toBe(owner.data?.signUp.learner.id);

    const audit = await graph.subgraph('registry').database.db.select().from(idNumberRestorations);
    expect(audit.filter((row) => row.idNumber === idNumber)).toEqual([
      expect.objectContaining({ lockedLearnerId: squatter.id, registrar: 'registrar', reason: '号码被他人抢注，本人申请找回' }),
    ]);
  });

  it('refuses, changing nothing, a number no open account holds, an invalid one, a missing reason, and anyone but the registrar', async () => {
    const squatter = await signUpLearner(graph);
    const input = { idNumber: squatter.idNumber, identityCheck: '身份证原件核验', reason: '号码被抢注' };
    const registry = graph.subgraph('registry').database;
    const refused = (variables: Record<string, unknown>, caller?: Caller) =>
      expectRefusedWithoutChange(registry, () => graph.execute(RESTORE, { input: { ...input, ...variables } }, caller));
    expect(errorCode(await refused({ idNumber: randomIdNumber() }, REGISTRAR))).toBe('NOT_FOUND');
    expect((await refused({ idNumber: '310104198806150010' }, REGISTRAR)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idNumber',
    });
    expect((await refused({ reason: ' ' }, REGISTRAR)).errors?.[0]?.extensions).toMatchObject({ field: 'reason' });
    expect((await refused({ identityCheck: '' }, REGISTRAR)).errors?.[0]?.extensions).toMatchObject({ field: 'identityCheck' });
    expect(errorCode(await refused({}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await refused({}, squatter.caller))).toBe('FORBIDDEN');
    expect(errorCode(await refused({}, { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' }))).toBe(
      'FORBIDDEN',
    );
  });
});
