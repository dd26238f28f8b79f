import { contractOperation } from './contract';
import type { TestGraph } from './graph';
import type { SignedUpLearner } from './learners';

/** Registers `learner` for `sessionId` and pays; returns the registration's id. Throws when either is refused. */
export async function registerAndPay(graph: TestGraph, learner: SignedUpLearner, sessionId: string): Promise<string> {
  const registered = await graph.execute<{ register: { id: string } }>(
    contractOperation('Register'),
    { sessionId },
    learner.caller,
  );
  const registrationId = registered.data?.register.id;
  if (!registrationId) throw new Error(`register failed: ${JSON.stringify(registered.errors)}`);
  const paid = await graph.execute<{ pay: { status: string } }>(
    contractOperation('Pay'),
    { registrationId, idempotencyKey: `pay-${registrationId}` },
    learner.caller,
  );
  if (paid.data?.pay.status !== 'SUCCEEDED') throw new Error(`pay failed: ${JSON.stringify(paid)}`);
  return registrationId;
}
