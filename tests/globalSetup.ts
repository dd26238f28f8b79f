import { rm } from 'node:fs/promises';
import { TEST_LOG_DIR } from '@xueshi/subgraph-kit/testing';

/** Each run starts with no logs, so the audit after it reads this run's logs alone. */
export default async function setup(): Promise<void> {
  await rm(TEST_LOG_DIR, { recursive: true, force: true });
}
