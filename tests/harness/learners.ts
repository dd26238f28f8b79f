import { randomInt } from 'node:crypto';
import type { Caller } from '@xueshi/subgraph-kit';
import { contractOperation } from './contract';
import { randomIdNumber } from './fixtures';
import type { GraphResult, TestGraph } from './graph';

export interface SignedUpLearner {
  id: string;
  idNumber: string;
  token: string;
  caller: Caller;
}

/** Signs up a new learner through the gateway with the contract's SignUp. */
export async function signUpLearner(
  graph: TestGraph,
  overrides: Partial<{ idNumber: string; name: string; password: string; mobile: string; employer: string }> = {},
): Promise<SignedUpLearner> {
  const input = {
    idNumber: randomIdNumber(),
    name: '李明',
    password: 'correct horse battery',
    // A mobile of its own, as each real learner has: sign-ups are limited per mobile.
    mobile: `139${String(randomInt(100_000_000)).padStart(8, '0')}`,
    employer: '上海测试科技有限公司',
    ...overrides,
  };
  const result = await graph.execute<{ signUp: { token: string; learner: { id: string } } }>(contractOperation('SignUp'), {
    input,
  });
  if (!result.data?.signUp) throw new Error(`signUp failed: ${JSON.stringify(result.errors)}`);
  const { token, learner } = result.data.signUp;
  return { id: learner.id, idNumber: input.idNumber, token, caller: { role: 'LEARNER', subject: learner.id } };
}

/** The `extensions.code` of a result's first error, for asserting refusals. */
export const errorCode = (result: GraphResult<unknown>): unknown => result.errors?.[0]?.extensions?.['code'];
