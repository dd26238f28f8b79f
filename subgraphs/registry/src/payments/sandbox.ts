import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { PaymentProvider, ProviderNotification, ProviderResult } from './provider';

export interface SandboxProvider extends PaymentProvider {
  /** Money moved so far, by idempotency key: what a real provider's ledger would show. */
  readonly charges: ReadonlyMap<string, number>;
  readonly refunds: ReadonlyMap<string, number>;
  /** Every notification the sandbox has sent, in order: tests send them again, in any order. */
  readonly notifications: readonly ProviderNotification[];
  /** Declines the next `count` new charges, as a bank would: for showing and testing failures. */
  declineNextCharges(count: number): void;
  /** Sends notifications to the registry again, as a provider retrying its webhooks would. */
  redeliver(notifications: readonly ProviderNotification[]): Promise<void>;
}

const reference = (kind: string, key: string) => `sandbox-${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;

export interface SandboxOptions {
  /**
   * Where the sandbox keeps what it charged, refunded and answered, so that a registry started again
   * finds the provider's side as a real provider would keep it; in memory only when absent.
   */
  ledgerFile?: string | undefined;
}

interface SandboxLedger {
  charges: [string, number][];
  refunds: [string, number][];
  answered: [string, ProviderResult][];
}

/**
 * A provider that moves no real money and accepts every charge unless told to decline. Like a real
 * provider it is idempotent on the key (a key it has seen gets its first answer again), its references
 * derive from the key, so registry replicas that each hold a sandbox agree, and it notifies the registry
 * of every charge and refund it settles.
 */
export function createSandboxProvider(options: SandboxOptions = {}): SandboxProvider {
  const { ledgerFile } = options;
  const kept = ledgerFile && existsSync(ledgerFile) ? (JSON.parse(readFileSync(ledgerFile, 'utf8')) as SandboxLedger) : undefined;
  const charges = new Map<string, number>(kept?.charges);
  const refunds = new Map<string, number>(kept?.refunds);
  const answered = new Map<string, ProviderResult>(kept?.answered);
  /** Written before the sandbox answers, and replaced whole, so a registry killed at any point finds it. */
  const keep = () => {
    if (!ledgerFile) return;
    const ledger: SandboxLedger = { charges: [...charges], refunds: [...refunds], answered: [...answered] };
    writeFileSync(`${ledgerFile}.next`, JSON.stringify(ledger));
    renameSync(`${ledgerFile}.next`, ledgerFile);
  };
  const notifications: ProviderNotification[] = [];
  let listener: ((notification: ProviderNotification) => Promise<void>) | undefined;
  let declines = 0;
  const notify = async (notification: ProviderNotification) => {
    notifications.push(notification);
    await listener?.(notification);
  };
  return {
    name: 'sandbox',
    charges,
    refunds,
    notifications,
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
      keep();
      await notify({ kind: 'charge', idempotencyKey, result });
      return result;
    },
    refund: async ({ idempotencyKey, amountFen }) => {
      const result: ProviderResult = { status: 'SUCCEEDED', reference: reference('refund', idempotencyKey) };
      if (!refunds.has(idempotencyKey)) {
        refunds.set(idempotencyKey, amountFen);
        keep();
        await notify({ kind: 'refund', idempotencyKey, result });
      }
      return result;
    },
    close: async ({ idempotencyKey }) => {
      const known = answered.get(idempotencyKey);
      if (known) return known;
      const closed: ProviderResult = {
        status: 'FAILED',
        reference: reference('charge', idempotencyKey),
        failureReason: '支付未完成，订单已关闭 (the payment was not completed; the order is closed)',
      };
      answered.set(idempotencyKey, closed);
      keep();
      return closed;
    },
    onNotification: (next) => {
      listener = next;
    },
    redeliver: async (again) => {
      for (const notification of again) await listener?.(notification);
    },
  };
}
