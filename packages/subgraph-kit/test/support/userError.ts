import { UserError } from '@xueshi/subgraph-kit';
import type { ErrorCode } from '@xueshi/subgraph-kit';
import { expect } from 'vitest';

/** Asserts that `attempt` fails with a UserError carrying `code`, and returns it for further checks. */
export async function expectUserError(attempt: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<UserError> {
  let failure: unknown;
  try {
    await (typeof attempt === 'function' ? attempt() : attempt);
  } catch (error) {
    failure = error;
  }
  expect(failure, `expected a UserError ${code}`).toBeInstanceOf(UserError);
  const userError = failure as UserError;
  expect(userError.code).toBe(code);
  expect(userError.extensions['code']).toBe(code);
  return userError;
}
