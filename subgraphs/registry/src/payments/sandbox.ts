import { createHash } from 'node:crypto';
import type { PaymentProvider, ProviderResult } from './provider';

export interface SandboxProvider extends PaymentProvider {
  /** Money moved so far, by idempotency key: what a real provider's ledger would show. */
  readonly charges: ReadonlyMap<string, number>;
  readonly refunds: ReadonlyMap<string, number>;
  /** Declines the next `count` new charges, as a bank would: for showing and testing failures. */
  declineNextCharges(count: number): void;
}

const reference = (kind: string, key: string) => `sandbox-${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;

/**
 * A provider that moves no real money and accepts every charge unless told to decline. Like a real
 * provider it is idempotent on the key (a key it has seen gets its first answer again), and its
 * references derive from the key, so registry replicas that each hold a sandbox agree.
 */
export function createSandboxProvider(): SandboxProvider {
  const charges = new Map<string, number>();
  const refunds = new Map<string, number>();
  const answered = new Map<string, ProviderResult>();
  let declines = 0;
  return {
    name: 'sandbox',
    charges,
    refunds,
    declineNextCharges: (count) => {
      declines = count;
    },
    charge: async ({ idempotencyKey, amountFen }) => {
      const known = answered.get(idempotencyKey);
      if (known) return known;
      let result: ProviderResult;
      if (declines > 0) {
        declines -= 1;
        result = {
          status: 'FAILED',
          reference: reference('charge', idempotencyKey),
          failureReason: '银行卡被拒绝 (card declined)',
        };
      } else {
        charges.set(idempotencyKey, amountFen);
        result = { status: 'SUCCEEDED', reference: reference('charge', idempotencyKey) };
      }
      answered.set(idempotencyKey, result);
      return result;
    },
    refund: async ({ idempotencyKey, amountFen }) => {
      if (!refunds.has(idempotencyKey)) refunds.set(idempotencyKey, amountFen);
      return { status: 'SUCCEEDED', reference: reference('refund', idempotencyKey) };
    },
  };
}
